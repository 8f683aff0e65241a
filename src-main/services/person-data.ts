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
  type PersonData,
  type PersonDraft,
  type PersonFollowUp,
  type PersonSlip,
  type PersonSlipLine,
} from '../shared/person-data-types';
import { PersonFindInput } from '../shared/schemas/person-data';
import type { SlipLineRecord } from '../shared/types';
import type { ServiceContext } from './context';
import { findCases, iso, isOwnCase, isoOrNull, personCase } from './person-data-cases';
import { withInput } from './with-input';

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
