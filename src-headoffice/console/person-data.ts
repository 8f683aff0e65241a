// A person's request at head office (issue 20 §3): everything head office holds under one phone, from every
// branch — the cases whose customer phone it is (hq_cases.phone, normalised by the projection; anonymous cases
// hold none), their slips and the slips with that phone (records of type 'slip'), their follow-ups (records
// by parent_id) and the attachments of those cases and slips (hq_attachments). The shape is the branch's
// (shared/person-data-types.ts), holder 'HQ', so the same PDF template and JSON serve both.
// Invariant: only a case whose customer is the person is listed (PersonCase.ownCase is always true here).
import { DEFAULT_CATEGORIES } from '../../src-main/shared/enums';
import { normalizePhone } from '../../src-main/shared/phone';
import {
  PERSON_DATA_FORMAT,
  type PersonAttachment,
  type PersonCase,
  type PersonData,
  type PersonFollowUp,
  type PersonSlip,
  type PersonSlipLine,
} from '../../src-main/shared/person-data-types';
import type { HqQuery, HqStore, Param } from '../store';

export const HQ_HOLDER = { code: 'HQ', name: '总部' } as const;

const iso = (ms: unknown): string | null =>
  typeof ms === 'number' || typeof ms === 'string' ? new Date(Number(ms)).toISOString() : null;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

type Loose = Record<string, unknown>;
const parse = (payload: string): Loose => {
  try {
    const v: unknown = JSON.parse(payload);
    return typeof v === 'object' && v !== null ? (v as Loose) : {};
  } catch {
    return {};
  }
};

const lines = (v: unknown): PersonSlipLine[] =>
  (Array.isArray(v) ? (v as Loose[]) : []).map((l) => ({
    itemCode: str(l.itemCode) ?? '',
    name: str(l.name) ?? '',
    quantity: num(l.quantity) ?? 0,
    amountFen: num(l.amountFen) ?? 0,
  }));

function personCase(branch: string, p: Loose): PersonCase {
  const items = Array.isArray(p.purchaseItems) ? (p.purchaseItems as Loose[]) : [];
  return {
    branch,
    number: str(p.number) ?? '',
    matchedBy: ['customer_phone'],
    ownCase: true,
    channel: p.channel as PersonCase['channel'],
    status: p.status as PersonCase['status'],
    categoryCode: str(p.categoryCode) ?? '',
    categoryName: DEFAULT_CATEGORIES.find((c) => c.code === p.categoryCode)?.zh ?? str(p.categoryCode) ?? '',
    receivedAt: iso(p.receivedAt) ?? '',
    filedAt: iso(p.filedAt),
    anonymous: p.anonymous === true,
    customerName: str(p.customerName),
    customerPhone: normalizePhone(str(p.customerPhone) ?? '') ?? str(p.customerPhone),
    customerOtherContact: str(p.customerOtherContact),
    content: str(p.content),
    expectedResolution: str(p.expectedResolution),
    purchaseItems: items.map((i) => ({ name: str(i.name) ?? '', code: str(i.code), quantity: num(i.quantity) ?? 1 })),
    receiptNo: str(p.receiptNo),
    purchaseAmountFen: num(p.purchaseAmountFen),
    resolutionSummary: str(p.resolutionSummary),
    resolutionAmountFen: num(p.resolutionAmountFen),
  };
}

function personSlip(branch: string, p: Loose, caseNumbers: Map<string, string>): PersonSlip {
  const caseId = str(p.caseId);
  return {
    branch,
    number: str(p.number) ?? '',
    type: p.type as PersonSlip['type'],
    status: p.status as PersonSlip['status'],
    handledAt: iso(p.handledAt) ?? '',
    customerName: str(p.customerName),
    customerPhone: str(p.customerPhone),
    receiptNo: str(p.receiptNo) ?? '',
    returnedLines: lines(p.returnedLines),
    issuedLines: lines(p.issuedLines),
    returnedTotalFen: num(p.returnedTotalFen) ?? 0,
    issuedTotalFen: num(p.issuedTotalFen) ?? 0,
    refundFen: num(p.refundFen) ?? 0,
    caseNumber: str(p.caseNumber) ?? (caseId ? (caseNumbers.get(`${branch}/${caseId}`) ?? null) : null),
  };
}

/** `(branch = ? AND col = ?) OR …` over pairs; a never-true condition for none. */
function pairs(col: string, keys: { branch: string; id: string }[]): { sql: string; params: Param[] } {
  if (keys.length === 0) return { sql: '1 = 0', params: [] };
  return {
    sql: keys.map(() => `(branch = ? AND ${col} = ?)`).join(' OR '),
    params: keys.flatMap((k) => [k.branch, k.id]),
  };
}

