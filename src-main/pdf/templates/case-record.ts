// 顾客异议处理记录表 (SPEC §3, §7): every field that applies to the case's channel, the
// handling timeline, result (处理人, 结案情况, the customer's consent to the next day, the slips
// linked to the case), feedback and satisfaction (a government body's 无异议/有异议 and the written
// reply date), escalations, the head-office instruction box, the filing date and the signature
// lines kept with it; the evidence attached (issue 19) listed, and an annex page of its images after the
// signatures. Empty optional fields print as blank cells or ruled lines to be filled in by hand.
import { BODY_ANSWERS } from '../../shared/enums';
import type { Closing } from '../../shared/summary-types';
import type { CaseRecord, FollowUp, SlipRow } from '../../shared/types';
import { formatYuan } from '../../domain/slips';
import { promiseState } from '../../shared/promise-state';
import { formatDate, formatInstant, yesNo } from '../format';
import { type FormText, timelineLabels } from '../form-text';
import { Flow } from '../layout';
import { offerTable } from './case-record-offer';
import { attachmentAnnex, attachmentList, type RecordAttachment } from './case-record-attachments';

export interface CaseRecordPrintData {
  c: CaseRecord;
  followUps: FollowUp[];
  branchName: string;
  timeZone: string;
  /** Display names of the users and units the case refers to, by id. */
  names: Record<string, string>;
  categoryName: string;
  earlierCases: { number: string; status: CaseRecord['status']; finding: CaseRecord['finding'] }[];
  /** When it is printed: an unanswered promise past its time prints as missed. */
  printedAt: number;
  /** The slips linked to the case in the slips table (slips.case_id), oldest first, void ones too. */
  slips: RecordSlip[];
  /** How the handling limit was met (domain/case-closing.ts); open and not accepted print blank. */
  closing: Closing;
  /**
   * The evidence attached to the case and its slips, oldest first, voided ones too, as the printer may
   * see it (services/print-attachments.ts). Absent (head office's print): the form has no evidence list.
   */
  attachments?: RecordAttachment[];
}

/** A linked slip as the record lists it. */
export type RecordSlip = Pick<SlipRow, 'number' | 'type' | 'status' | 'returnedTotalFen'>;

const closingShown = (closing: Closing, t: FormText): string =>
  closing === 'open' || closing === 'not_accepted' || closing === 'duplicate' ? '' : t.closing[closing];

/** Both answers with the chosen one marked, as the yes/no boxes are. */
const bodyAnswerBoxes = (answer: CaseRecord['bodyAnswer'], t: FormText): string =>
  BODY_ANSWERS.map((a) => `${a === answer ? '■' : '□'}${t.bodyAnswer[a]}`).join('  ');

const name = (d: CaseRecordPrintData, id: string | null | undefined): string => (id ? (d.names[id] ?? '') : '');

function header(f: () => Flow, d: CaseRecordPrintData, t: FormText) {
  return (): number => {
    const flow = f();
    flow.text(t.record.title, flow.left, 30, flow.width, { font: 'bold', size: 17, align: 'center' });
    flow.text(`${t.record.number}:${d.c.number}`, flow.left, 56, 260, { size: 9, font: 'bold' });
    flow.text(`${t.record.branch}:${d.branchName}`, flow.right - 220, 56, 220, { size: 9, align: 'right' });
    return 74;
  };
}

/** 回避: the staff complained about as named at intake, with her staff number (工号) when given. */
const complainedStaff = (c: CaseRecordPrintData['c'], t: FormText): string =>
  [c.complainedStaffName, c.complainedStaffNo ? `${t.slip.staffNo} ${c.complainedStaffNo}` : '']
    .filter(Boolean)
    .join('  ');

