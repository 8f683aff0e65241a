// Head office's reference records (issue 21 §1: the working calendar per year, the phrase library) as the branch
// receives them: in the pull answer by their own cursor (sync_state 'reference_cursor'), or in a signed file from
// a USB stick (protocol-reference-file.ts). Each is stored by reference-repo's storeReference (newest version wins), inside
// the caller's transaction with the cursor; when a calendar year was stored, the open cases' deadlines are
// recomputed in that same transaction. What arrived last is kept for the sync line ('reference_last_update').
// Invariant: applying the same record twice (pull then file, file twice, an older file later) changes nothing.
import type { Db } from '../db/connection';
import { type ReceivedVia, storeReference } from '../db/repositories/reference-repo';
import { stmt } from '../db/statements';
import { refreshDeadlines } from '../services/deadline-refresh';
import type { ServiceContext } from '../services/context';
import type { ReferenceRecord } from '../shared/reference-data';
import type { PullAnswer } from './protocol';
import { readReferenceFile } from './protocol-reference-file';

const CURSOR = 'reference_cursor';
const LAST = 'reference_last_update';
/** How long the sync line tells of an update; later arrivals within it are added to the same line. */
export const REFERENCE_NEWS_MS = 7 * 24 * 3_600_000;

const get = (db: Db, key: string): string | undefined =>
  (stmt(db, 'SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined)?.value;
const put = (db: Db, key: string, value: string): void =>
  void stmt(
    db,
    'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);

export const referenceCursor = (db: Db): number => Number(get(db, CURSOR) ?? 0);

/** The last reference update the branch received: when, the calendar years and whether the library came. */
export interface ReferenceUpdate {
  at: number;
  via: ReceivedVia;
  calendarYears: number[];
  phrases: boolean;
}

/** The last update, or null when none arrived within REFERENCE_NEWS_MS of `now`. */
export function lastReferenceUpdate(db: Db, now: number): ReferenceUpdate | null {
  const raw = get(db, LAST);
  if (!raw) return null;
  try {
    const u = JSON.parse(raw) as ReferenceUpdate;
    return typeof u.at === 'number' && now - u.at < REFERENCE_NEWS_MS ? u : null;
  } catch {
    return null;
  }
}

/**
 * Stores the records (inside the caller's transaction), remembers what was new for the sync line and, when a
 * calendar year was new, recomputes the deadlines; answers the records stored (older or equal ones are not).
 */
export function applyReferenceRecords(
  ctx: ServiceContext,
  records: readonly ReferenceRecord[],
  via: ReceivedVia,
): ReferenceRecord[] {
  const now = ctx.now();
  const stored = records.filter((r) => storeReference(ctx.db, r, via, now));
  if (stored.length === 0) return stored;
  const before = lastReferenceUpdate(ctx.db, now);
  const years = stored.filter((r) => r.kind === 'calendar').map((r) => Number(r.key));
  const update: ReferenceUpdate = {
    at: now,
    via,
    calendarYears: [...new Set([...(before?.calendarYears ?? []), ...years])].sort((a, b) => a - b),
    phrases: (before?.phrases ?? false) || stored.some((r) => r.kind === 'phrases'),
  };
  put(ctx.db, LAST, JSON.stringify(update));
  if (years.length > 0) refreshDeadlines(ctx);
  return stored;
}

/** Stores the page's reference records and moves the cursor (inside the caller's transaction); answers how many were new. */
export function applyReferencePage(
  ctx: ServiceContext,
  page: Pick<PullAnswer, 'reference' | 'referenceCursor'>,
  since: number,
): number {
  const stored = applyReferenceRecords(
    ctx,
    (page.reference ?? []).map((r) => r.record),
    'network',
  );
  if (page.referenceCursor !== null && page.referenceCursor !== undefined)
    put(ctx.db, CURSOR, String(Math.max(since, page.referenceCursor)));
  return stored.length;
}

/**
 * A reference file from a USB stick (protocol-reference-file.ts), read for this branch with its key and applied in one
 * transaction; the pull's cursor is not moved (the pull may still bring the same records: they change nothing).
 */
export function importReferenceFile(
  ctx: ServiceContext,
  bytes: Buffer,
  branch: string,
  key: string,
): { inFile: ReferenceRecord[]; stored: ReferenceRecord[] } {
  const inFile = readReferenceFile(bytes, branch, key);
  const stored = ctx.db.transaction(() => applyReferenceRecords(ctx, inFile, 'file'))();
  return { inFile, stored };
}
