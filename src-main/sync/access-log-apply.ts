// Applies an 'access_log' record head office holds (recovery) to this store: the access_log row written
// back once, as the branch wrote it (services/access-log.ts).
import { stmt } from '../db/statements';
import type { ServiceContext } from '../services/context';
import { AccessLogRecordSnapshot } from './record-snapshots-access-log';

/**
 * An 'access_log' record head office holds, written back once; a row
 * already held is left alone (the table refuses any insert that meets an existing row). False when the
 * snapshot does not read as one or the row was held.
 */
export function applyAccessLogRecord(ctx: ServiceContext, id: string, snapshot: Record<string, unknown>): boolean {
  const p = AccessLogRecordSnapshot.safeParse({ ...snapshot, id });
  if (!p.success) return false;
  if (stmt(ctx.db, 'SELECT 1 FROM access_log WHERE id = ?').get(id) !== undefined) return false;
  const a = p.data;
  stmt(
    ctx.db,
    `INSERT INTO access_log (id, at, user_id, user_staff_no, user_name, user_role, action, entity_type, entity_id, fields, reason, subject_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    a.id,
    a.at,
    a.userId,
    a.userStaffNo ?? null,
    a.userName,
    a.userRole,
    a.action,
    a.entityType,
    a.entityId,
    JSON.stringify(a.fields),
    a.reason ?? null,
    a.subjectHash ?? null,
  );
  return true;
}
