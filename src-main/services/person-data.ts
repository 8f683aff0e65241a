// A person's request (issue 20 §3): everything the branch holds about one phone number — cases (by their
// customer phone, their customer record, a government contact's phone, or the number written in their text),
// slips, the follow-ups and attachments of those cases and slips, and half-typed forms holding it. Hot and
// archived cases are the same rows (archiving moves only outbox and audit chunks), so the live tables are read.
// Who: the secretary office and the manager, who answer a person's request (domain/permissions.ts person_request).
import { stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { can } from '../domain/permissions';
import { refuse } from '../shared/errors';
import { normalizePhone } from '../shared/phone';
import {
  PERSON_DATA_FORMAT,
  type PersonAttachment,
  type PersonCase,
  type PersonCaseMatch,
  type PersonData,
  type PersonDraft,
  type PersonFollowUp,
  type PersonSlip,
  type PersonSlipLine,
} from '../shared/person-data-types';
import { PersonFindInput } from '../shared/schemas/person-data';
import type { SlipLineRecord } from '../shared/types';
import type { ServiceContext } from './context';
import { withInput } from './with-input';

export const iso = (ms: number): string => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

/** Refuses every role but the secretary office and the manager, in words. */
export function assertMayAnswerRequests(actor: Actor): void {
  if (!can(actor.role, 'person_request'))
    throw refuse(
      'FORBIDDEN',
      '个人信息请求由秘书室或店长办理',
      "A person's request for their data is handled by the secretary office or the manager",
    );
}

/** The phone as typed, normalised; a text that is not a phone is refused on its field. */
export function personPhone(raw: string): string {
  const phone = normalizePhone(raw);
  if (!phone)
    throw refuse(
      'VALIDATION',
      '电话号码格式不正确(5–15 位数字,可带 +86)',
      'This is not a phone number (5–15 digits, +86 allowed)',
      [
        {
          field: 'phone',
          message: {
            zh: '电话:格式不正确(5–15 位数字,可带 +86)',
            en: 'Phone is not a valid phone number (5–15 digits, +86 allowed)',
          },
        },
      ],
    );
  return phone;
}

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

function findCases(ctx: ServiceContext, phone: string): { row: CaseRow; matchedBy: PersonCaseMatch[] }[] {
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

function personCase({ row: r, matchedBy }: { row: CaseRow; matchedBy: PersonCaseMatch[] }): PersonCase {
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

interface SlipRow {
  id: string;
  number: string;
  branch_code: string;
  type: PersonSlip['type'];
  status: PersonSlip['status'];
  handled_at: number;
  customer_name: string | null;
  customer_phone: string | null;
  receipt_no: string;
  returned_lines: string;
  issued_lines: string;
  returned_total_fen: number;
  issued_total_fen: number;
  refund_fen: number;
  case_number: string | null;
}

export const slipLines = (json: string): PersonSlipLine[] =>
  (JSON.parse(json) as SlipLineRecord[]).map((l) => ({
    itemCode: l.itemCode,
    name: l.name,
    quantity: l.quantity,
    amountFen: l.amountFen,
  }));

/** The slips with the phone, and the slips of the cases found (a slip of her case is hers even when typed without it). */
function findSlips(ctx: ServiceContext, phone: string, caseIds: string[]): SlipRow[] {
  return ctx.db
    .prepare(
      `SELECT s.id, s.number, s.branch_code, s.type, s.status, s.handled_at, s.customer_name, s.customer_phone,
              s.receipt_no, s.returned_lines, s.issued_lines, s.returned_total_fen, s.issued_total_fen, s.refund_fen,
              c.number AS case_number
       FROM slips s LEFT JOIN cases c ON c.id = s.case_id
       WHERE s.customer_phone = ? OR s.case_id IN (SELECT value FROM json_each(?))
       ORDER BY s.handled_at, s.number`,
    )
    .all(phone, JSON.stringify(caseIds)) as SlipRow[];
}

const personSlip = (r: SlipRow): PersonSlip => ({
  branch: r.branch_code,
  number: r.number,
  type: r.type,
  status: r.status,
  handledAt: iso(r.handled_at),
  customerName: r.customer_name,
  customerPhone: r.customer_phone,
  receiptNo: r.receipt_no,
  returnedLines: slipLines(r.returned_lines),
  issuedLines: slipLines(r.issued_lines),
  returnedTotalFen: r.returned_total_fen,
  issuedTotalFen: r.issued_total_fen,
  refundFen: r.refund_fen,
  caseNumber: r.case_number,
});

function findFollowUps(ctx: ServiceContext, branch: string, caseIds: string[]): PersonFollowUp[] {
  const rows = ctx.db
    .prepare(
      `SELECT c.number AS case_number, f.due_date, f.done_at, f.outcome, f.note, f.result
       FROM follow_ups f JOIN cases c ON c.id = f.case_id
       WHERE f.case_id IN (SELECT value FROM json_each(?)) ORDER BY f.due_at, f.rid`,
    )
    .all(JSON.stringify(caseIds)) as {
    case_number: string;
    due_date: string;
    done_at: number | null;
    outcome: PersonFollowUp['outcome'];
    note: string | null;
    result: string | null;
  }[];
  return rows.map((r) => ({
    branch,
    caseNumber: r.case_number,
    dueDate: r.due_date,
    doneAt: isoOrNull(r.done_at),
    outcome: r.outcome,
    note: r.note,
    result: r.result,
  }));
}

/** Every attachment of the cases and slips found, voided ones too (they are kept, so they are held). */
function findAttachments(
  ctx: ServiceContext,
  branch: string,
  caseIds: string[],
  slipIds: string[],
): PersonAttachment[] {
  const rows = ctx.db
    .prepare(
      `SELECT a.owner_type, coalesce(c.number, s.number) AS owner_number, a.kind, a.name, a.mime, a.size, a.sha256,
              a.added_at, a.voided_at
       FROM attachments a
       LEFT JOIN cases c ON a.owner_type = 'case' AND c.id = a.owner_id
       LEFT JOIN slips s ON a.owner_type = 'slip' AND s.id = a.owner_id
       WHERE (a.owner_type = 'case' AND a.owner_id IN (SELECT value FROM json_each(@cases)))
          OR (a.owner_type = 'slip' AND a.owner_id IN (SELECT value FROM json_each(@slips)))
       ORDER BY a.added_at, a.id`,
    )
    .all({ cases: JSON.stringify(caseIds), slips: JSON.stringify(slipIds) }) as {
    owner_type: PersonAttachment['ownerType'];
    owner_number: string;
    kind: PersonAttachment['kind'];
    name: string;
    mime: string;
    size: number;
    sha256: string;
    added_at: number;
    voided_at: number | null;
  }[];
  return rows.map((r) => ({
    branch,
    ownerType: r.owner_type,
    ownerNumber: r.owner_number,
    kind: r.kind,
    name: r.name,
    mime: r.mime,
    size: r.size,
    sha256: r.sha256,
    addedAt: iso(r.added_at),
    voidedAt: isoOrNull(r.voided_at),
  }));
}

/** Half-typed forms holding the number as typed with or without spaces and dashes (their text is JSON). */
function findDrafts(ctx: ServiceContext, phone: string): PersonDraft[] {
  const rows = stmt(
    ctx.db,
    `SELECT d.form, u.staff_no, d.saved_at FROM drafts d JOIN users u ON u.id = d.user_id
     WHERE instr(replace(replace(replace(d.payload, ' ', ''), '-', ''), char(12288), ''), ?) > 0
     ORDER BY d.saved_at`,
  ).all(phone) as { form: string; staff_no: string; saved_at: number }[];
  return rows.map((r) => ({ form: r.form, staffNo: r.staff_no, savedAt: iso(r.saved_at) }));
}

/** Everything held about `phone` (normalised), without a role check: the find and the export share it. */
export function personDataOf(ctx: ServiceContext, phone: string): PersonData {
  const s = ctx.settings();
  const cases = findCases(ctx, phone);
  // Only her own cases bring their slips, follow-ups and attachments (PersonCase.ownCase).
  const caseIds = cases.filter((c) => isOwnCase(c.matchedBy)).map((c) => c.row.id);
  const slips = findSlips(ctx, phone, caseIds);
  return {
    format: PERSON_DATA_FORMAT,
    holder: { code: s.branchCode, name: s.branchName },
    phone,
    generatedAt: iso(ctx.now()),
    cases: cases.map(personCase),
    slips: slips.map(personSlip),
    followUps: findFollowUps(ctx, s.branchCode, caseIds),
    attachments: findAttachments(
      ctx,
      s.branchCode,
      caseIds,
      slips.map((x) => x.id),
    ),
    drafts: findDrafts(ctx, phone),
  };
}

/** personalData.find: what the branch holds about the phone typed, for the secretary office and the manager. */
export const findPersonData = withInput(
  PersonFindInput,
  function findPersonData(ctx: ServiceContext, actor: Actor, input: { phone: string }): PersonData {
    assertMayAnswerRequests(actor);
    return personDataOf(ctx, personPhone(input.phone));
  },
);
