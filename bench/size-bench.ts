// Store size per 100,000 cases, every case through createCase so that the audit log, the
// outbox, the timeline, customers and the search index all grow as they do in use. For speed
// the creates are grouped into outer transactions of 1,000 (each createCase's own transaction
// becomes a savepoint); that changes how often pages are written, not what is stored.
// With `archive`, the branch syncs and archives as the app does: after each group head office has
// acknowledged everything, and acknowledged outbox rows older than 30 days move to outbox_archive,
// audit rows older than 30 days to audit_archive.
import { join } from 'node:path';
import { type Db, openDatabase } from '../src-main/db/connection';
import { createCase } from '../src-main/services/case-intake';
import { flushSearchIndex } from '../src-main/services/search-backlog';
import { createContext } from '../src-main/services/context';
import { archiveAudit } from '../src-main/services/audit-archive';
import { archiveOutbox, DEFAULT_OUTBOX_ARCHIVE_DAYS } from '../src-main/sync/outbox-archive';
import { setAckedSeq } from '../src-main/sync/sync-state';
import { DATASET_NOW } from './dataset';
import { intakeForms } from './intake-inputs';
import { createRng } from '../src-main/cli/prng';
import { seedStaff } from './staff';
import { nowMs } from './timing';

export const SIZE_GROUP = 1_000;

export interface SizeResult {
  cases: number;
  baselineBytes: number;
  totalBytes: number;
  perHundredK: number;
  createMs: number;
  /** Bytes by table (indexes counted with their table), from dbstat. */
  byTable: [string, number][];
  /** Bytes by b-tree (each index on its own line, FTS5 shadow tables apart), from dbstat. */
  byObject: [string, number][];
  /** Bytes of free pages (left by the archive's deletes until new rows reuse them), counted in totalBytes. */
  freeBytes: number;
  /** Outbox rows moved to the archive during the run (0 without `archive`). */
  archivedRows: number;
  /** Audit rows moved to the audit archive during the run (0 without `archive`). */
  archivedAuditRows: number;
}

const storeBytes = (db: Db): number => {
  db.pragma('wal_checkpoint(TRUNCATE)');
  return (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
};

export function benchSize(dir: string, cases: number, log: (s: string) => void, archive = false): SizeResult {
  const clock = { t: DATASET_NOW - 300 * 86_400_000 };
  const { db } = openDatabase(join(dir, archive ? 'size-archived.sqlite' : 'size.sqlite'), { now: () => clock.t });
  let archivedRows = 0;
  let archivedAuditRows = 0;
  try {
    const ctx = createContext(db, { now: () => clock.t });
    const staff = seedStaff(ctx, 2);
    const baselineBytes = storeBytes(db);
    const rng = createRng(100_000);
    const next = intakeForms(rng, staff);
    const t0 = nowMs();
    for (let done = 0; done < cases;) {
      const n = Math.min(SIZE_GROUP, cases - done);
      db.transaction(() => {
        for (let i = 0; i < n; i++) {
          // About 340 cases a day, as in the 1M dataset.
          clock.t += rng.int(1, 8) * 60_000;
          const { actor, input } = next(clock.t);
          createCase(ctx, actor, input);
        }
      })();
      // The group's search documents, written after its commit as the app does (services/search-backlog.ts).
      flushSearchIndex(db);
      if (archive) {
        setAckedSeq(db, db.prepare('SELECT max(seq) FROM outbox').pluck().get() as number);
        archivedRows += archiveOutbox(db, { now: clock.t, days: DEFAULT_OUTBOX_ARCHIVE_DAYS }).rows;
        archivedAuditRows += archiveAudit(db, { now: clock.t, days: DEFAULT_OUTBOX_ARCHIVE_DAYS }).rows;
      }
      done += n;
      if (done % 20_000 === 0)
        log(`  size: ${done.toLocaleString('en')} cases in ${((nowMs() - t0) / 1000).toFixed(0)} s`);
    }
    const createMs = nowMs() - t0;
    const totalBytes = storeBytes(db);
    const byIndex = db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name').all() as {
      name: string;
      bytes: number;
    }[];
    const owner = new Map(
      (
        db.prepare("SELECT name, tbl_name FROM sqlite_schema WHERE type IN ('table', 'index')").all() as {
          name: string;
          tbl_name: string;
        }[]
      ).map((r) => [r.name, r.tbl_name]),
    );
    const byTable = new Map<string, number>();
    for (const { name, bytes } of byIndex) {
      // FTS5 shadow tables (case_search_data, _idx, …) count as the search index.
      const table = name.startsWith('case_search') ? 'case_search (FTS5)' : (owner.get(name) ?? name);
      byTable.set(table, (byTable.get(table) ?? 0) + bytes);
    }
    const freeBytes =
      (db.pragma('freelist_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
    return {
      cases,
      baselineBytes,
      totalBytes,
      perHundredK: ((totalBytes - baselineBytes) * 100_000) / cases,
      createMs,
      byTable: [...byTable].sort((a, b) => b[1] - a[1]),
      byObject: byIndex.map((x): [string, number] => [x.name, x.bytes]).sort((a, b) => b[1] - a[1]),
      freeBytes,
      archivedRows,
      archivedAuditRows,
    };
  } finally {
    db.close();
  }
}