function basics(f: Flow, d: CaseRecordPrintData, t: FormText): void {
  const c = d.c;
  f.sectionTitle(t.record.basics);
  f.grid([
    { label: t.record.channel, value: t.channel[c.channel] },
    { label: t.record.receivedAt, value: formatInstant(c.receivedAt, d.timeZone) },
    { label: t.record.receivedBy, value: name(d, c.receivedBy) },
    { label: t.record.severity, value: t.severity[c.severity], bold: c.severity === 'major' },
    { label: t.record.category, value: d.categoryName },
    { label: t.record.status, value: t.status[c.status] },
    { label: t.record.complainedUnit, value: name(d, c.complainedUnitId) },
    { label: t.record.complainedStaff, value: complainedStaff(c, t) },
    { label: t.record.handlingUnit, value: name(d, c.handlingUnitId) },
    // 受理 (SPEC §12): accepted at intake by whoever received it, or not accepted with the decision below.
    {
      label: t.decline.accepted,
      value: c.status === 'not_accepted' ? t.decline.notAccepted : `${t.decline.accepted} · ${name(d, c.receivedBy)}`,
      bold: c.status === 'not_accepted',
    },
    ...(c.status === 'not_accepted'
      ? [
          { label: t.decline.reason, value: t.decline.lang === 'en' ? c.declineReasonEn : c.declineReasonZh },
          {
            label: t.decline.declinedBy,
            value: `${name(d, c.declinedBy)} ${formatInstant(c.declinedAt, d.timeZone)}`,
          },
          { label: t.decline.reasonInWords, value: c.declineText, wide: true },
          { label: t.decline.referToShort, value: c.declineReferTo, wide: true },
        ]
      : []),
  ]);
  f.sectionTitle(t.record.customerSection);
  f.grid([
    { label: t.record.name, value: c.anonymous ? t.record.anonymous : c.customerName },
    { label: t.record.phone, value: c.customerPhone },
    { label: t.record.otherContact, value: c.customerOtherContact },
    { label: t.record.contactTime, value: c.customerContactTime },
    {
      label: t.record.earlierCases,
      value: d.earlierCases
        .map((e) => `${e.number}(${t.status[e.status]}${e.finding ? `,${t.finding[e.finding]}` : ''})`)
        .join(';'),
      wide: true,
    },
  ]);
  if (c.channel === 'government') {
    f.sectionTitle(t.record.govSection);
    f.grid([
      { label: t.record.body, value: c.govBody ? [t.govBody[c.govBody], c.govBodyName].filter(Boolean).join(' ') : '' },
      { label: t.record.referenceNo, value: c.govReferenceNo },
      { label: t.record.contactPerson, value: c.govContactPerson },
      { label: t.record.contactPhone, value: c.govContactPhone },
    ]);
  }
  f.sectionTitle(t.record.purchaseSection);
  f.grid([
    { label: t.record.items, value: c.purchaseItems.map((i) => `${i.name} ×${i.quantity}`).join('、'), wide: true },
    {
      label: t.record.itemCodes,
      value: c.purchaseItems
        .map((i) => i.code)
        .filter(Boolean)
        .join('、'),
    },
    { label: t.record.receiptNo, value: c.receiptNo },
    { label: t.record.purchaseDate, value: c.purchaseDate },
    { label: t.record.amount, value: c.purchaseAmountFen === null ? '' : formatYuan(c.purchaseAmountFen) },
  ]);
}

