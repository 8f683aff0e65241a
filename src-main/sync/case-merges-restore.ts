// A store restored from head office rebuilds its case_merges rows from the duplicate's timeline
// (head office keeps events, not this table): without them a mergeable undo would be refused and
// the primary's due would lose the 12315 limit the duplicate carried. The merge and undo events'
// data carry everything the row holds (services/case-links.ts).
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';

type Snapshot = Record<string, unknown>;

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Rebuilds the merges of duplicate `caseId` from its merge / undo_merge events, oldest first; rows held stay. */
export function restoreCaseMerges(db: Db, caseId: string, events: Snapshot[]): void {
  const ordered = [...events].sort((a, b) => (num(a.at) ?? 0) - (num(b.at) ?? 0));
  for (const e of ordered) {
    const d = (e.data ?? {}) as Snapshot;
    const at = num(e.at);
    if (at === null) continue;
    if (e.kind === 'merge') restoreMerge(db, caseId, String(e.id), at, str(e.actorName) ?? '', d);
    if (e.kind === 'undo_merge')
      stmt(
        db,
        `UPDATE case_merges SET undone_at = ?, undone_by = ?, undo_reason = ?
          WHERE duplicate_id = ? AND undone_at IS NULL AND merged_at <= ?`,
      ).run(at, str(d.undoneBy), str(d.reason) ?? str(e.text), caseId, at);
  }
}

function restoreMerge(db: Db, caseId: string, eventId: string, at: number, byName: string, d: Snapshot): void {
  const held = stmt(db, 'SELECT 1 FROM case_merges WHERE id = ? OR (duplicate_id = ? AND merged_at = ?)').get(
    eventId,
    caseId,
    at,
  );
  const primaryId = str(d.primaryId);
  const mergedBy = str(d.mergedBy);
  const statusBefore = str(d.statusBefore);
  // An event without what the row needs (none is written so) is left to the timeline alone.
  if (held || !primaryId || !mergedBy || !statusBefore) return;
  stmt(
    db,
    // OR IGNORE: a merge this store still holds in force (under another id) stays as it is.
    `INSERT OR IGNORE INTO case_merges (id, duplicate_id, primary_id, merged_at, merged_by, merged_by_name, reason,
       different_customer, status_before, filed_at_before, filed_by_before, matter_before, moved_promise_ids,
       carried_due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    eventId,
    caseId,
    primaryId,
    at,
    mergedBy,
    byName,
    str(d.reason) ?? '',
    d.differentCustomerConfirmed === true ? 1 : 0,
    statusBefore,
    num(d.filedAtBefore),
    str(d.filedByBefore),
    str(d.matterBefore),
    JSON.stringify(Array.isArray(d.movedPromiseIds) ? d.movedPromiseIds : []),
    num(d.carriedDueAt),
  );
}
