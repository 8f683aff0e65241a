// What head office requires of one record before it stores it. A record that fails goes to
// quarantine with the reason; it never blocks the records after it. The snapshot is parsed
// in JS for both stores, so SQLite and PostgreSQL quarantine exactly the same records. It is
// parsed once from its bytes read as Latin-1 (shared/latin1-json.ts), which gives the same verdict
// and the same top-level facts as the UTF-8 text; the whole snapshot is parsed from UTF-8 only
// when a projection asks for it (RecordSnapshot.value): the 100k import parsed every snapshot
// twice over in effect, decoding Chinese text that only five in a hundred records are read for.
import { RECORD_SCHEMA_VERSION, RECORD_TYPES } from '../src-main/shared/sync-format';
import type { DecodedRecord } from '../src-main/sync/batch-format';
import { isPlainFact, parseLatin1 } from '../src-main/shared/latin1-json';
import { OWN_TIME_FIELDS } from './record-own-time';
import { OWNER_FIELDS } from './record-owner';
import { PARENT_FIELDS } from './record-parent';

const TYPES = new Set<string>(RECORD_TYPES);

/** The top-level fields the importer reads of every snapshot: a reader of another field adds it here. */
export const FACT_FIELDS: readonly string[] = [
  ...new Set(['id', 'number', ...OWNER_FIELDS, ...PARENT_FIELDS, ...OWN_TIME_FIELDS]),
];

/** A snapshot's FACT_FIELDS that it holds, each as the UTF-8 parse reads it; no other key. */
export type SnapshotFields = Readonly<Record<string, unknown>>;

/** What the snapshot holds: its JSON type (null: not JSON), its id and number, and its fact fields. */
export interface SnapshotFacts {
  kind: string | null;
  id: unknown;
  number: unknown;
  fields: SnapshotFields;
}

const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** The FACT_FIELDS a parsed object holds. */
const factFields = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(FACT_FIELDS.filter((k) => Object.hasOwn(o, k)).map((k) => [k, o[k]]));

export function snapshotFacts(data: Buffer): SnapshotFacts {
  const quick = parseLatin1(data);
  if (quick === undefined) return { kind: null, id: null, number: null, fields: {} };
  const kind = kindOf(quick.value);
  if (kind !== 'object') return { kind, id: null, number: null, fields: {} };
  const quickFields = factFields(quick.value as Record<string, unknown>);
  // A fact that is text outside ASCII, or an object: read from the UTF-8 text (rare: ids and numbers are ASCII).
  const fields = Object.values(quickFields).every(isPlainFact)
    ? quickFields
    : factFields(JSON.parse(data.toString('utf8')) as Record<string, unknown>);
  return { kind, id: fields.id ?? null, number: fields.number ?? null, fields };
}

const UNPARSED: unique symbol = Symbol('unparsed');

/** One stored record of the batch: its snapshot's facts, and the whole snapshot parsed from UTF-8 when first asked. */
export class RecordSnapshot {
  #value: unknown = UNPARSED;

  constructor(
    readonly seq: number,
    readonly type: string,
    readonly id: string,
    readonly parentId: string | null,
    readonly fields: SnapshotFields,
    private readonly data: Buffer,
  ) {}

  /** The snapshot as JSON.parse reads its UTF-8 text (it is valid JSON: checkRecord passed it). */
  get value(): unknown {
    if (this.#value === UNPARSED) this.#value = JSON.parse(this.data.toString('utf8'));
    return this.#value;
  }
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
