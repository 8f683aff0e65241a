// 不予受理告知书: the notice handed or sent to the customer when the branch does not accept a complaint
// (SPEC §12, seed 004): case number, customer, date received, the matter, the reason (from the list and
// in words), the competent body to turn to, the branch, the date and the signature/seal lines.
import type { CaseRecord } from '../../shared/types';
import { formatDate } from '../format';
import type { FormText } from '../form-text';
import { Flow, SIZE } from '../layout';

export interface DeclineNoticePrintData {
  c: CaseRecord;
  branchName: string;
  timeZone: string;
  /** Who decided (the signature line's name). */
  declinedByName: string;
  /** The notice's date: the day of the decision (branch time). */
  date: string;
}

const BODY_SIZE = 11;

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

function signLines(f: Flow, labels: string[]): void {
  const slot = f.width / labels.length;
  labels.forEach((label, i) => {
    const x = f.left + i * slot;
    f.text(`${label}:`, x, f.y, slot - 8, { size: SIZE.value });
    const labelWidth = f.doc.font('body').fontSize(SIZE.value).widthOfString(`${label}:`);
    f.doc
      .moveTo(Math.min(x + labelWidth + 4, x + slot - 40), f.y + 13)
      .lineTo(x + slot - 12, f.y + 13)
      .stroke('#000');
  });
  f.y += 24;
}

export function declineNoticeTemplate(doc: PDFKit.PDFDocument, d: DeclineNoticePrintData, t: FormText): void {
  const c = d.c;
  const w = t.decline;
  const flow: Flow = new Flow(doc, {
    paper: 'A4',
    margin: 56,
    footerHeight: 14,
    header: () => {
      flow.text(w.title, flow.left, 44, flow.width, { font: 'bold', size: 20, align: 'center' });
      flow.text(`${w.ourNumber}:${c.number}`, flow.left, 76, flow.width, { size: 9, align: 'right' });
      return 100;
    },
  });
  flow.newPage();
  flow.text(w.salutation(c.anonymous ? null : c.customerName), flow.left, flow.y, flow.width, {
    font: 'bold',
    size: 12,
  });
  flow.y += 24;
  paragraph(flow, w.opening({ receivedOn: formatDate(c.receivedAt, d.timeZone), number: c.number }), 22);
  heading(flow, w.matter);
  paragraph(flow, c.content, 22);
  heading(flow, w.decision);
  const reason = (w.lang === 'en' ? c.declineReasonEn : c.declineReasonZh) ?? '';
  paragraph(flow, w.decisionText(reason), 22);
  paragraph(flow, `${w.reasonInWords}:${c.declineText ?? ''}`, 22);
  heading(flow, w.referTo);
  paragraph(flow, w.referText(c.declineReferTo ?? ''), 22);
  flow.y += 8;
  paragraph(flow, w.closing, 22);

  // The branch, its seal, the date, and the lines to sign: kept together at the foot of the notice.
  flow.ensure(150);
  flow.y += 24;
  const right = flow.right - 220;
  flow.text(`${d.branchName}  ${w.seal}`, right, flow.y, 220, { font: 'bold', size: BODY_SIZE, align: 'right' });
  flow.y += 20;
  flow.text(d.date, right, flow.y, 220, { size: BODY_SIZE, align: 'right' });
  flow.y += 36;
  signLines(flow, [`${w.signHandler} ${d.declinedByName}`, w.contactPhone]);
  flow.y += 8;
  signLines(flow, [w.received, w.receivedOn]);
  flow.numberPages(t.page);
}
