// 商品退换货单 (SPEC §5, §7): one document, three labelled copies; every field of the slip,
// the two yes/no answers in bold, signature lines, the number as a barcode, 作废 across a
// voided slip, and the customer's phone masked on the customer copy when the setting says so.
import { maskPhone } from '../../shared/phone';
import type { SlipRecord } from '../../shared/types';
import { drawCode128 } from '../barcode';
import { formatYuan } from '../../domain/slips';
import { formatInstant, yesNo } from '../format';
import type { FormText } from '../form-text';
import { FAUX_BOLD, Flow, PAPER_SIZES } from '../layout';
import type { Paper } from '../render';

export interface SlipPrintData {
  slip: SlipRecord;
  branchName: string;
  timeZone: string;
  maskPhoneOnCustomerCopy: boolean;
  paper: Paper;
}

const CUSTOMER_COPY = 1;

function header(flow: () => Flow, d: SlipPrintData, t: FormText, copy: () => number) {
  return (doc: PDFKit.PDFDocument): number => {
    const f = flow();
    const top = 28;
    f.text(t.slip.title, f.left, top, f.width, { font: 'bold', size: d.paper === 'A5' ? 14 : 17, align: 'center' });
    const label = t.slip.copies[copy()] ?? '';
    doc
      .rect(f.right - 70, top - 4, 70, 22)
      .lineWidth(1.2)
      .stroke('#000')
      .lineWidth(1);
    f.text(label, f.right - 70, top + 1, 70, { font: 'bold', size: 11, align: 'center' });
    f.text(`${t.record.branch}:${d.branchName}`, f.left, top + 30, 200, { size: 9 });
    f.text(`${t.slip.number}:${d.slip.number}`, f.left, top + 44, 220, { size: 9, font: 'bold' });
    drawCode128(doc, d.slip.number, f.right - 160, top + 26, 160, 20);
    f.text(d.slip.number, f.right - 160, top + 47, 160, { size: 6.5, align: 'center' });
    if (d.slip.status === 'void') watermark(doc, t.slip.void, d.paper);
    return top + 62;
  };
}

function watermark(doc: PDFKit.PDFDocument, text: string, paper: Paper): void {
  const [w, h] = PAPER_SIZES[paper];
  doc.save();
  doc.rotate(-30, { origin: [w / 2, h / 2] });
  const size = paper === 'A5' ? 110 : 160;
  doc
    .fillOpacity(0.22)
    .strokeOpacity(0.22)
    .fillColor('#c00000')
    .strokeColor('#c00000')
    .lineWidth(size * FAUX_BOLD)
    .font('body')
    .fontSize(size);
  doc.text(text, 0, h / 2 - 100, { width: w, align: 'center', lineBreak: false, fill: true, stroke: true });
  doc.restore();
  doc.fillOpacity(1).strokeOpacity(1).fillColor('#000').strokeColor('#000').lineWidth(1);
}

const lineRows = (lines: SlipRecord['returnedLines']) =>
  lines.map((l) => [
    l.itemCode,
    l.name,
    l.spec ?? '',
    String(l.quantity),
    formatYuan(l.unitPriceFen),
    formatYuan(l.amountFen),
  ]);

function differenceText(s: SlipRecord, t: FormText): string {
  if (s.differenceFen > 0) return `${t.slip.customerPays} ${formatYuan(s.differenceFen)}`;
  if (s.differenceFen < 0) return `${t.slip.storePays} ${formatYuan(-s.differenceFen)}`;
  return t.slip.noDifference;
}

