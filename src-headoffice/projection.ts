// The console's case projection (hq_cases): the facts of a case snapshot the list filters,
// orders and searches by. Written by the importer in the batch's transaction.
import { normalizePhone } from '../src-main/shared/phone';
import type { CaseRow } from './store-types';

type Snap = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The projection row of a case snapshot, or null when the snapshot lacks what a list row needs. */
export function caseRowOf(branch: string, snap: Snap, importedAt: number): CaseRow | null {
  const id = str(snap.id);
  const number = str(snap.number);
  const receivedAt = num(snap.receivedAt);
  if (!id || !number || receivedAt === null) return null;
  const phone = snap.anonymous === true ? null : normalizePhone(str(snap.customerPhone) ?? '');
  const items = Array.isArray(snap.purchaseItems)
    ? (snap.purchaseItems as unknown[]).map((i) => (i && typeof i === 'object' ? str((i as Snap).name) : null)).filter((n): n is string => n !== null)
    : [];
  return {
    branch,
    id,
    number,
    status: str(snap.status) ?? 'registered',
    channel: str(snap.channel) ?? 'other',
    category: str(snap.categoryCode) ?? 'other',
    severity: str(snap.severity) ?? 'general',
    receivedAt,
    updatedAt: importedAt,
    typical: snap.typical === true ? 1 : 0,
    finding: str(snap.finding),
    satisfaction: str(snap.satisfaction),
    disputed: snap.disputed === true ? 1 : 0,
    phone,
    customerName: snap.anonymous === true ? null : str(snap.customerName),
    receiptNo: str(snap.receiptNo),
    items: items.length ? items.join('\n') : null,
    content: typeof snap.content === 'string' ? snap.content : '',
    dueAt: num(snap.dueAt),
  };
}
