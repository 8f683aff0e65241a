// Versions of what the outbox carries to head office. Bump RECORD_SCHEMA_VERSION when a
// snapshot's shape changes; head office reads both the old and the new shape.
export const RECORD_SCHEMA_VERSION = 1;

export const RECORD_TYPES = [
  'case',
  'customer',
  'follow_up',
  'slip',
  'audit',
  'unit',
  'category',
  'notice_ack',
  'attachment',
  // issue 20: the personal-data access log (services/access-log.ts).
  'access_log',
  // Issue 20: which records a branch anonymised (shared/anonymisation.ts).
  'anonymisation',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/**
 * In an outbox audit record, `after: { $snapshot: { type, id, version } }` stands for the
 * snapshot of that record version, sent in the same batch (used for creations). In every
 * snapshot a field that is absent is null.
 */
export const SNAPSHOT_REF = '$snapshot';
