// A person's request, its cases (issue 20 §3): every case holding the phone and why — its customer phone, its
// customer record, a government body's contact phone, or the number written in its texts — and each as the
// request gives it: in full when the person is its customer, else (someone else's case) only its number,
// channel, status, category and dates.
import type { PersonCase, PersonCaseMatch } from '../shared/person-data-types';
import type { ServiceContext } from './context';

export const iso = (ms: number): string => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

interface CaseRow {
  id: string;
  number: string;
  branch_code: string;
  channel: PersonCase['channel'];
  status: PersonCase['status'];
  category_code: string;
  category_name: string | null;
  received_at: number;
  filed_at: number | null;
  anonymous: number;
  customer_name: string | null;
  customer_phone: string | null;
  customer_other_contact: string | null;
  content: string;
  expected_resolution: string | null;
  purchase_items: string;
  receipt_no: string | null;
  purchase_amount_fen: number | null;
  resolution_summary: string | null;
  resolution_amount_fen: number | null;
}

/** One condition per reason a case is listed, each an indexed lookup but the text scan (a request is rare). */
const CASE_MATCHES: Record<PersonCaseMatch, string> = {
  customer_phone: 'c.customer_phone = @phone',
  customer_record: 'c.customer_id IN (SELECT id FROM customers WHERE phone = @phone)',
  gov_contact_phone: 'c.gov_contact_phone = @phone',
  text: `(instr(c.content, @phone) > 0 OR instr(coalesce(c.expected_resolution, ''), @phone) > 0
          OR instr(coalesce(c.customer_other_contact, ''), @phone) > 0
          OR instr(coalesce(c.resolution_summary, ''), @phone) > 0)`,
};

export function findCases(ctx: ServiceContext, phone: string): { row: CaseRow; matchedBy: PersonCaseMatch[] }[] {
  const byId = new Map<string, { row: CaseRow; matchedBy: PersonCaseMatch[] }>();
  for (const [reason, where] of Object.entries(CASE_MATCHES) as [PersonCaseMatch, string][]) {
    const rows = ctx.db
      .prepare(
        `SELECT c.id, c.number, c.branch_code, c.channel, c.status, c.category_code, cat.name_zh AS category_name,
                c.received_at, c.filed_at, c.anonymous, c.customer_name, c.customer_phone, c.customer_other_contact,
                c.content, c.expected_resolution, c.purchase_items, c.receipt_no, c.purchase_amount_fen,
                c.resolution_summary, c.resolution_amount_fen
         FROM cases c LEFT JOIN categories cat ON cat.code = c.category_code WHERE ${where}`,
      )
      .all({ phone }) as CaseRow[];
    for (const row of rows) {
      const seen = byId.get(row.id);
      if (seen) seen.matchedBy.push(reason);
      else byId.set(row.id, { row, matchedBy: [reason] });
    }
  }
  return [...byId.values()].sort(
    (a, b) => a.row.received_at - b.row.received_at || a.row.number.localeCompare(b.row.number),
  );
}

/** The person is the customer of the case (not merely named in it): see PersonCase.ownCase. */
export const isOwnCase = (matchedBy: readonly PersonCaseMatch[]): boolean =>
  matchedBy.includes('customer_phone') || matchedBy.includes('customer_record');

type CaseDetails = Pick<
  PersonCase,
  | 'anonymous'
  | 'customerName'
  | 'customerPhone'
  | 'customerOtherContact'
  | 'content'
  | 'expectedResolution'
  | 'purchaseItems'
  | 'receiptNo'
  | 'purchaseAmountFen'
  | 'resolutionSummary'
  | 'resolutionAmountFen'
>;

/** A case that only mentions the number is someone else's: none of its details. */
const NO_DETAILS: CaseDetails = {
  anonymous: false,
  customerName: null,
  customerPhone: null,
  customerOtherContact: null,
  content: null,
  expectedResolution: null,
  purchaseItems: [],
  receiptNo: null,
  purchaseAmountFen: null,
  resolutionSummary: null,
  resolutionAmountFen: null,
};

const caseDetails = (r: CaseRow): CaseDetails => ({
  anonymous: r.anonymous === 1,
  customerName: r.customer_name,
  customerPhone: r.customer_phone,
  customerOtherContact: r.customer_other_contact,
  content: r.content,
  expectedResolution: r.expected_resolution,
  purchaseItems: (JSON.parse(r.purchase_items) as { name: string; code?: string; quantity: number }[]).map((i) => ({
    name: i.name,
    code: i.code ?? null,
    quantity: i.quantity,
  })),
  receiptNo: r.receipt_no,
  purchaseAmountFen: r.purchase_amount_fen,
  resolutionSummary: r.resolution_summary,
  resolutionAmountFen: r.resolution_amount_fen,
});

export function personCase({ row: r, matchedBy }: { row: CaseRow; matchedBy: PersonCaseMatch[] }): PersonCase {
  const head = {
    branch: r.branch_code,
    number: r.number,
    matchedBy,
    channel: r.channel,
    status: r.status,
    categoryCode: r.category_code,
    categoryName: r.category_name ?? r.category_code,
    receivedAt: iso(r.received_at),
    filedAt: isoOrNull(r.filed_at),
  };
  return isOwnCase(matchedBy)
    ? { ...head, ownCase: true, ...caseDetails(r) }
    : { ...head, ownCase: false, ...NO_DETAILS };
}
