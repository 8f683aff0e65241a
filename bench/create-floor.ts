// The floor of createCase: the rows one case writes, inserted raw (prepared INSERTs, no service
// code) in one transaction into a copy of the store as it was before that case, interleaved with
// the one-row raw commit. What SQLite must do for those rows in this schema (indexes, triggers,
// the fsync), so the service path can be told apart from the store's own cost. The search index is
// not among them: it is written after the commit (services/search-backlog.ts).
// Customer updates of a repeat complainant (about 2% of the forms) are not replayed: inserts only.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { applyPragmas, type Db } from '../src-main/db/connection';
import { createRig, type Synchronous } from './create-rig';
import { median, percentile, timeMs } from './timing';

/** Tables a case's intake appends to, in an order their foreign keys accept. */
const TABLES = ['customers', 'cases', 'case_events', 'case_handling_steps', 'audit_log', 'outbox'] as const;

type Row = Record<string, unknown>;

interface Written {
  rows: { table: string; row: Row }[];
  counters: { branch_code: string; kind: string; period: string }[];
}

export interface FloorResult {
  floorMedianMs: number;
  floorP90Ms: number;
  rawMedianMs: number;
  samples: number;
}

const maxRowid = (db: Db, table: string): number =>
  (db.prepare(`SELECT ifnull(max(rowid), 0) AS n FROM ${table}`).get() as { n: number }).n;

const counterMap = (db: Db): Map<string, number> =>
  new Map(
    (
      db.prepare('SELECT branch_code, kind, period, last_serial FROM number_counters').all() as {
        branch_code: string;
        kind: string;
        period: string;
        last_serial: number;
      }[]
    ).map((r) => [JSON.stringify([r.branch_code, r.kind, r.period]), r.last_serial]),
  );

/** Runs one case through the service on `db` and returns what it wrote, read back (not timed). */
function captureOne(db: Db, createNext: () => void, last: Map<string, number>): Written {
  const before = counterMap(db);
  createNext();
  const rows: Written['rows'] = [];
  for (const table of TABLES) {
    const from = last.get(table) ?? 0;
    for (const row of db.prepare(`SELECT * FROM ${table} WHERE rowid > ? ORDER BY rowid`).all(from) as Row[])
      rows.push({ table, row });
    last.set(table, maxRowid(db, table));
  }
  if (!rows.some((r) => r.table === 'cases')) throw new Error('createCase wrote no case row');
  const counters = [...counterMap(db)]
    .filter(([k, n]) => before.get(k) !== n)
    .map(([k]) => {
      const [branch_code, kind, period] = JSON.parse(k) as [string, string, string];
      return { branch_code, kind, period };
    });
  return { rows, counters };
}

export function benchCreateFloor(
  dir: string,
  samples: number,
  warmup: number,
  synchronous: Synchronous = 'FULL',
): FloorResult {
  const name = `floor-${synchronous.toLowerCase()}`;
  const rig = createRig(dir, name, warmup + samples, { synchronous });
  const copyFile = join(dir, `floor-copy-${synchronous.toLowerCase()}.sqlite`);
  let copy: Db | null = null;
  try {
    for (let i = 0; i < warmup; i++) rig.createNext();
    rig.db.prepare('VACUUM INTO ?').run(copyFile);
    const last = new Map(TABLES.map((t) => [t, maxRowid(rig.db, t)] as const));
    const written = Array.from({ length: samples }, () => captureOne(rig.db, rig.createNext, last));

    const db = new Database(copyFile);
    copy = db;
    applyPragmas(db);
    db.pragma(`synchronous = ${synchronous}`);
    const prepared = new Map<string, Database.Statement>();
    const insert = (table: string, row: Row) => {
      const cols = Object.keys(row);
      const sql = `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
      let s = prepared.get(sql);
      if (!s) prepared.set(sql, (s = db.prepare(sql)));
      s.run(...cols.map((k) => row[k]));
    };
    const counter = db.prepare(
      `INSERT INTO number_counters (branch_code, kind, period, last_serial) VALUES (?, ?, ?, 1)
       ON CONFLICT (branch_code, kind, period) DO UPDATE SET last_serial = last_serial + 1`,
    );
    const replay = db.transaction((w: Written) => {
      for (const c of w.counters) counter.run(c.branch_code, c.kind, c.period);
      for (const r of w.rows) insert(r.table, r.row);
    });
    const floorMs: number[] = [];
    const rawMs: number[] = [];
    for (const w of written) {
      floorMs.push(timeMs(() => replay(w)));
      rawMs.push(timeMs(rig.rawCommit));
    }
    return {
      floorMedianMs: median(floorMs),
      floorP90Ms: percentile(floorMs, 0.9),
      rawMedianMs: median(rawMs),
      samples,
    };
  } finally {
    copy?.close();
    rig.close();
  }
}
