// A crash between an attachment's file write and its row's commit (issue 19): a child process writes
// the blobs (fsynced) and is SIGKILLed before the transaction. After: no attachment row, no blob row,
// no outbox record — and the sweep reports the files as orphans (never deleting them). A second run
// that is let commit proves the same path does commit when it is not killed.
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBranchApp } from '../../src-main/app';
import { hasBlob } from '../../src-main/db/blob-store';
import { openDatabase } from '../../src-main/db/connection';
import { sweepAttachments, sweepIsClean } from '../../src-main/services/attachment-sweep';
import { DEFAULT_BRANCH_SETTINGS } from '../../src-main/shared/settings-schema';
import { noisyJpeg } from '../helpers/attachment-files';
import { openTestStore, phoneCase } from '../helpers/store';

const ROOT = resolve(import.meta.dirname, '../..');
const WRITER = join(ROOT, 'test/helpers/attach-crash-writer.ts');

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs the writer until it reports its blobs written; then kills it, or lets it commit. */
function runWriter(file: string, caseId: string, photo: string, kill: boolean) {
  // node --import tsx, not the tsx CLI: the CLI is a wrapper process and SIGKILL would miss the writer.
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, caseId, photo], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise<{ fileSha: string; thumbSha: string; signal: NodeJS.Signals | null; out: string }>((res, rej) => {
    let out = '';
    let shas: string[] = [];
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /written (\w+) (\w+)\n/.exec(out);
      if (m && shas.length === 0) {
        shas = [m[1] as string, m[2] as string];
        if (kill) child.kill('SIGKILL');
        else child.stdin.write('go\n');
      }
    });
    child.on('exit', (code, signal) => {
      if (shas.length === 0) rej(new Error(`writer exited (code ${code}) before writing: ${err}`));
      else res({ fileSha: shas[0] as string, thumbSha: shas[1] as string, signal, out });
    });
  });
}

describe('SIGKILL between the blob write and the row commit', () => {
  it('leaves no row and the sweep reports the orphan files', { timeout: 60_000 }, async () => {
    const s = openTestStore();
    dirs.push(s.dir);
    const caseId = phoneCase(s).id;
    const outboxBefore = s.db.prepare('SELECT count(*) AS n FROM outbox').get();
    s.db.close();
    const photo = join(s.dir, 'shoe.jpg');
    writeFileSync(photo, await noisyJpeg(1200, 900, { gps: true }));

    const killed = await runWriter(s.file, caseId, photo, true);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.out).not.toContain('committed');

    const { db } = openDatabase(s.file);
    try {
      const ctx = createBranchApp({ db, settings: { branch: () => DEFAULT_BRANCH_SETTINGS } }).ctx;
      expect(db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM attachment_blobs').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual(outboxBefore);
      // The files were durably written before the kill: on disk, named by their hash, reported.
      expect(hasBlob(ctx.blobRoot!, killed.fileSha)).toBe(true);
      const report = sweepAttachments(ctx, { verify: true });
      expect(report.orphans.map((o) => o.sha256).sort()).toEqual([killed.fileSha, killed.thumbSha].sort());
      expect(report.missing).toEqual([]);
      expect(sweepIsClean(report)).toBe(false);
    } finally {
      db.close();
    }

    // The same file again, not killed: it commits, and the earlier orphans are now its blobs.
    const done = await runWriter(s.file, caseId, photo, false);
    expect(done.out).toContain('committed');
    expect(done.fileSha).toBe(killed.fileSha);
    const again = openDatabase(s.file).db;
    try {
      const ctx = createBranchApp({ db: again, settings: { branch: () => DEFAULT_BRANCH_SETTINGS } }).ctx;
      expect(again.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 1 });
      expect(sweepIsClean(sweepAttachments(ctx, { verify: true }))).toBe(true);
    } finally {
      again.close();
    }
  });
});
