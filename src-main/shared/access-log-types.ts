// The personal-data access log's words (issue 20 §1): what was done (action), to what (entity type),
// and a row as the manager's screen and head office read it.

export const ACCESS_ACTIONS = ['reveal', 'print', 'export', 'person_export', 'person_anonymise', 'retention'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

export const ACCESS_ENTITY_TYPES = ['case', 'slip', 'person', 'report'] as const;
export type AccessEntityType = (typeof ACCESS_ENTITY_TYPES)[number];

/** What a caller of recordAccess (services/access-log.ts) says happened. */
export interface AccessEntry {
  /** The user's id; 'system' for the background retention run. */
  by: string;
  action: AccessAction;
  entityType: AccessEntityType;
  /** A case's or slip's id, a report's name, or (entityType 'person') the person's phone, stored masked. */
  entityId: string;
  /** Field names (customerPhone, customerOtherContact, id_copy…), never their values. */
  fields: string[];
  reason: string | null;
}

/** One row of the log as read back (and as its 'access_log' outbox snapshot carries it). */
export interface AccessLogRow {
  id: string;
  at: number;
  userId: string;
  userStaffNo: string | null;
  userName: string;
  userRole: string;
  action: AccessAction;
  entityType: AccessEntityType;
  entityId: string;
  fields: string[];
  reason: string | null;
  subjectHash: string | null;
}
