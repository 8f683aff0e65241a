// The console's case projection (hq_cases): the facts of a case snapshot the list filters,
// orders and searches by, parsed with the sync contract's CaseSnapshot. Written by the
// importer in the batch's transaction. A case whose snapshot does not parse is stored as sent
// but refused here: it is not listed (a newer version that parses lists it). The snapshot's
// fields are read with CaseSnapshot's own shape but without its loose copy of every other key
// (three loose parses per case copied a large snapshot three times): the same cases parse, and
// the list facts and matter fields are read from the parsed snapshot itself.
import { z } from 'zod';
import { normalizePhone } from '../src-main/shared/phone';
import { CaseSnapshot } from '../src-main/sync/protocol';
import type { CaseRow } from './store-types';
import { caseListFacts } from './case-list-facts';
import { itemKeysOf } from '../src-main/domain/item-key';
import { matterFacts } from './matter-projection';

const text = (v: string | null | undefined): string | null => (v ? v : null);

/** CaseSnapshot's fields, checked as CaseSnapshot checks them; its other keys are not copied. */
const CaseFields = z.object(CaseSnapshot.shape);
type CaseFields = z.infer<typeof CaseFields>;

/** The projection row of a case snapshot: `snap` its checked fields, `value` the snapshot as parsed from JSON. */
export function caseRowOf(branch: string, snap: CaseFields, value: unknown, importedAt: number): CaseRow {
  const named = snap.anonymous !== true;
  const keys = itemKeysOf(snap.purchaseItems ?? []);
  const items = (snap.purchaseItems ?? []).map((i) => text(i.name)).filter((n): n is string => n !== null);
  return {
    branch,
    id: snap.id,
    number: snap.number,
    status: snap.status ?? 'registered',
    channel: snap.channel ?? 'other',
    category: text(snap.categoryCode) ?? 'other',
    severity: snap.severity ?? 'general',
    receivedAt: snap.receivedAt,
    updatedAt: importedAt,
    typical: snap.typical === true ? 1 : 0,
    finding: snap.finding ?? null,
    satisfaction: snap.satisfaction ?? null,
    disputed: snap.disputed === true ? 1 : 0,
    phone: named ? normalizePhone(snap.customerPhone ?? '') : null,
    customerName: named ? text(snap.customerName) : null,
    receiptNo: text(snap.receiptNo),
    items: items.length ? items.join('\n') : null,
    itemKeys: keys.length ? keys.join('\n') : null,
    content: snap.content ?? '',
    dueAt: snap.dueAt ?? null,
    ...caseListFacts(value, snap.receivedAt),
    ...matterFacts(value),
  };
}

/** The row of a case record's snapshot (JSON already parsed), or null when it is not a CaseSnapshot. */
export function projectCase(branch: string, value: unknown, importedAt: number): CaseRow | null {
  const r = CaseFields.safeParse(value);
  return r.success ? caseRowOf(branch, r.data, value, importedAt) : null;
}
