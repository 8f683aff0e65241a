// The sync bench (`npm run bench -- --only sync_100k_end_to_end_s`): a branch backlog of
// 100,000 changed records pushed over loopback into head office's SQLite. The backlog is
// realistic outbox rows from seed-demo (cases through their whole lifecycle, audit rows,
// customers, slips), replicated under fresh record ids and case numbers (unique at head office)
// up to the target count. Each side runs in its own process so its peak RSS is its own. Prints one JSON line for run.ts.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openDatabase } from '../src-main/db/connection';
import { seedDemo } from '../src-main/cli/seed-demo';

const CHILD = join(import.meta.dirname, 'sync-bench-child.ts');
const silent = { line: () => undefined, err: () => undefined };

export function buildBacklog(file: string, target: number): number {
  seedDemo(
    { db: file, cases: 300, seed: 7, branch: 'SH01', days: 30, now: Date.parse('2026-11-24T18:00:00+08:00') },
    silent,
  );
  const { db } = openDatabase(file);
  const base = db.prepare('SELECT max(seq) FROM outbox').pluck().get() as number;
  const copy = db.prepare(
    `INSERT INTO outbox (record_type, record_id, version, schema_version, payload, created_at)
     SELECT record_type, record_id || '.' || @k, version, schema_version, replace(CASE WHEN record_type = 'case' AND json_extract(payload, '$.number') IS NOT NULL THEN json_set(payload, '$.number', json_extract(payload, '$.number') || '.' || @k) ELSE payload END, record_id, record_id || '.' || @k), created_at
     FROM outbox WHERE seq <= @n ORDER BY seq`,
  );
  for (let k = 1, total = base; total < target; k++) {
    db.transaction(() => copy.run({ k, n: Math.min(base, target - total) }))();
    total = db.prepare('SELECT max(seq) FROM outbox').pluck().get() as number;
  }
  const n = db.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
  db.close();
  return n;
}

const node = (args: string[]) => [process.execPath, ['--import', 'tsx', CHILD, ...args]] as const;

async function endToEnd(
  dir: string,
  file: string,
): Promise<{ seconds: number; records: number; branchRssMb: number; hqRssMb: number }> {
  const [cmd, args] = node(['hq', dir]);
  const hq = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: hq.stdout });
  const it = lines[Symbol.asyncIterator]();
  const { url, key } = JSON.parse((await it.next()).value as string) as { url: string; key: string };
  const [bcmd, bargs] = node(['branch', file, url, key]);
  const br = JSON.parse(execFileSync(bcmd, bargs, { encoding: 'utf8', maxBuffer: 1 << 20 })) as {
    seconds: number;
    records: number;
    maxRssMb: number;
  };
  hq.stdin.end();
  const hqOut = JSON.parse((await it.next()).value as string) as { maxRssMb: number };
  await once(hq, 'exit');
  return { seconds: br.seconds, records: br.records, branchRssMb: br.maxRssMb, hqRssMb: hqOut.maxRssMb };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? '.';
  const target = Number(process.argv[3] ?? 100_000);
  const file = join(dir, 'sync-branch.sqlite');
  const records = buildBacklog(file, target);
  const e2e = await endToEnd(dir, file);
  const [icmd, iargs] = node(['import', file, dir]);
  const imp = JSON.parse(execFileSync(icmd, iargs, { encoding: 'utf8' })) as {
    importPerS: number;
    rawPerS: number;
    records: number;
  };
  process.stdout.write(`${JSON.stringify({ ...e2e, records, importPerS: imp.importPerS, rawPerS: imp.rawPerS })}\n`);
}
