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
