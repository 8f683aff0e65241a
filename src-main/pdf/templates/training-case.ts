// 典型范例 (training sheet, SPEC §3): a typical case as new staff study it. Its data is the
// training DTO, which has no customer name, phone, contact or receipt number to print.
import type { TrainingCase } from '../../shared/training-types';
import { formatYuan } from '../../domain/slips';
import { formatInstant } from '../format';
import { Flow, SIZE } from '../layout';
import type { ReportText } from '../report-text';

export interface TrainingPrintData {
  c: TrainingCase;
  timeZone: string;
  branchName: string;
}

export function trainingCaseTemplate(doc: PDFKit.PDFDocument, d: TrainingPrintData, t: ReportText): void {
  const c = d.c;
  const w = t.training;
  const f = t.form;
  const flow: Flow = new Flow(doc, {
    paper: 'A4',
    margin: 40,
    footerHeight: 14,
    header: () => {
      flow.text(w.title, flow.left, 30, flow.width, { font: 'bold', size: 17, align: 'center' });
      flow.text(`${w.number}:${c.number}`, flow.left, 56, 260, { size: 9, font: 'bold' });
      flow.text(d.branchName, flow.right - 220, 56, 220, { size: 9, align: 'right' });
      return 74;
    },
  });
  flow.newPage();
  const approved = `${w.approvedBy}${t.lang === 'en' ? ': ' : ':'}${c.approvedByName} ${formatInstant(c.approvedAt, d.timeZone)}`;
  for (const line of [w.note, approved]) {
    flow.text(line, flow.left, flow.y, flow.width, { size: SIZE.small, color: '#555' });
    flow.y += flow.measure(line, flow.width, SIZE.small) + 2;
  }
  flow.y += 4;
  flow.sectionTitle(w.basics);
  flow.grid([
    { label: w.receivedAt, value: formatInstant(c.receivedAt, d.timeZone) },
    { label: w.channel, value: f.channel[c.channel] },
    { label: w.category, value: t.lang === 'en' ? c.categoryName.en : c.categoryName.zh },
    { label: w.severity, value: f.severity[c.severity], bold: c.severity === 'major' },
    { label: w.complainedUnit, value: c.complainedUnitName },
    { label: w.handlingUnit, value: c.handlingUnitName },
    ...(c.govBody ? [{ label: w.govBody, value: f.govBody[c.govBody], wide: true }] : []),
    { label: w.items, value: c.purchaseItems.join(';') },
    { label: w.amount, value: c.purchaseAmountFen === null ? '' : formatYuan(c.purchaseAmountFen) },
  ]);
  flow.textBox(w.content, c.content ?? w.contentHidden, { minLines: 2, continued: f.continued });
  flow.textBox(w.expected, c.content === null ? w.contentHidden : c.expectedResolution, {
    minLines: 1,
    continued: f.continued,
  });
  flow.sectionTitle(w.notes);
  flow.entries(
    c.notes.map((n) => ({ head: formatInstant(n.at, d.timeZone), body: n.text })),
    w.noNotes,
  );
  flow.sectionTitle(w.escalations);
  flow.entries(
    c.escalations.map((e) => ({
      head: `${formatInstant(e.at, d.timeZone)}  ${f.escalation[e.kind]}`,
      body: [e.note, e.outcome].filter(Boolean).join(' → '),
    })),
    w.noEscalations,
  );
  flow.sectionTitle(w.result);
  flow.grid([
    { label: w.resultType, value: c.resolutionType ? f.resolution[c.resolutionType] : '' },
    { label: w.resultAmount, value: c.resolutionAmountFen === null ? '' : formatYuan(c.resolutionAmountFen) },
    { label: w.resultSummary, value: c.resolutionSummary, wide: true },
    { label: w.satisfaction, value: c.satisfaction ? f.satisfaction[c.satisfaction] : '' },
    { label: w.disputed, value: c.disputed ? f.yes : f.no },
    { label: w.cause, value: c.cause ? f.cause[c.cause] : '' },
    { label: w.finding, value: c.finding ? f.finding[c.finding] : '' },
  ]);
  if (c.instructions.length > 0)
    flow.textBox(w.instruction, c.instructions.map((i) => `${formatInstant(i.at, d.timeZone)} ${i.text}`).join('\n'), {
      minLines: 1,
      continued: f.continued,
    });
  if (c.reviewText) flow.textBox(w.review, c.reviewText, { minLines: 1, continued: f.continued });
  flow.numberPages(f.page);
}
