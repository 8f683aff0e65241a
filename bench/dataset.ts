// The 1,000,000-case store for the queue and search figures.
//
// It is bulk-built: rows are inserted directly, in large transactions with the journal and
// fsync off, because taking a million cases through createCase (one synchronous=FULL commit
// each, plus the lifecycle changes behind every filed case) would take hours. The rows are
// the ones the services would have written: the same columns, due_at from the services'
// own dueFor, numbers from the numbering format, customers matched as upsertCustomer
// matches them, and the search index written by case-store's own writeSearchDoc. Staff,
// units and categories go through the services. What is left out is what neither queues
// nor search read: the timeline, audit log and outbox, which is why the store size figure
// is measured separately, through the full service path (size-bench.ts).
//
// The built file is cached in bench/tmp/ under a key of the generator version, the size,
// the migrations and the search tokenizer, so a re-run reuses it and any of those changes
// rebuilds it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { cleanMarkerPath } from '../src-main/db/clean-shutdown';
import { openDatabase } from '../src-main/db/connection';
import { loadMigrations } from '../src-main/db/migrations';
import { formatNumber, NUMBER_KINDS } from '../src-main/domain/numbering';
import { writeSearchDoc } from '../src-main/services/case-store';
import { markSearchIndexed } from '../src-main/services/search-backlog';
import { createContext } from '../src-main/services/context';
import { caseGenerator, type PeopleRefs, shanghaiMonth } from './dataset-case';
import { SHANGHAI_OFFSET_MS } from './intake-inputs';
import { createRng } from '../src-main/cli/prng';
import { seedStaff } from './staff';
import { nowMs } from './timing';

/** Bump when the generated data changes in any way, so cached stores are rebuilt. */
export const GENERATOR_VERSION = 'bulk-v3';

/** The clock of the dataset and of every query against it: Tuesday 2026-11-24 10:00 Shanghai. */
export const DATASET_NOW = Date.parse('2026-11-24T10:00:00+08:00');

const YEARS = 8;
const DAY = 86_400_000;
const BATCH = 20_000;

export interface DatasetMeta {
  generator: string;
  size: number;
  buildMs: number;
  builtAt: string;
  counts: Record<string, number>;
}

export interface Dataset {
  file: string;
  reused: boolean;
  meta: DatasetMeta;
}

function cacheKey(size: number): string {
  const h = createHash('sha256');
  h.update(`${GENERATOR_VERSION}\n${size}\n`);
  for (const m of loadMigrations()) h.update(m.checksum);
  h.update(readFileSync(join(import.meta.dirname, '../src-main/domain/search-tokens.ts')));
  return h.digest('hex').slice(0, 10);
}

export function ensureDataset(dir: string, size: number, log: (s: string) => void): Dataset {
  const file = join(dir, `dataset-${size}-${cacheKey(size)}.sqlite`);
  const metaFile = `${file}.json`;
  if (existsSync(file) && existsSync(metaFile)) {
    return { file, reused: true, meta: JSON.parse(readFileSync(metaFile, 'utf8')) as DatasetMeta };
  }
  // A store of the same size under another key is stale (2 GB each at 1M): make room first.
  const prefix = `dataset-${size}-`;
  for (const f of readdirSync(dir))
    if (f.startsWith(prefix) && !join(dir, f).startsWith(file)) rmSync(join(dir, f), { force: true });
  // Built under a temporary name and renamed at the end, so an interrupted build is never reused.
  const tmp = `${file}.building`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  const t0 = nowMs();
  const counts = build(tmp, size, log);
  const meta: DatasetMeta = {
    generator: GENERATOR_VERSION,
    size,
    buildMs: nowMs() - t0,
    builtAt: new Date().toISOString(),
    counts,
  };
  renameSync(tmp, file);
  // The build closed its store cleanly: its clean-close marker goes with the file.
  if (existsSync(cleanMarkerPath(tmp))) renameSync(cleanMarkerPath(tmp), cleanMarkerPath(file));
  writeFileSync(metaFile, JSON.stringify(meta, null, 2));
  return { file, reused: false, meta };
}

