// The head-office load bench (`npm run bench -- --only hq_load [--branches 200]`): N branch stores push their whole
// backlog at once through the app's own sync run (syncOnce + HttpTransport, retrying on its backoff, which honours
// Retry-After) into a real head office in its own process, on SQLite and, with HQ_TEST_DATABASE_URL, PostgreSQL.
// /healthz is polled every 50 ms from another process, idle first (the anchor) and then during the burst; afterwards
// head office's records, cases and quarantine are checked against the branches'. Prints one JSON line for run.ts.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { openHqStore } from '../src-headoffice/store';
import { seedDemo } from '../src-main/cli/seed-demo';
import { type Db, openDatabase } from '../src-main/db/connection';
import { createContext } from '../src-main/services/context';
import { backoffDelay } from '../src-main/sync/backoff';
import { HttpTransport } from '../src-main/sync/http-transport';
import { syncOnce } from '../src-main/sync/sync-run';
import { ackedSeq } from '../src-main/sync/sync-state';
import { TransportError } from '../src-main/sync/transport';
import { percentile } from './timing';

const CHILD = join(import.meta.dirname, 'hq-load-child.ts');
const SEED_BRANCH = 'SH01';
const silent = { line: () => undefined, err: () => undefined };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface LoadResult {
  store: 'sqlite' | 'pg';
  branches: number;
  records: number;
  seconds: number;
  recordsPerS: number;
  pushP50Ms: number;
  pushP95Ms: number;
  pushP99Ms: number;
  pushes: number;
  busy: number;
  healthIdleP99Ms: number;
  healthP99Ms: number;
  healthMaxMs: number;
  healthSamples: number;
  hqRssMb: number;
  countsEqual: boolean;
}

const codeOf = (i: number) => `L${String(i + 1).padStart(3, '0')}`;

/** The outbox's and number counters' guard triggers lifted for one bench-only rewrite of a seeded store, then put back as they were. */
function withOutboxWritable(db: Db, fn: () => void): void {
  const triggers = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('outbox', 'number_counters')")
    .all() as { name: string; sql: string }[];
  db.transaction(() => {
    for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
    fn();
    for (const t of triggers) db.exec(t.sql);
  })();
}

/** One seeded store cut to `perBranch` outbox records. */
function seedStore(dir: string, perBranch: number): string {
  const seed = join(dir, 'seed.sqlite');
  seedDemo(
    {
      db: seed,
      cases: Math.max(40, Math.ceil(perBranch / 6)),
      seed: 11,
      branch: SEED_BRANCH,
      days: 30,
      now: Date.parse('2026-11-24T18:00:00+08:00'),
    },
    silent,
  );
  const { db } = openDatabase(seed);
  withOutboxWritable(db, () => db.prepare('DELETE FROM outbox WHERE seq > ?').run(perBranch));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return seed;
}

/** A copy of the seeded store per branch, with its own code in every snapshot (head office refuses another branch's records). */
function copyStores(dir: string, seed: string, branches: number): string[] {
  return Array.from({ length: branches }, (_, i) => {
    const file = join(dir, `branch-${codeOf(i)}.sqlite`);
    for (const f of ['', '-wal', '-shm']) rmSync(`${file}${f}`, { force: true });
    copyFileSync(seed, file);
    const b = openDatabase(file).db;
    // Case and slip numbers begin with the branch code, and branchCode names it.
    withOutboxWritable(b, () => {
      b.prepare('UPDATE outbox SET payload = replace(payload, ?, ?)').run(`"${SEED_BRANCH}-`, `"${codeOf(i)}-`);
      b.prepare('UPDATE outbox SET payload = replace(payload, ?, ?)').run(
        `"branchCode":"${SEED_BRANCH}"`,
        `"branchCode":"${codeOf(i)}"`,
      );
      // The branch's own counters, which it compares with the numbers head office holds.
      b.prepare('UPDATE number_counters SET branch_code = ? WHERE branch_code = ?').run(codeOf(i), SEED_BRANCH);
    });
    b.close();
    return file;
  });
}

function child(args: string[], env: Record<string, string> = {}) {
  const c = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const lines = createInterface({ input: c.stdout })[Symbol.asyncIterator]();
  const next = async <T>() => JSON.parse((await lines.next()).value as string) as T;
  const stop = async <T>() => {
    c.stdin.end();
    const r = await next<T>();
    await once(c, 'exit');
    return r;
  };
  return { next, stop };
}

/** Every outbox record's newest version, as head office should hold it. */
const distinctRecords = (file: string) => {
  const { db } = openDatabase(file);
  const n = db
    .prepare('SELECT count(*) FROM (SELECT DISTINCT record_type, record_id FROM outbox)')
    .pluck()
    .get() as number;
  const cases = db
    .prepare("SELECT count(DISTINCT record_id) FROM outbox WHERE record_type = 'case'")
    .pluck()
    .get() as number;
  const rows = db.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
  const done = ackedSeq(db) === db.prepare('SELECT max(seq) FROM outbox').pluck().get();
  db.close();
  return { n, cases, rows, done };
};

