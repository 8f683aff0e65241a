// 书面答复函: the branch's written reply to the government body that forwarded a case (procedure 3):
// addressed to the body, with its 来文编号, the case number, the customer, the complaint, the facts
// found (finding and cause), the handling, the result, the branch, the date and the signature/seal lines.
import { formatYuan } from '../../domain/slips';
import type { CaseRecord } from '../../shared/types';
import { formatDate } from '../format';
import type { FormText } from '../form-text';
import { branchAndDate, heading, letterFlow, paragraph, signLines } from '../letter-layout';

export interface ReplyLetterPrintData {
  c: CaseRecord;
  branchName: string;
  timeZone: string;
  handlingUnitName: string;
  /** The letter's date: the written reply date when recorded, else the day it is printed (branch time). */
  date: string;
}

/** "label:value" pairs on one line; an empty value prints as not recorded yet. */
const pairs = (items: [string, string | null | undefined][], t: FormText): string =>
  items.map(([label, value]) => `${label}:${value || t.reply.notRecorded}`).join(';');

export function replyLetterTemplate(doc: PDFKit.PDFDocument, d: ReplyLetterPrintData, t: FormText): void {
  const c = d.c;
  const r = t.reply;
  const flow = letterFlow(doc, r.title, `${r.ourNumber}:${c.number}`);
  // Addressed by the body's own name when recorded (浦东新区消保委), else by its kind (消委会).
  const body = c.govBodyName || (c.govBody ? t.govBody[c.govBody] : '');
  flow.text(`${body}:`, flow.left, flow.y, flow.width, { font: 'bold', size: 12 });
  flow.y += 24;
  paragraph(
    flow,
    r.opening({
      customer: c.anonymous ? r.anonymousCustomer : (c.customerName ?? ''),
      referenceNo: c.govReferenceNo ?? '',
      number: c.number,
      receivedOn: formatDate(c.receivedAt, d.timeZone),
    }),
    0,
  );
  heading(flow, r.complaint);
  paragraph(flow, c.content, 22);
  heading(flow, r.facts);
  paragraph(
    flow,
    pairs(
      [
        [r.finding, c.finding ? t.finding[c.finding] : null],
        [r.cause, c.cause ? t.cause[c.cause] : null],
      ],
      t,
    ),
    22,
  );
  heading(flow, r.handling);
  paragraph(
    flow,
    pairs(
      [
        [r.handlingUnit, d.handlingUnitName],
        [r.resolutionType, c.resolutionType ? t.resolution[c.resolutionType] : null],
        [r.resolvedOn, formatDate(c.resolvedAt, d.timeZone)],
      ],
      t,
    ),
    22,
  );
  heading(flow, r.result);
  paragraph(flow, c.resolutionSummary || r.notRecorded, 22);
  const extra: [string, string][] = [];
  if (c.resolutionAmountFen !== null) extra.push([r.amount, formatYuan(c.resolutionAmountFen)]);
  if (c.slipNumbers.length > 0) extra.push([r.slips, c.slipNumbers.join('、')]);
  if (c.satisfaction) extra.push([r.customerFeedback, t.satisfaction[c.satisfaction]]);
  if (extra.length > 0) paragraph(flow, pairs(extra, t), 22);
  flow.y += 8;
  paragraph(flow, r.closing, 22);

  // The branch, its seal, the date, and the lines to sign: kept together at the foot of the letter.
  branchAndDate(flow, `${d.branchName}  ${r.seal}`, d.date, 130);
  signLines(flow, [r.signHead, r.signHandler, r.contactPhone]);
  flow.numberPages(t.page);
}
