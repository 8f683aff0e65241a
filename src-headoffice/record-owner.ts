// Which branch a record of a batch belongs to, so the importer can refuse a batch carrying
// another branch's records: a case's or slip's own branchCode (else its number's prefix),
// and for a follow-up, slip or audit entry without one, the record of the batch it belongs
// to; a customer or unit named by another branch's case or slip is that branch's too.
import { parseNumber } from '../src-main/domain/numbering';

/** One record of the batch as the owner check reads it. */
export interface OwnedRecord {
  seq: number;
  type: string;
  id: string;
  /** The parsed snapshot. */
  value: unknown;
  /** The record it belongs to (an audit entry's entity, a slip's or follow-up's case), if any. */
  parentId: string | null;
}

/** A record of another branch: its place in the batch and the branch it says it belongs to. */
export interface ForeignRecord {
  seq: number;
  type: string;
  id: string;
  branch: string;
}

const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;

const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** The branch a case or slip names itself: its branchCode, else the prefix of its number. */
function ownBranch(r: OwnedRecord): string | null {
  if (r.type !== 'case' && r.type !== 'slip') return null;
  const code = text(field(r.value, 'branchCode'));
  if (code) return code;
  const number = text(field(r.value, 'number'));
  return number ? (parseNumber(number)?.branchCode ?? null) : null;
}

// Records a case or slip names as its own: its customer and units.
const NAMED = ['customerId', 'complainedUnitId', 'handlingUnitId', 'unitId'] as const;

/** The snapshot fields this check reads (the importer's snapshot facts must hold them). */
export const OWNER_FIELDS: readonly string[] = ['branchCode', 'number', ...NAMED];

/** The records of the batch that belong to a branch other than `branch`, in sequence order. */
export function foreignRecords(branch: string, records: readonly OwnedRecord[]): ForeignRecord[] {
  const owner = new Map<string, string>();
  for (const r of records) {
    const b = ownBranch(r);
    if (b === null) continue;
    owner.set(r.id, b);
    if (b === branch) continue;
    for (const name of NAMED) {
      const id = text(field(r.value, name));
      if (id && !owner.has(id)) owner.set(id, b);
    }
  }
  // A follow-up or slip before the audit entries about it: two rounds reach an audit of a follow-up.
  for (let round = 0; round < 2; round++)
    for (const r of records) {
      if (owner.has(r.id) || r.parentId === null) continue;
      const b = owner.get(r.parentId);
      if (b !== undefined) owner.set(r.id, b);
    }
  return records
    .map((r) => ({ seq: r.seq, type: r.type, id: r.id, branch: owner.get(r.id) ?? branch }))
    .filter((f) => f.branch !== branch);
}
