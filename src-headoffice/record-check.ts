// What head office requires of one record before it stores it. A record that fails goes to
// quarantine with the reason; it never blocks the records after it. The snapshot is parsed
// in JS for both stores, so SQLite and PostgreSQL quarantine exactly the same records.
import { RECORD_SCHEMA_VERSION, RECORD_TYPES } from '../src-main/shared/sync-format';
import type { DecodedRecord } from '../src-main/sync/batch-format';

const TYPES = new Set<string>(RECORD_TYPES);

/** What the snapshot holds: its JSON type (null: not JSON), its id and number, and the parsed value. */
export interface SnapshotFacts {
  kind: string | null;
  id: unknown;
  number: unknown;
  value?: unknown;
}

export function snapshotFacts(data: Buffer): SnapshotFacts {
  let value: unknown;
  try {
    value = JSON.parse(data.toString('utf8'));
  } catch {
    return { kind: null, id: null, number: null };
  }
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  if (kind !== 'object') return { kind, id: null, number: null };
  const o = value as Record<string, unknown>;
  return { kind, id: o.id ?? null, number: o.number ?? null, value };
}

export type RecordVerdict = { ok: true; caseNumber: string | null } | { ok: false; reason: string };

export function checkRecord(
  r: Omit<DecodedRecord, 'data' | 'line'>,
  facts: SnapshotFacts,
  maxSchema = RECORD_SCHEMA_VERSION,
): RecordVerdict {
  if (!TYPES.has(r.type)) return { ok: false, reason: `unknown record type "${r.type.slice(0, 40)}"` };
  if (r.id.length === 0 || r.id.length > 100) return { ok: false, reason: 'record id is empty or too long' };
  if (r.version < 1) return { ok: false, reason: 'record version must be at least 1' };
  if (r.schema < 1 || r.schema > maxSchema)
    return { ok: false, reason: `record schema ${r.schema} is not supported (1–${maxSchema})` };
  if (facts.kind === null) return { ok: false, reason: 'snapshot is not valid JSON' };
  if (facts.kind !== 'object') return { ok: false, reason: 'snapshot is not an object' };
  if (r.type !== 'category' && facts.id !== null && facts.id !== r.id)
    return { ok: false, reason: 'snapshot id differs from the record id' };
  return { ok: true, caseNumber: r.type === 'case' && typeof facts.number === 'string' ? facts.number : null };
}
