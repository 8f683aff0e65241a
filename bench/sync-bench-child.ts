// Child processes of the sync bench, so that each side's peak RSS is its own:
//   hq DIR           head office on 127.0.0.1:0; prints {url, key}, then on stdin close {maxRssMb}
//   branch DB URL KEY  one full sync of the backlog; prints {seconds, records, maxRssMb}
//   import DB DIR    the importer alone vs a raw bulk insert of the same rows; prints rates
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { addBranch } from '../src-headoffice/branches';
import { importBatch } from '../src-headoffice/importer';
import { buildServer } from '../src-headoffice/server';
import { openHqStore } from '../src-headoffice/store';
import { openDatabase } from '../src-main/db/connection';
import { createContext } from '../src-main/services/context';
import { decodeBatch } from '../src-main/sync/batch-format';
import { HttpTransport } from '../src-main/sync/http-transport';
import { buildBatch } from '../src-main/sync/outbox-batches';
import { syncOnce } from '../src-main/sync/sync-run';
import { peakRssMb } from './peak-rss';

const BRANCH = 'SH01';
const rssMb = peakRssMb;
const print = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);

async function hq(dir: string): Promise<void> {
  const db = await openHqStore(join(dir, 'hq-e2e.sqlite'));
  const key = await addBranch(db, BRANCH, Date.now());
  const app = await buildServer({ db, limits: { rateMax: 1_000_000 } });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  print({ url, key });
  process.stdin.resume();
  process.stdin.on('end', () => {
    void app.close().then(async () => {
      await db.close();
      print({ maxRssMb: rssMb() });
    });
  });
}

async function branch(file: string, url: string, key: string): Promise<void> {
  const { db } = openDatabase(file);
  const ctx = createContext(db);
  const t0 = performance.now();
  const r = await syncOnce({ ctx, branch: BRANCH, transport: new HttpTransport({ url, branch: BRANCH, key }) });
  print({ seconds: (performance.now() - t0) / 1000, records: r.sentRecords, batches: r.batches, maxRssMb: rssMb() });
  db.close();
}

/** The batches imported one after another into a fresh store: the records counted, and the seconds the imports took. */
async function importAll(file: string, bodies: Buffer[]): Promise<{ records: number; seconds: number }> {
  const store = await openHqStore(file);
  await addBranch(store, BRANCH, 0);
  let records = 0;
  const t0 = performance.now();
  for (const body of bodies) {
    const a = await importBatch(store, body, { branch: BRANCH, source: 'file', now: Date.now() });
    records += a.imported + a.unchanged + a.quarantined.length;
  }
  const seconds = (performance.now() - t0) / 1000;
  await store.close();
  return { records, seconds };
}

async function importOnly(file: string, dir: string): Promise<void> {
  const { db } = openDatabase(file);
  const bodies: Buffer[] = [];
  for (let after = 0; ;) {
    const b = buildBatch(db, BRANCH, after);
    if (!b) break;
    bodies.push(b.body);
    after = b.lastSeq;
  }
  db.close();
  // Head office runs for days: a first import into a scratch store warms its code, then the timed one.
  await importAll(join(dir, 'hq-import-warm-up.sqlite'), bodies);
  const { records, seconds: importS } = await importAll(join(dir, 'hq-import.sqlite'), bodies);
  // The same rows, decoded beforehand, bulk-inserted with the same durability: the floor.
  const rows = bodies.flatMap((b) => decodeBatch(b, { branch: BRANCH }).records);
  const raw = new Database(join(dir, 'hq-raw.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  // Same columns and an index on the same key (not unique: the raw rows hold every version).
  raw.exec(
    'CREATE TABLE records (rid INTEGER PRIMARY KEY, branch TEXT, type TEXT, id TEXT, version INTEGER, schema INTEGER, payload TEXT, seq INTEGER); CREATE INDEX records_key ON records (branch, type, id)',
  );
  const ins = raw.prepare(
    'INSERT INTO records (branch, type, id, version, schema, payload, seq) VALUES (?, ?, ?, ?, ?, CAST(? AS TEXT), ?)',
  );
  const t1 = performance.now();
  const per = 5000;
  for (let i = 0; i < rows.length; i += per) {
    raw.transaction(() => {
      for (const r of rows.slice(i, i + per)) ins.run(BRANCH, r.type, r.id, r.version, r.schema, r.data, r.seq);
    })();
  }
  const rawS = (performance.now() - t1) / 1000;
  raw.close();
  print({ records, importPerS: records / importS, rawPerS: rows.length / rawS, batches: bodies.length });
}

const [mode, a, b, c] = process.argv.slice(2);
if (mode === 'hq') await hq(a as string);
else if (mode === 'branch') await branch(a as string, b as string, c as string);
else if (mode === 'import') await importOnly(a as string, b as string);
else throw new Error(`unknown mode ${mode}`);
