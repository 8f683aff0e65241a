// 不予受理告知书: the notice handed or sent to the customer when the branch does not accept a complaint
// (SPEC §12, seed 004): case number, customer, date received, the matter, the reason (from the list and
// in words), the competent body to turn to, the branch, the date and the signature/seal lines.
import type { CaseRecord } from '../../shared/types';
import { formatDate } from '../format';
import type { FormText } from '../form-text';
import { branchAndDate, heading, letterFlow, paragraph, signLines } from '../letter-layout';

export interface DeclineNoticePrintData {
  c: CaseRecord;
  branchName: string;
  timeZone: string;
  /** Who decided (the signature line's name). */
  declinedByName: string;
  /** The notice's date: the day of the decision (branch time). */
  date: string;
}

export function declineNoticeTemplate(doc: PDFKit.PDFDocument, d: DeclineNoticePrintData, t: FormText): void {
  const c = d.c;
  const w = t.decline;
  const flow = letterFlow(doc, w.title, `${w.ourNumber}:${c.number}`);
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
  branchAndDate(flow, `${d.branchName}  ${w.seal}`, d.date, 150);
  signLines(flow, [`${w.signHandler} ${d.declinedByName}`, w.contactPhone]);
  flow.y += 8;
  signLines(flow, [w.received, w.receivedOn]);
  flow.numberPages(t.page);
}
