// The attachment sync bench (`npm run bench -- --only attachment_sync_mb_per_s`): a branch store with
// MB megabytes of attachment blobs (random bytes, 10 MB files; their records in the outbox) synced over
// loopback to a real head office: records, then the bytes in signed 4 MB chunks, hash-checked at head
// office. Each side runs in its own process so the branch's peak RSS is its own (bench/peak-rss.ts).
// Prints one JSON line for run.ts.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { writeBlob } from '../src-main/db/blob-store';
import { openDatabase } from '../src-main/db/connection';
import { createContext } from '../src-main/services/context';
import { appendOutbox } from '../src-main/services/changes';

const CHILD = join(import.meta.dirname, 'attachment-sync-child.ts');
const MB = 1024 * 1024;
const FILE_MB = 10;

/** A branch store holding `totalMb` of recordings on one case, every blob waiting for head office. */
export function buildAttachments(file: string, totalMb: number): number {
  const { db } = openDatabase(file);
  const ctx = createContext(db);
  const root = ctx.blobRoot as string;
  // The bench needs no case or staff rows: the owner and author ids are made up (their keys unchecked).
  db.pragma('foreign_keys = OFF');
  const caseId = randomUUID();
  let bytes = 0;
  for (let i = 0; bytes < totalMb * MB; i++) {
    const blob = randomBytes(FILE_MB * MB);
    const { sha256 } = writeBlob(root, blob);
    const id = randomUUID();
    const now = Date.now();
    db.transaction(() => {
      db.prepare(
        `INSERT INTO attachments (id, owner_type, owner_id, case_id, kind, mime, name, sha256, size, added_at, added_by, added_by_name, version, updated_at)
         VALUES (?, 'case', ?, ?, 'recording', 'audio/mpeg', ?, ?, ?, ?, 'bench-user', '录音员', 1, ?)`,
      ).run(id, caseId, caseId, `录音-${i}.mp3`, sha256, blob.length, now, now);
      db.prepare(
        "INSERT INTO attachment_blobs (sha256, size, mime, upload, stored_at) VALUES (?, ?, 'audio/mpeg', 1, ?)",
      ).run(sha256, blob.length, now);
      appendOutbox(ctx, 'attachment', id, 1, {
        id,
        ownerType: 'case',
        ownerId: caseId,
        caseId,
        kind: 'recording',
        mime: 'audio/mpeg',
        name: `录音-${i}.mp3`,
        sha256,
        size: blob.length,
        addedAt: now,
        addedBy: 'bench-user',
        addedByName: '录音员',
        version: 1,
      });
    })();
    bytes += blob.length;
  }
  db.close();
  return bytes;
}

const node = (args: string[]) => [process.execPath, ['--import', 'tsx', CHILD, ...args]] as const;

export async function attachmentSync(
  dir: string,
  totalMb: number,
): Promise<{ mbPerS: number; seconds: number; mb: number; branchRssMb: number; hqRssMb: number; runs: number }> {
  const file = join(dir, `att-branch-${totalMb}.sqlite`);
  const bytes = buildAttachments(file, totalMb);
  const hqDir = join(dir, `att-hq-${totalMb}`);
  execFileSync('mkdir', ['-p', hqDir]);
  const [cmd, args] = node(['hq', hqDir]);
  const hq = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const it = createInterface({ input: hq.stdout })[Symbol.asyncIterator]();
  const { url, key } = JSON.parse((await it.next()).value as string) as { url: string; key: string };
  const [bcmd, bargs] = node(['branch', file, url, key]);
  const br = JSON.parse(execFileSync(bcmd, bargs, { encoding: 'utf8', maxBuffer: 1 << 20 })) as {
    seconds: number;
    bytes: number;
    runs: number;
    waiting: number;
    maxRssMb: number;
  };
  hq.stdin.end();
  const hqOut = JSON.parse((await it.next()).value as string) as { maxRssMb: number };
  await once(hq, 'exit');
  if (br.waiting !== 0 || br.bytes !== bytes) throw new Error(`not all sent: ${JSON.stringify(br)} of ${bytes}`);
  return {
    mbPerS: bytes / MB / br.seconds,
    seconds: br.seconds,
    mb: bytes / MB,
    branchRssMb: br.maxRssMb,
    hqRssMb: hqOut.maxRssMb,
    runs: br.runs,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? '.';
  const small = await attachmentSync(dir, Number(process.argv[3] ?? 200));
  const big = await attachmentSync(dir, Number(process.argv[4] ?? 1024));
  process.stdout.write(`${JSON.stringify({ small, big })}\n`);
}
