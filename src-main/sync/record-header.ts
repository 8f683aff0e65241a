// The record line's header read by hand: exactly what protocol.ts's RecordHeader and HeaderSeq
// zod schemas accept (a plain object; safe integers ≥ 0 for seq, version and schema; strings
// for type and id; other keys dropped), at a fraction of the cost — the 100k import read it
// per record through zod. test/sync/record-header.test.ts holds it equal to the schemas.
import type { RecordHeader } from './protocol';

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

const fieldsOf = (h: unknown): Record<string, unknown> | null =>
  typeof h === 'object' && h !== null && !Array.isArray(h) ? (h as Record<string, unknown>) : null;

/** The header as RecordHeader.safeParse would give it, or null where that fails. */
export function readRecordHeader(h: unknown): RecordHeader | null {
  const o = fieldsOf(h);
  if (o === null) return null;
  const { seq, type, id, version, schema } = o;
  if (!isCount(seq) || typeof type !== 'string' || typeof id !== 'string' || !isCount(version) || !isCount(schema))
    return null;
  return { seq, type, id, version, schema };
}

/** The sequence as HeaderSeq.safeParse would give it, or null where that fails. */
export function readHeaderSeq(h: unknown): number | null {
  const seq = fieldsOf(h)?.seq;
  return isCount(seq) ? seq : null;
}
