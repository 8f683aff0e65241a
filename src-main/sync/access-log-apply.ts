// Applies an 'access_log' record head office holds (recovery) to this store: the access_log row written
// back once, as the branch wrote it (services/access-log.ts).
import { stmt } from '../db/statements';
import type { ServiceContext } from '../services/context';
import { ACCESS_LOG_COLUMNS, AccessLogRecordSnapshot, accessLogValues } from './record-snapshots-access-log';

/**
 * An 'access_log' record head office holds, written back once; a row
 * already held is left alone (the table refuses any insert that meets an existing row). False when the
 * snapshot does not read as one or the row was held.
 */
export function applyAccessLogRecord(ctx: ServiceContext, id: string, snapshot: Record<string, unknown>): boolean {
  const p = AccessLogRecordSnapshot.safeParse({ ...snapshot, id });
  if (!p.success) return false;
  if (stmt(ctx.db, 'SELECT 1 FROM access_log WHERE id = ?').get(id) !== undefined) return false;
  stmt(
    ctx.db,
    `INSERT INTO access_log (${ACCESS_LOG_COLUMNS}, subject_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(...accessLogValues(p.data), p.data.subjectHash ?? null);
  return true;
}
