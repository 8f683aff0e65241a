// An 'access_log' record's snapshot (AccessLogRow, shared/access-log-types.ts) as head office reads
// it. Stored snapshots leave nulls out (services/changes.ts snapshotJson), so nullable fields may be absent.
import { z } from 'zod';
import { ACCESS_ACTIONS, ACCESS_ENTITY_TYPES } from '../shared/access-log-types';
import { maybe } from './protocol';

export const AccessLogRecordSnapshot = z.looseObject({
  id: z.string().min(1).max(100),
  at: z.number().int(),
  userId: z.string().min(1).max(100),
  userStaffNo: maybe(z.string().max(50)),
  userName: z.string().max(100),
  userRole: z.string().max(50),
  action: z.enum(ACCESS_ACTIONS),
  entityType: z.enum(ACCESS_ENTITY_TYPES),
  entityId: z.string().min(1).max(200),
  fields: z.array(z.string().max(100)).max(50),
  reason: maybe(z.string().max(500)),
  subjectHash: maybe(z.string().max(128)),
});
export type AccessLogRecordSnapshot = z.infer<typeof AccessLogRecordSnapshot>;

/** The columns both stores keep of an access-log row, in this order (the branch's access_log, head office's copy). */
export const ACCESS_LOG_COLUMNS =
  'id, at, user_id, user_staff_no, user_name, user_role, action, entity_type, entity_id, fields, reason';

/** The values of ACCESS_LOG_COLUMNS for one snapshot: absent nullable fields as null, fields as JSON. */
export const accessLogValues = (a: AccessLogRecordSnapshot): (string | number | null)[] => [
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
];
