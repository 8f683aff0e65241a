// 书面答复函: the branch's written reply to the government body that forwarded a case (procedure 3):
// addressed to the body, with its 来文编号, the case number, the customer, the complaint, the facts
// found (finding and cause), the handling, the result, the branch, the date and the signature/seal lines.
import { formatYuan } from '../../domain/slips';
import type { CaseRecord } from '../../shared/types';
import { formatDate } from '../format';
import type { FormText } from '../form-text';
import { Flow, SIZE } from '../layout';

export interface ReplyLetterPrintData {
  c: CaseRecord;
  branchName: string;
  timeZone: string;
  handlingUnitName: string;
  /** The letter's date: the written reply date when recorded, else the day it is printed (branch time). */
  date: string;
}

const BODY_SIZE = 11;

/** A paragraph of running text that continues on the next page. */
function paragraph(f: Flow, text: string, indent = 0): void {
  let rest = text;
  const w = f.width - indent;
  while (rest) {
    f.ensure(f.measure('字', w, BODY_SIZE) + 2);
    const n = f.fitPrefix(rest, w, f.bottom - f.y, BODY_SIZE);
    const chars = Array.from(rest);
    const part = chars.slice(0, n).join('');
    f.text(part, f.left + indent, f.y, w, { size: BODY_SIZE });
    f.y += f.measure(part, w, BODY_SIZE) + 4;
    rest = chars.slice(n).join('');
    if (rest) f.newPage();
  }
}

function heading(f: Flow, text: string): void {
  f.ensure(40);
  f.y += 6;
  f.text(text, f.left, f.y, f.width, { font: 'bold', size: BODY_SIZE });
  f.y += 18;
}

/** "label:value" pairs on one line; an empty value prints as not recorded yet. */
const pairs = (items: [string, string | null | undefined][], t: FormText): string =>
  items.map(([label, value]) => `${label}:${value || t.reply.notRecorded}`).join(';');

export function replyLetterTemplate(doc: PDFKit.PDFDocument, d: ReplyLetterPrintData, t: FormText): void {
  const c = d.c;
  const r = t.reply;
  const flow: Flow = new Flow(doc, {
    paper: 'A4',
    margin: 56,
    footerHeight: 14,
    header: () => {
      flow.text(r.title, flow.left, 44, flow.width, { font: 'bold', size: 20, align: 'center' });
      flow.text(`${r.ourNumber}:${c.number}`, flow.left, 76, flow.width, { size: 9, align: 'right' });
      return 100;
    },
  });
  flow.newPage();
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
  flow.ensure(130);
  flow.y += 24;
  const right = flow.right - 220;
  flow.text(`${d.branchName}  ${r.seal}`, right, flow.y, 220, { font: 'bold', size: BODY_SIZE, align: 'right' });
  flow.y += 20;
  flow.text(d.date, right, flow.y, 220, { size: BODY_SIZE, align: 'right' });
  flow.y += 36;
  const slot = flow.width / 3;
  [r.signHead, r.signHandler, r.contactPhone].forEach((label, i) => {
    const x = flow.left + i * slot;
    flow.text(`${label}:`, x, flow.y, slot - 8, { size: SIZE.value });
    const labelWidth = flow.doc.font('body').fontSize(SIZE.value).widthOfString(`${label}:`);
    flow.doc
      .moveTo(Math.min(x + labelWidth + 4, x + slot - 40), flow.y + 13)
      .lineTo(x + slot - 12, flow.y + 13)
      .stroke('#000');
  });
  flow.y += 24;
  flow.numberPages(t.page);
}