function copyBody(f: Flow, d: SlipPrintData, t: FormText, copy: number): void {
  const s = d.slip;
  const phone =
    s.customerPhone && copy === CUSTOMER_COPY && d.maskPhoneOnCustomerCopy
      ? maskPhone(s.customerPhone)
      : s.customerPhone;
  const typeText =
    s.type === 'return' ? `■${t.slip.return}  □${t.slip.exchange}` : `□${t.slip.return}  ■${t.slip.exchange}`;
  f.grid(
    [
      { label: t.slip.type, value: typeText },
      { label: t.slip.handledAt, value: formatInstant(s.handledAt, d.timeZone) },
      { label: t.slip.customer, value: s.customerName },
      { label: t.slip.phone, value: phone },
      { label: t.slip.receiptNo, value: s.receiptNo },
      { label: t.slip.purchaseDate, value: s.purchaseDate },
      { label: t.slip.unit, value: s.unitName },
      {
        label: t.slip.salesperson,
        value: [s.salespersonName, s.salespersonStaffNo ? `${t.slip.staffNo} ${s.salespersonStaffNo}` : '']
          .filter(Boolean)
          .join('  '),
      },
      { label: t.slip.linkedCase, value: s.caseNumber, wide: true },
    ],
    2,
  );
  const cols = t.slip.cols.map((title, i) => ({
    title,
    width: [16, 22, 18, 7, 12, 13][i] ?? 10,
    align: i >= 3 ? ('right' as const) : ('left' as const),
  }));
  f.sectionTitle(t.slip.returned);
  f.table(cols, [...lineRows(s.returnedLines), ['', t.slip.total, '', '', '', formatYuan(s.returnedTotalFen)]]);
  if (s.type === 'exchange') {
    f.sectionTitle(t.slip.issued);
    f.table(cols, [...lineRows(s.issuedLines), ['', t.slip.total, '', '', '', formatYuan(s.issuedTotalFen)]]);
  }
  f.grid(
    [
      { label: t.slip.difference, value: s.type === 'exchange' ? differenceText(s, t) : '' },
      { label: t.slip.refund, value: formatYuan(s.refundFen), bold: true },
      { label: t.slip.refundMethod, value: s.refundMethod ? t.refundMethod[s.refundMethod] : '' },
      {
        label: t.slip.reason,
        value: [t.slipReason[s.reasonCode as keyof FormText['slipReason']] ?? s.reasonCode, s.reasonText]
          .filter(Boolean)
          .join(':'),
      },
      {
        label: t.slip.condition,
        value: `${t.slip.packagingIntact} ${yesNo(s.packagingIntact, t.yes, t.no)}    ${t.slip.accessoriesComplete} ${yesNo(s.accessoriesComplete, t.yes, t.no)}`,
        wide: true,
      },
      { label: t.slip.qualityProblem, value: yesNo(s.qualityProblem, t.yes, t.no), bold: true },
      { label: t.slip.deductCommission, value: yesNo(s.deductCommission, t.yes, t.no), bold: true },
      { label: t.slip.handledBy, value: s.handledByName },
      {
        label: t.slip.approvedBy,
        value: s.approvedByName ?? (s.status === 'pending_approval' ? t.slip.pendingApproval : ''),
      },
      {
        label: t.slip.settlement,
        value: s.settlementStatus === 'settled' ? `${t.slip.settled} ${s.settledOn ?? ''}` : t.slip.unsettled,
        wide: true,
      },
    ],
    2,
  );
  if (s.status === 'void') {
    f.grid(
      [
        {
          label: t.slip.voidReason,
          value: `${s.voidReason ?? ''}(${formatInstant(s.voidedAt, d.timeZone)})`,
          wide: true,
          bold: true,
        },
      ],
      1,
    );
  }
  f.signatures([t.slip.signCustomer, t.slip.signHandler, t.slip.signApprover], t.date);
}

export function slipTemplate(doc: PDFKit.PDFDocument, d: SlipPrintData, t: FormText): void {
  let copy = 0;
  const flow: Flow = new Flow(doc, {
    paper: d.paper,
    margin: d.paper === 'A5' ? 22 : 36,
    footerHeight: 14,
    header: header(
      () => flow,
      d,
      t,
      () => copy,
    ),
  });
  for (copy = 0; copy < 3; copy++) {
    flow.newPage();
    copyBody(flow, d, t, copy);
  }
  flow.numberPages(t.page);
}
