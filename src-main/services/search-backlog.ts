// The search index written after the commit, in groups (issue 16 §4): intake leaves a new case's two search
// documents to flushSearchIndex, which writes them for every case above the mark, from the row as it is then.
//
// Invariants:
// - store_meta's search_indexed_rid (the mark) is a case rid; every case with a rid at or below it has its
//   documents in case_search and case_search_uni, as its row reads now (migration 0035 set it to the last case).
// - Cases are never deleted (trigger cases_no_delete) and a new row's rid is above every rid stored, so the cases
//   above the mark are exactly the cases waiting; the intake's own transaction needs to write nothing for them.
// - Whoever reads the index (search.ts, case-match-suggest.ts) flushes first, in a transaction of its own, so a
//   search never misses a committed case. The running app also flushes at start and every minute
//   (scheduleSearchFlush), so that a search finds a minute's cases waiting at most.
// - A document written directly (a change of name or content, recovery's merge, renumbering, anonymisation)
//   stays right: a flush writes the same document again from the same row (INSERT OR REPLACE).
import type { Db } from '../db/connection';
import { inTransaction, stmt } from '../db/statements';
import { loggableError } from '../shared/loggable-error';
import { readMeta, writeMeta } from './store-meta';

export const SEARCH_INDEXED_KEY = 'search_indexed_rid';

/** The mark: the last rid whose documents are written (0 on a store where none are). */
export function searchIndexedRid(db: Db): number {
  return Number(readMeta(db, SEARCH_INDEXED_KEY) ?? 0);
}

const lastRid = (db: Db): number =>
  (stmt(db, 'SELECT ifnull(max(rid), 0) AS rid FROM cases').get() as { rid: number }).rid;

/** Moves the mark to `rid`: for a writer that has written the documents of every case up to it itself (the bench's dataset). */
export function markSearchIndexed(db: Db, rid: number): void {
  writeMeta(db, SEARCH_INDEXED_KEY, String(rid));
}

/**
 * Writes the documents of the cases waiting (rid above the mark) and moves the mark to the last of them, in one
 * transaction; answers how many were written. Two reads when nothing waits (the mark and max(rid)).
 */
export function flushSearchIndex(db: Db): number {
  const from = searchIndexedRid(db);
  const to = lastRid(db);
  if (to <= from) return 0;
  // The mark and the rids read just before: another writer between (a CLI on the same file) can only add cases
  // above `to`, which stay above the mark, or index these again, which writes the same documents.
  return inTransaction(db, () => {
    // The tokens of writeSearchDoc (domain/search-tokens.ts through db/search-functions.ts), from the row as stored.
    const n = stmt(
      db,
      `INSERT OR REPLACE INTO case_search (rowid, bi)
       SELECT rid, search_bigrams(number, customer_name, content) FROM cases WHERE rid > ? AND rid <= ?`,
    ).run(from, to).changes;
    stmt(
      db,
      `INSERT OR REPLACE INTO case_search_uni (rowid, uni)
       SELECT rid, search_unigrams(number, customer_name, content) FROM cases WHERE rid > ? AND rid <= ?`,
    ).run(from, to);
    markSearchIndexed(db, to);
    return n;
  });
}

export interface SearchFlushLog {
  error(message: string, detail?: unknown): void;
}

/**
 * How often the running app writes the waiting documents. A flush of one case appends about 15 WAL pages (the two
 * indexes' new segments, the mark), one of 20 cases about 1 page a case (bench search_flush_median_ms): a minute's
 * cases go in one transaction. A search never waits for it: it writes what waits first, a minute's cases at most.
 */
export const SEARCH_FLUSH_EVERY_MS = 60_000;

/** Flushes now (the app's start) and then every `everyMs`; answers the stop. */
export function scheduleSearchFlush(db: Db, log: SearchFlushLog, everyMs = SEARCH_FLUSH_EVERY_MS): () => void {
  const flush = () => {
    try {
      flushSearchIndex(db);
    } catch (e) {
      // A failed flush is retried by the next one; a search flushes for itself whatever happened here.
      log.error('search index flush failed', loggableError(e));
    }
  };
  flush();
  const every = setInterval(flush, everyMs);
  every.unref();
  return () => clearInterval(every);
}