function handling(f: Flow, d: CaseRecordPrintData, t: FormText): void {
  const c = d.c;
  f.textBox(t.record.content, c.content, { minLines: 4, continued: t.continued });
  f.textBox(t.record.expected, c.expectedResolution, { minLines: 2, continued: t.continued });
  if (c.extendedAt !== null)
    f.grid([
      {
        label: t.record.extension,
        value: `${formatInstant(c.extendedAt, d.timeZone)} ${c.extensionReason ?? ''}`,
        wide: true,
      },
    ]);
  f.sectionTitle(t.record.timeline);
  const labels = timelineLabels(t, c);
  f.entries(
    c.events.map((e, i) => ({
      head: `${formatInstant(e.at, d.timeZone)}  ${e.actorName}  ${labels[i] ?? e.kind}`,
      body: e.text,
    })),
    t.record.noTimeline,
  );
  if (c.promises.length > 0) {
    // Each promise with its state (open / kept / missed at printing), and the progress reply with its time.
    f.ensure(40);
    f.text(t.record.promises, f.left, f.y, f.width, { font: 'bold', size: 9 });
    f.y += 14;
    f.entries(
      c.promises.map((p) => {
        const answered =
          p.answeredAt === null
            ? ''
            : `  ${t.record.promiseAnsweredAt}:${formatInstant(p.answeredAt, d.timeZone)} ${name(d, p.answeredBy)}`;
        const state = t.promiseState[promiseState(p, d.printedAt)];
        return {
          head: `${t.record.promisedAt}:${formatInstant(p.promisedAt, d.timeZone)}(${state})${answered}`,
          body: [p.note, p.replyText === null ? null : `${t.record.promiseReply}:${p.replyText}`]
            .filter((x) => x)
            .join('\n'),
        };
      }),
      '',
    );
  }
  f.sectionTitle(t.record.result);
  f.grid([
    { label: t.record.resultType, value: c.resolutionType ? t.resolution[c.resolutionType] : '' },
    { label: t.record.resultAmount, value: c.resolutionAmountFen === null ? '' : formatYuan(c.resolutionAmountFen) },
    { label: t.record.resolvedAt, value: formatInstant(c.resolvedAt, d.timeZone) },
    { label: t.record.handledBy, value: name(d, c.resolvedBy) },
    { label: t.record.closing, value: closingShown(d.closing, t) },
    // In store the next day needs the customer's consent (SPEC §4); asked only then, so no extension reads 否.
    ...(c.channel === 'in_store'
      ? [{ label: t.record.nextDayConsent, value: yesNo(c.extensionConsent === true, t.yes, t.no) }]
      : []),
  ]);
  f.textBox(t.record.resultSummary, c.resolutionSummary, { minLines: 3, continued: t.continued });
  offerTable(f, c.resolutionOffer, t);
  slipList(f, d, t);
  attachmentList(f, d.attachments, d.timeZone, t);
}

/** 关联退换货单: the slips linked in the slips table, never numbers typed into the result (those can go stale). */
function slipList(f: Flow, d: CaseRecordPrintData, t: FormText): void {
  f.ensure(40);
  f.text(t.record.slips, f.left, f.y, f.width, { font: 'bold', size: 9 });
  f.y += 14;
  if (d.slips.length === 0) {
    f.entries([], t.record.noSlips);
    return;
  }
  f.table(
    [
      { title: t.record.slipNumber, width: 3 },
      { title: t.record.slipType, width: 2 },
      { title: t.record.slipAmount, width: 2, align: 'right' },
      { title: t.record.slipStatus, width: 2 },
    ],
    d.slips.map((s) => [s.number, t.slipType[s.type], formatYuan(s.returnedTotalFen), t.slipStatus[s.status]]),
  );
}