export async function runLoad(
  dir: string,
  files: string[],
  store: 'sqlite' | 'pg',
  pgUrl: string | null,
): Promise<LoadResult> {
  const codes = files.map((_, i) => codeOf(i));
  const schema = `hq_load_${process.pid}`;
  const target = store === 'pg' ? (pgUrl as string) : join(dir, 'hq-load.sqlite');
  if (store === 'sqlite') for (const f of ['', '-wal', '-shm']) rmSync(`${target}${f}`, { force: true });
  const hqEnv: Record<string, string> = store === 'pg' ? { HQ_LOAD_SCHEMA: schema } : {};
  const hq = child(['hq', target, codes.join(',')], hqEnv);
  const { url, keys } = await hq.next<{ url: string; keys: Record<string, string> }>();

  const idle = child(['health', url]);
  await idle.next();
  await sleep(2000);
  const idleHealth = await idle.stop<{ samplesMs: number[] }>();

  const health = child(['health', url]);
  await health.next();
  const pushMs: number[] = [];
  let busy = 0;
  const t0 = performance.now();
  await Promise.all(
    files.map(async (file, i) => {
      const code = codes[i] as string;
      const { db } = openDatabase(file);
      const ctx = createContext(db);
      const http = new HttpTransport({ url, branch: code, key: keys[code] as string });
      const transport = {
        push: async (body: Buffer, info?: { backlog?: number }) => {
          const s = performance.now();
          const a = await http.push(body, info);
          pushMs.push(performance.now() - s);
          return a;
        },
        pull: http.pull.bind(http),
        holding: http.holding.bind(http),
      };
      // As the scheduler does: a retryable failure waits its backoff (Retry-After wins), then syncs again.
      for (let attempt = 0; ; attempt++) {
        try {
          await syncOnce({ ctx, branch: code, transport });
          break;
        } catch (e) {
          if (!(e instanceof TransportError) || !e.retryable || attempt > 60) throw e;
          if (e.status === 503) busy++;
          await sleep(backoffDelay(attempt, Math.random, undefined, e.retryAfterMs));
        }
      }
      db.close();
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const burstHealth = await health.stop<{ samplesMs: number[] }>();
  // Every outbox row acknowledged (checked below): a sync that pushed a batch and then met a 503 sent records too.
  let records = 0;

  // Head office's counts against the branches'.
  const db = await openHqStore(target, store === 'pg' ? { schema } : {});
  let countsEqual = true;
  for (const [i, file] of files.entries()) {
    const code = codes[i] as string;
    const want = distinctRecords(file);
    records += want.rows;
    const got = await db.get<{ n: number }>('SELECT count(*) AS n FROM records WHERE branch = ?', [code]);
    const cases = await db.get<{ n: number }>('SELECT count(*) AS n FROM hq_cases WHERE branch = ?', [code]);
    if (!want.done || Number(got?.n) !== want.n || Number(cases?.n) !== want.cases) countsEqual = false;
  }
  const q = await db.get<{ n: number }>('SELECT count(*) AS n FROM quarantine');
  if (Number(q?.n) !== 0) countsEqual = false;
  await db.close();
  const { maxRssMb } = await hq.stop<{ maxRssMb: number }>();
  if (store === 'pg') {
    const c = new pg.Client({ connectionString: pgUrl as string });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await c.end();
  } else rmSync(target, { force: true });

  const hs = burstHealth.samplesMs;
  return {
    store,
    branches: files.length,
    records,
    seconds,
    recordsPerS: records / seconds,
    pushP50Ms: percentile(pushMs, 0.5),
    pushP95Ms: percentile(pushMs, 0.95),
    pushP99Ms: percentile(pushMs, 0.99),
    pushes: pushMs.length,
    busy,
    healthIdleP99Ms: percentile(idleHealth.samplesMs, 0.99),
    healthP99Ms: percentile(hs, 0.99),
    healthMaxMs: Math.max(...hs),
    healthSamples: hs.length,
    hqRssMb: maxRssMb,
    countsEqual,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? '.';
  const branches = Number(process.argv[3] ?? 50);
  const perBranch = Number(process.argv[4] ?? 2000);
  const pgUrl = process.env.HQ_TEST_DATABASE_URL ?? null;
  process.stderr.write(`hq_load: seeding ${branches} branch stores of ${perBranch} outbox records\n`);
  const seed = seedStore(dir, perBranch);
  const results: LoadResult[] = [];
  // HQ_LOAD_STORES=pg measures PostgreSQL alone.
  if (process.env.HQ_LOAD_STORES !== 'pg') {
    process.stderr.write('hq_load: the burst into SQLite\n');
    results.push(await runLoad(dir, copyStores(dir, seed, branches), 'sqlite', null));
  }
  if (pgUrl) {
    // Fresh copies: the SQLite run acknowledged every record of the first ones.
    process.stderr.write('hq_load: the burst into PostgreSQL\n');
    results.push(await runLoad(dir, copyStores(dir, seed, branches), 'pg', pgUrl));
  }
  process.stdout.write(`${JSON.stringify(results)}\n`);
}