/** Cases per day over the years before DATASET_NOW: busier weekends, a busy season, growth. */
function dailyCounts(size: number, days: number, rng: ReturnType<typeof createRng>): number[] {
  const first = DATASET_NOW - days * DAY;
  const weights = Array.from({ length: days + 1 }, (_, d) => {
    const local = new Date(first + d * DAY + SHANGHAI_OFFSET_MS);
    const weekend = local.getUTCDay() === 0 || local.getUTCDay() === 6 ? 1.4 : 1;
    const season = [0, 1, 10, 11].includes(local.getUTCMonth()) ? 1.2 : 1;
    const growth = 0.7 + (0.6 * d) / days;
    // Today only the hour since opening (09:00–10:00) has had cases.
    return weekend * season * growth * (0.85 + 0.3 * rng.next()) * (d === days ? 1 / 12 : 1);
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((w * size) / total));
  let missing = size - counts.reduce((a, b) => a + b, 0);
  for (let d = days - 1; missing > 0; d = d > 0 ? d - 1 : days - 1, missing--) counts[d] = (counts[d] as number) + 1;
  return counts;
}

function build(file: string, size: number, log: (s: string) => void): Record<string, number> {
  const { db } = openDatabase(file, { now: () => DATASET_NOW });
  try {
    const rng = createRng(20261124);
    // uuid v7 at the record's own time; the random part from a seeded stream, because the
    // library's crypto randomness (a syscall per id) was a fifth of the build time.
    const idRng = createRng(7_000_007);
    const random = new Uint8Array(16);
    const view = new DataView(random.buffer);
    const newId = (ms: number) => {
      for (let i = 0; i < 16; i += 4) view.setUint32(i, idRng.next() * 4294967296);
      return uuidv7({ msecs: ms, random });
    };
    let clock = DATASET_NOW - YEARS * 366 * DAY;
    const ctx = createContext(db, { now: () => clock });
    const staff = seedStaff(ctx, 2);
    clock = DATASET_NOW;

    // Bulk mode: a crash only loses this temporary file.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -1000000');
    db.pragma('temp_store = MEMORY');

    const people: PeopleRefs = {
      managerId: staff.manager.id,
      secretaryIds: staff.secretaries.map((s) => s.id),
      receivers: [
        ...staff.clerks.map((c, i) => [c.id, [30, 22, 15, 10, 8, 6, 4, 2][i] ?? 1] as const),
        ...staff.secretaries.map((s, i) => [s.id, [6, 4, 2][i] ?? 1] as const),
      ],
      units: staff.units.map((u) => ({
        id: u.id,
        spec: u.spec,
        staffIds: (staff.unitStaff.get(u.spec.code) ?? []).map((a) => a.id),
      })),
    };
    const gen = caseGenerator(rng, ctx, people, DATASET_NOW, newId);

    // The column list, from a throwaway generator so the real one's customers stay in step.
    const caseCols = Object.keys(
      caseGenerator(createRng(1), ctx, people, DATASET_NOW, newId).next(DATASET_NOW - DAY, DATASET_NOW - DAY, 'probe')
        .row,
    );
    const insert = (table: string, cols: string[]) => {
      const s = db.prepare(
        `INSERT INTO ${table} (${cols.map((k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      );
      return (r: Record<string, unknown>) => s.run(cols.map((k) => r[k]));
    };
    const insertCase = insert('cases', caseCols);
    const insertCustomer = insert('customers', [
      'id',
      'name',
      'phone',
      'otherContact',
      'preferredContactTime',
      'version',
      'createdAt',
      'updatedAt',
    ]);
    const insertFollowUp = insert('follow_ups', [
      'id',
      'caseId',
      'dueDate',
      'dueAt',
      'note',
      'scheduledBy',
      'doneAt',
      'doneBy',
      'result',
      'version',
      'createdAt',
      'updatedAt',
    ]);
    const insertPromise = insert('case_promises', [
      'id',
      'caseId',
      'promisedAt',
      'note',
      'madeBy',
      'madeAt',
      'answeredAt',
    ]);

    const days = YEARS * 365;
    const perDay = dailyCounts(size, days, rng);
    const firstDay = DATASET_NOW - days * DAY;
    const serials = new Map<string, number>();
    const counts = { cases: 0, customers: 0, follow_ups: 0, case_promises: 0 };
    let lastCreated = 0;
    const t0 = nowMs();
    db.exec('BEGIN');
    perDay.forEach((n, d) => {
      // Business hours 09:00–21:00 Shanghai = 01:00–13:00 UTC of the local date.
      const local = new Date(firstDay + d * DAY + SHANGHAI_OFFSET_MS);
      const open = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 1);
      const span = Math.min(12 * 3_600_000, DATASET_NOW - 60_000 - open);
      const times = Array.from({ length: n }, () => open + Math.floor(rng.next() * span)).sort((a, b) => a - b);
      for (const receivedAt of times) {
        const createdAt = Math.min(DATASET_NOW - 1000, Math.max(lastCreated + 1, receivedAt + rng.int(0, 600_000)));
        lastCreated = createdAt;
        const period = shanghaiMonth(createdAt);
        const serial = (serials.get(period) ?? 0) + 1;
        serials.set(period, serial);
        const number = formatNumber(ctx.settings().branchCode, 'case', period, serial);
        const g = gen.next(receivedAt, createdAt, number);
        if (g.newCustomer) {
          insertCustomer(g.newCustomer as unknown as Record<string, unknown>);
          counts.customers++;
        }
        const rid = Number(insertCase(g.row).lastInsertRowid);
        writeSearchDoc(ctx, rid, {
          number,
          customerName: g.row.customerName as string | null,
          content: g.row.content as string,
        });
        if (g.followUp) {
          insertFollowUp(g.followUp);
          counts.follow_ups++;
        }
        if (g.promise) {
          insertPromise(g.promise);
          counts.case_promises++;
        }
        if (++counts.cases % BATCH === 0) {
          db.exec('COMMIT; BEGIN');
          if (counts.cases % (BATCH * 10) === 0) {
            const s = (nowMs() - t0) / 1000;
            log(`  dataset: ${counts.cases.toLocaleString('en')} cases in ${s.toFixed(0)} s`);
          }
        }
      }
    });
    const setCounter = db.prepare(
      'INSERT INTO number_counters (branch_code, kind, period, last_serial) VALUES (?, ?, ?, ?)',
    );
    for (const [period, last] of serials) setCounter.run(ctx.settings().branchCode, NUMBER_KINDS.case, period, last);
    // Every case's documents are written above: nothing waits for the search's flush (search-backlog.ts).
    markSearchIndexed(db, Number(db.prepare('SELECT ifnull(max(rid), 0) FROM cases').pluck().get()));
    db.exec('COMMIT');
    log('  dataset: ANALYZE');
    db.exec('ANALYZE');
    db.pragma('journal_mode = WAL');
    return counts;
  } finally {
    db.close();
  }
}
