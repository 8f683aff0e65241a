// The record a snapshot belongs to: an audit entry's entity, a slip's or follow-up's case. Read
// as a plain field (the importer asks this of every record of a 100,000-record backlog): the
// same answer as parsing with AuditSnapshot / CaseChildSnapshot picked to that one field.

const PARENT_FIELD: Readonly<Record<string, string>> = {
  audit: 'entityId',
  slip: 'caseId',
  follow_up: 'caseId',
  attachment: 'ownerId',
};

/** The snapshot fields parentOf reads (the importer's snapshot facts must hold them). */
export const PARENT_FIELDS: readonly string[] = Object.values(PARENT_FIELD);

export function parentOf(type: string, value: unknown): string | null {
  const field = Object.hasOwn(PARENT_FIELD, type) ? PARENT_FIELD[type] : undefined;
  if (field === undefined || typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const parent = (value as Record<string, unknown>)[field];
  return typeof parent === 'string' ? parent : null;
}
