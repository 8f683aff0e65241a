// The batch file (USB) from the branch CLI to the head-office CLI: same result as a push, a
// second import changes nothing, the next online sync acknowledges it, and a tampered or
// foreign file is refused whole. The file is sealed for head office (issue 20 §4, batch-seal.ts): no
// phone on the stick, a changed byte refused; an older plain file still imports.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addBranch } from '../../src-headoffice/branches';
import { importBatchFileText } from '../../src-headoffice/file-import';
import type { HqStore } from '../../src-headoffice/store';
import { syncOnce } from '../../src-main/sync/sync-run';
import { ackedSeq } from '../../src-main/sync/sync-state';
import { isSyncError } from '../../src-main/sync/batch-errors';
import { encodeBatchFile, FILE_SIGN_PATH } from '../../src-main/sync/batch-file';
import { signRequest } from '../../src-main/sync/batch-sign';
import { exportBatches } from '../../src-main/sync/export-batch';
import { SEAL_MAGIC, unsealFile } from '../../src-main/sync/batch-seal';
import { HQ_BACKENDS, scalar } from '../helpers/hq-backends';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';
import { branchFold, foldEntries, type Hq, hqFold, startHq, transportFor } from './sync-harness';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
/** The plain batch file inside a sealed one, opened with the branch's key. */
async function unsealed(file: string, key: string): Promise<string> {
  await unsealFile(file, `${file}.plain`, async () => key);
  return readFileSync(`${file}.plain`, 'utf8');
}

const cli = (script: string, args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('batch files, head office on %s', (_name, backend) => {
  let s: TestStore;
  beforeEach(() => {
    s = openTestStore();
  });
  afterEach(async () => {
    await backend.drop(s.dir);
    await backend.drop(s.dir, 'hq2');
    s.close();
  });

  it('export-batch → headoffice import: same result as a push, twice is a no-op, next sync acknowledges', async () => {
    for (let i = 0; i < 4; i++) phoneCase(s);
    const { db: hqFile, env: dbEnv } = backend.cli(s.dir);
    // The keys are sealed with the master key, as a real head office keeps them.
    const masterKey = randomBytes(32);
    const hqEnv = { ...dbEnv, BRANCH_DESK_HQ_MASTER_KEY: masterKey.toString('hex') };
    const added = await cli('src-headoffice/cli.ts', ['--db', hqFile, 'branch', 'add', 'sh01'], hqEnv);
    expect(added.code).toBe(0);
    const key = added.out.trim().split('\n').at(-1) as string;
    const out = join(s.dir, 'batch.json');
    const missing = await cli('src-main/cli/index.ts', ['export-batch', '--db', s.file, '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('门店编码');
    const exported = await cli('src-main/cli/index.ts', ['export-batch', '--db', s.file, '--out', out], {
      BRANCH_DESK_BRANCH: 'SH01',
      BRANCH_DESK_SYNC_KEY: key,
    });
    expect(exported.code, exported.err).toBe(0);
    const total = s.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number as number;
    expect(exported.out).toContain(`seq 1–${total}`);
    expect(ackedSeq(s.db)).toBe(0); // exporting marks nothing as sent
    // Sealed: no phone, no JSON, nothing of the records readable on the stick.
    const raw = readFileSync(out);
    expect(raw.subarray(0, SEAL_MAGIC.length).equals(SEAL_MAGIC)).toBe(true);
    expect(raw.includes(Buffer.from('13800138000'))).toBe(false);
    expect(raw.includes(Buffer.from('"batches"'))).toBe(false);
    const plainText = await unsealed(out, key);
    expect(raw.includes(Buffer.from(plainText.slice(200, 260)))).toBe(false);
    // A byte changed in the sealed file: refused whole, nothing imported.
    const flipped = Buffer.from(raw);
    flipped[raw.length - 40] = (flipped[raw.length - 40] as number) ^ 1;
    writeFileSync(join(s.dir, 'flipped.json'), flipped);
    const refused = await cli('src-headoffice/cli.ts', ['--db', hqFile, 'import', join(s.dir, 'flipped.json')], hqEnv);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('altered or damaged');
    // An older plain file (written before sealing) still imports; the sealed one then changes nothing.
    writeFileSync(join(s.dir, 'plain.json'), plainText);
    const first = await cli('src-headoffice/cli.ts', ['--db', hqFile, 'import', join(s.dir, 'plain.json')], hqEnv);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain(`导入 imported ${total}`);
    const second = await cli('src-headoffice/cli.ts', ['--db', hqFile, 'import', out], hqEnv);
    expect(second.out).toContain('导入 imported 0');
    const db = await backend.open(s.dir);
    try {
      expect(foldEntries(await hqFold(db, 'SH01'))).toEqual(foldEntries(branchFold(s.db)));
    } finally {
      await db.close();
    }
    // Online later: the file's records come back as duplicates and are acknowledged.
    const hq: Hq = await startHq({ backend, dir: s.dir, masterKey });
    try {
      await syncOnce({ ctx: s.ctx, branch: 'SH01', transport: transportFor(hq, 'SH01', key) });
      expect(ackedSeq(s.db)).toBe(total);
      expect(await scalar(hq.db, 'SELECT count(*) FROM batches')).toBe(1);
    } finally {
      await hq.close();
    }
  });

  it('refuses a tampered, truncated or foreign file whole', async () => {
    phoneCase(s);
    const hq: HqStore = await backend.open(s.dir, 'hq2');
    try {
      const key = await addBranch(hq, 'SH01', 0);
      const otherKey = await addBranch(hq, 'BJ02', 0);
      const out = join(s.dir, 'b.json');
      expect(
        (
          await cli('src-main/cli/index.ts', [
            'export-batch',
            '--db',
            s.file,
            '--out',
            out,
            '--branch',
            'SH01',
            '--key',
            key,
          ])
        ).code,
      ).toBe(0);
      const text = await unsealed(out, key);
      const why = async (t: string) => {
        try {
          await importBatchFileText(hq, t, Date.now());
        } catch (e) {
          if (isSyncError(e)) return e.why;
          throw e;
        }
        return 'imported';
      };
      const f = JSON.parse(text) as { batches: { body: string }[] };
      const body = Buffer.from(f.batches[0]?.body as string, 'base64');
      body[40] = (body[40] as number) ^ 1;
      expect(await why(JSON.stringify({ ...f, batches: [{ ...f.batches[0], body: body.toString('base64') }] }))).toBe(
        'BAD_SIGNATURE',
      );
      expect(await why(text.slice(0, text.length - 100))).toBe('DAMAGED');
      // Signed with SH01's key but claiming BJ02: the signature fails.
      expect(await why(exportBatches(s.db, { branch: 'BJ02', key, now: 0 }).text)).toBe('BAD_SIGNATURE');
      // SH01's batches properly re-signed by BJ02 under its own name: the envelope still says SH01.
      const resigned = f.batches.map((b) => {
        const h = signRequest(otherKey, {
          method: 'POST',
          path: FILE_SIGN_PATH,
          branch: 'BJ02',
          body: Buffer.from(b.body, 'base64'),
          now: 0,
        });
        return { branch: 'BJ02', timestamp: 0, nonce: h['x-bd-nonce'], signature: h['x-bd-signature'], body: b.body };
      });
      expect(await why(encodeBatchFile({ branch: 'BJ02', createdAt: 0, batches: resigned }))).toBe('FOREIGN_BRANCH');
      expect(await scalar(hq, 'SELECT count(*) FROM records')).toBe(0);
      expect(await why(text)).toBe('imported');
    } finally {
      await hq.close();
    }
  });
});