const slipPhone = (kind: HqStore['kind']) =>
  kind === 'pg' ? "(payload::jsonb ->> 'customerPhone')" : "json_extract(payload, '$.customerPhone')";

/** Everything head office holds under `phone` (normalised), at `now`. */
export async function personDataAtHq(
  store: HqQuery & { kind: HqStore['kind'] },
  phone: string,
  now: number,
): Promise<PersonData> {
  const caseRows = await store.all<{ branch: string; id: string; payload: string }>(
    `SELECT c.branch, c.id, r.payload FROM hq_cases c
     JOIN records r ON r.branch = c.branch AND r.type = 'case' AND r.id = c.id
     WHERE c.phone = ? ORDER BY c.received_at, c.branch, c.number`,
    [phone],
  );
  const cases = caseRows.map((r) => ({
    key: { branch: r.branch, id: r.id },
    c: personCase(r.branch, parse(r.payload)),
  }));
  const caseNumbers = new Map(cases.map((x) => [`${x.key.branch}/${x.key.id}`, x.c.number]));
  const ofCases = pairs(
    'parent_id',
    cases.map((x) => x.key),
  );
  // A slip is hers by its phone (stored normalised by the branch) or by being a slip of her case.
  const slipRows = await store.all<{ branch: string; id: string; payload: string }>(
    `SELECT branch, id, payload FROM records WHERE type = 'slip' AND (${slipPhone(store.kind)} = ? OR ${ofCases.sql})`,
    [phone, ...ofCases.params],
  );
  const slips = slipRows
    .map((r) => ({ key: { branch: r.branch, id: r.id }, s: personSlip(r.branch, parse(r.payload), caseNumbers) }))
    .sort((a, b) => a.s.handledAt.localeCompare(b.s.handledAt) || a.s.number.localeCompare(b.s.number));
  const followRows = await store.all<{ branch: string; payload: string }>(
    `SELECT branch, payload FROM records WHERE type = 'follow_up' AND (${ofCases.sql})`,
    ofCases.params,
  );
  const followUps: PersonFollowUp[] = followRows
    .map((r) => {
      const p = parse(r.payload);
      return {
        branch: r.branch,
        caseNumber: caseNumbers.get(`${r.branch}/${str(p.caseId) ?? ''}`) ?? '',
        dueDate: str(p.dueDate) ?? '',
        doneAt: iso(p.doneAt),
        outcome: (str(p.outcome) as PersonFollowUp['outcome']) ?? null,
        note: str(p.note),
        result: str(p.result),
      };
    })
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.caseNumber.localeCompare(b.caseNumber));
  const byCase = pairs(
    'case_id',
    cases.map((x) => x.key),
  );
  const bySlip = pairs(
    'owner_id',
    slips.map((x) => x.key),
  );
  const slipNumbers = new Map(slips.map((x) => [`${x.key.branch}/${x.key.id}`, x.s.number]));
  const attachmentRows = await store.all<{
    branch: string;
    owner_type: PersonAttachment['ownerType'];
    owner_id: string;
    case_id: string | null;
    kind: PersonAttachment['kind'];
    name: string;
    mime: string;
    size: number | string;
    sha256: string;
    added_at: number | string;
    voided_at: number | string | null;
  }>(
    `SELECT branch, owner_type, owner_id, case_id, kind, name, mime, size, sha256, added_at, voided_at
     FROM hq_attachments WHERE (owner_type = 'case' AND (${byCase.sql})) OR (owner_type = 'slip' AND (${bySlip.sql}))
     ORDER BY added_at, branch, id`,
    [...byCase.params, ...bySlip.params],
  );
  const attachments: PersonAttachment[] = attachmentRows.map((a) => ({
    branch: a.branch,
    ownerType: a.owner_type,
    ownerNumber: (a.owner_type === 'case' ? caseNumbers : slipNumbers).get(`${a.branch}/${a.owner_id}`) ?? a.owner_id,
    kind: a.kind,
    name: a.name,
    mime: a.mime,
    size: Number(a.size),
    sha256: a.sha256,
    addedAt: iso(a.added_at) ?? '',
    voidedAt: iso(a.voided_at),
  }));
  return {
    format: PERSON_DATA_FORMAT,
    holder: { ...HQ_HOLDER },
    phone,
    generatedAt: new Date(now).toISOString(),
    cases: cases.map((x) => x.c),
    slips: slips.map((x) => x.s),
    followUps,
    attachments,
    drafts: [],
  };
}