function outcome(f: Flow, d: CaseRecordPrintData, t: FormText): void {
  const c = d.c;
  f.sectionTitle(t.record.feedbackSection);
  if (c.channel === 'government') {
    // The body answers the branch's written reply (无异议 / 有异议); the customer's dispute flag does not apply.
    f.grid([
      { label: t.record.writtenReplyDate, value: c.writtenReplyDate },
      { label: t.record.fedBackAt, value: formatInstant(c.fedBackAt, d.timeZone) },
      { label: t.record.bodyAnswer, value: bodyAnswerBoxes(c.bodyAnswer, t) },
      { label: t.record.satisfaction, value: c.satisfaction ? t.satisfaction[c.satisfaction] : '' },
      { label: t.record.bodyAnswerNote, value: c.bodyAnswerNote, wide: true },
    ]);
  } else {
    f.grid(
      [
        { label: t.record.fedBackAt, value: formatInstant(c.fedBackAt, d.timeZone) },
        { label: t.record.satisfaction, value: c.satisfaction ? t.satisfaction[c.satisfaction] : '' },
        { label: t.record.disputed, value: yesNo(c.disputed, t.yes, t.no) },
      ],
      3,
    );
  }
  f.sectionTitle(t.record.escalations);
  f.entries(
    c.escalations.map((e) => ({
      head: `${formatInstant(e.at, d.timeZone)}  ${name(d, e.byUser)}  ${t.escalation[e.kind]}`,
      body: [e.note, e.outcome].filter(Boolean).join('\n'),
    })),
    t.record.noEscalations,
  );
  f.sectionTitle(t.record.findingSection);
  f.grid(
    [
      { label: t.record.cause, value: c.cause ? t.cause[c.cause] : '' },
      { label: t.record.finding, value: c.finding ? t.finding[c.finding] : '' },
      { label: t.record.typical, value: yesNo(c.typical, t.yes, t.no) },
    ],
    3,
  );
  correctiveActions(f, d, t);
  f.sectionTitle(t.record.followUps);
  f.entries(
    d.followUps.map((u) => ({
      head: [
        u.dueDate,
        u.assigneeId ? `${t.record.followUpAssignee}:${name(d, u.assigneeId)}` : '',
        u.doneAt ? `${formatInstant(u.doneAt, d.timeZone)} ${name(d, u.doneBy)}` : t.record.followUpOpen,
        u.outcome ? t.followUpOutcome[u.outcome] : '',
      ]
        .filter(Boolean)
        .join('  '),
      body: [u.note, u.result].filter(Boolean).join('\n'),
    })),
    t.record.noFollowUps,
  );
  f.textBox(
    t.record.instruction,
    c.instructions
      .map((i) => `${i.text}\n—— ${i.reviewerName} ${formatInstant(i.instructedAt, d.timeZone)}`)
      .join('\n\n'),
    { minLines: 4, continued: t.continued },
  );
  if (c.channel === 'government' || c.reviewText) {
    f.textBox(
      t.record.review,
      c.reviewText ? `${c.reviewText}\n—— ${name(d, c.reviewedBy)} ${formatInstant(c.reviewedAt, d.timeZone)}` : '',
      { minLines: 2, continued: t.continued },
    );
  }
  // The filing date ends the form and keeps the signature block with it on its page: the signatures
  // never stand alone on a sheet. 处理人, 秘书室, 领导审核 (procedure 3.D), and the customer in store.
  const signers = [
    t.record.signHandler,
    t.record.signSecretary,
    t.record.signLeader,
    ...(c.channel === 'in_store' ? [t.record.signCustomer] : []),
  ];
  f.grid(
    [
      { label: t.record.filedAt, value: c.filedAt ? `${formatDate(c.filedAt, d.timeZone)} ${name(d, c.filedBy)}` : '' },
      ...(c.filingReason
        ? [
            {
              label: t.record.filingReason,
              value: `${t.filingReason[c.filingReason]}(${t.record.unreachableAttempts} ${c.unreachableAttempts})`,
            },
          ]
        : []),
    ],
    2,
    { keepWith: f.m.signatureHeight },
  );
  f.signatures(signers, t.date);
}

/** 纠正预防措施: who, what, by when; done (who, when, what); the effect confirmed (who, when, the note). */
function correctiveActions(f: Flow, d: CaseRecordPrintData, t: FormText): void {
  const w = t.capa;
  f.sectionTitle(w.section);
  f.entries(
    (d.c.correctiveActions ?? []).map((a) => ({
      head: [
        `${w.responsible}:${a.responsibleName}`,
        `${w.due}:${a.dueDate}`,
        w.state[a.state],
        a.returnCount > 0 ? w.returned(a.returnCount) : '',
      ]
        .filter(Boolean)
        .join('  '),
      body: [
        a.actionText,
        a.doneAt ? `${w.done}:${formatInstant(a.doneAt, d.timeZone)} ${a.doneByName ?? ''}  ${a.doneNote ?? ''}` : '',
        a.confirmedAt
          ? `${w.confirmed}:${formatInstant(a.confirmedAt, d.timeZone)} ${a.confirmedByName ?? ''}  ${a.confirmNote ?? ''}`
          : '',
      ]
        .filter(Boolean)
        .join('\n'),
    })),
    w.none,
  );
}

export function caseRecordTemplate(doc: PDFKit.PDFDocument, d: CaseRecordPrintData, t: FormText): void {
  const flow: Flow = new Flow(doc, {
    paper: 'A4',
    margin: 36,
    footerHeight: 14,
    continued: t.continued,
    header: header(() => flow, d, t),
  });
  flow.newPage();
  basics(flow, d, t);
  handling(flow, d, t);
  outcome(flow, d, t);
  attachmentAnnex(flow, d.attachments, d.timeZone, t);
  flow.numberPages(t.page);
}
