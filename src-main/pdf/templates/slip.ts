// 商品退换货单 (SPEC §5, §7): one document, three labelled copies (存根联, 顾客联, 财务联), each
// headed on every page by title, copy label, number and barcode; every field of the slip, the
// two yes/no answers in bold, signature lines kept with the last rows. The customer copy leaves
// out what only the store needs (扣提成, staff number, settlement) and may mask the phone.
// 作废 / 待核准 are drawn across every page after its content, so they sit above the cells.
import { maskPhone } from '../../shared/phone';
import type { SlipRecord } from '../../shared/types';
import { drawCode128 } from '../barcode';
import { formatYuan } from '../../domain/slips';
import { formatInstant, yesNo } from '../format';
import type { FormText } from '../form-text';
import { COMPACT, FAUX_BOLD, Flow, type Pair, REGULAR } from '../layout';
import type { Paper } from '../render';
import { drawWatermark } from '../watermark';

export interface SlipPrintData {
  slip: SlipRecord;
  branchName: string;
  timeZone: string;
  maskPhoneOnCustomerCopy: boolean;
  paper: Paper;
}

/** Indexes into t.slip.copies: 存根联, 顾客联, 财务联. */
export const COPY = { stub: 0, customer: 1, finance: 2 } as const;

/** Header geometry per paper: A5 is tighter so that a slip of five lines a side fits one sheet. */
const HEADER = {
  A4: { top: 28, title: 17, box: [70, 22, 11], info: 9, infoStep: 14, code: [160, 20], height: 62 },
  A5: { top: 16, title: 13, box: [58, 18, 9.5], info: 8, infoStep: 11, code: [130, 15], height: 46 },
} as const;

function header(flow: () => Flow, d: SlipPrintData, t: FormText, copy: () => number) {
  const g = HEADER[d.paper];
  return (doc: PDFKit.PDFDocument): number => {
    const f = flow();
    const [minBoxW, boxH, boxSize] = g.box;
    const label = t.slip.copies[copy()] ?? '';
    // The copy label's box grows to hold the label ("Finance copy" is wider than 财务联).
    const boxW = Math.max(minBoxW, doc.font('body').fontSize(boxSize).widthOfString(label) * (1 + FAUX_BOLD) + 10);
    const [codeW, codeH] = g.code;
    f.text(t.slip.title, f.left, g.top, f.width, { font: 'bold', size: g.title, align: 'center' });
    doc
      .rect(f.right - boxW, g.top - 4, boxW, boxH)
      .lineWidth(1.2)
      .stroke('#000')
      .lineWidth(1);
    f.text(label, f.right - boxW, g.top, boxW, { font: 'bold', size: boxSize, align: 'center' });
    const infoY = g.top + g.title + 10;
    f.text(`${t.record.branch}:${d.branchName}`, f.left, infoY, 200, { size: g.info });
    f.text(`${t.slip.number}:${d.slip.number}`, f.left, infoY + g.infoStep, 220, { size: g.info, font: 'bold' });
    drawCode128(doc, d.slip.number, f.right - codeW, infoY - 4, codeW, codeH);
    f.text(d.slip.number, f.right - codeW, infoY - 4 + codeH + 1, codeW, { size: 6.5, align: 'center' });
    return g.top + g.height;
  };
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

function partyRows(d: SlipPrintData, t: FormText, copy: number): Pair[] {
  const s = d.slip;
  const customerCopy = copy === COPY.customer;
  const phone =
    s.customerPhone && customerCopy && d.maskPhoneOnCustomerCopy ? maskPhone(s.customerPhone) : s.customerPhone;
  const staffNo = !customerCopy && s.salespersonStaffNo ? `${t.slip.staffNo} ${s.salespersonStaffNo}` : '';
  const typeText =
    s.type === 'return' ? `■${t.slip.return}  □${t.slip.exchange}` : `□${t.slip.return}  ■${t.slip.exchange}`;
  return [
    { label: t.slip.type, value: typeText },
    { label: t.slip.handledAt, value: formatInstant(s.handledAt, d.timeZone) },
    { label: t.slip.customer, value: s.customerName },
    { label: t.slip.phone, value: phone },
    { label: t.slip.receiptNo, value: s.receiptNo },
    { label: t.slip.purchaseDate, value: s.purchaseDate },
    { label: t.slip.unit, value: s.unitName },
    { label: t.slip.salesperson, value: [s.salespersonName, staffNo].filter(Boolean).join('  ') },
    { label: t.slip.linkedCase, value: s.caseNumber },
    { label: t.slip.handledBy, value: s.handledByName },
  ];
}

/** Money, reason, answers and who did what; internal fields only on the stub and finance copies. */
function outcomeRows(d: SlipPrintData, t: FormText, copy: number): Pair[] {
  const s = d.slip;
  const internal = copy !== COPY.customer;
  const at = (ms: number | null) => (ms === null ? '' : formatInstant(ms, d.timeZone));
  const rows: Pair[] = [];
  // The difference and how the customer paid it exist only on an exchange.
  if (s.type === 'exchange')
    rows.push(
      { label: t.slip.difference, value: differenceText(s, t) },
      { label: t.slip.paymentMethod, value: s.paymentMethod ? t.refundMethod[s.paymentMethod] : '' },
    );
  rows.push(
    { label: t.slip.refund, value: formatYuan(s.refundFen), bold: true },
    { label: t.slip.refundMethod, value: s.refundMethod ? t.refundMethod[s.refundMethod] : '' },
    {
      label: t.slip.reason,
      value: [t.slipReason[s.reasonCode as keyof FormText['slipReason']] ?? s.reasonCode, s.reasonText]
        .filter(Boolean)
        .join(':'),
      wide: true,
    },
    {
      label: t.slip.condition,
      value: `${t.slip.packagingIntact} ${yesNo(s.packagingIntact, t.yes, t.no)}    ${t.slip.accessoriesComplete} ${yesNo(s.accessoriesComplete, t.yes, t.no)}`,
      wide: true,
    },
    { label: t.slip.qualityProblem, value: yesNo(s.qualityProblem, t.yes, t.no), bold: true },
  );
  if (internal)
    rows.push({ label: t.slip.deductCommission, value: yesNo(s.deductCommission, t.yes, t.no), bold: true });
  rows.push(
    {
      label: t.slip.approvedBy,
      value: s.approvedByName ?? (s.status === 'pending_approval' ? t.slip.pendingApproval : ''),
    },
    { label: t.slip.approvedAt, value: at(s.approvedAt) },
  );
  if (internal)
    rows.push(
      {
        label: t.slip.settlement,
        value: s.settlementStatus === 'settled' ? `${t.slip.settled} ${s.settledOn ?? ''}` : t.slip.unsettled,
      },
      { label: t.slip.settledBy, value: s.settledByName },
    );
  if (s.status === 'void')
    rows.push(
      { label: t.slip.voidedBy, value: s.voidedByName, bold: true },
      { label: t.slip.voidedAt, value: at(s.voidedAt), bold: true },
      { label: t.slip.voidReason, value: s.voidReason, wide: true, bold: true },
    );
  return rows;
}

function copyBody(f: Flow, d: SlipPrintData, t: FormText, copy: number): void {
  const s = d.slip;
  f.grid(partyRows(d, t, copy), 2);
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
  const signers = [t.slip.signCustomer, t.slip.signHandler, t.slip.signApprover];
  if (copy === COPY.finance) signers.push(t.slip.signFinance);
  // Invariant: the signature block is never alone on a sheet; the last row comes with it.
  f.grid(outcomeRows(d, t, copy), 2, { keepWith: f.m.signatureHeight });
  f.signatures(signers, t.date);
}

export function slipTemplate(doc: PDFKit.PDFDocument, d: SlipPrintData, t: FormText): void {
  let copy = 0;
  const a5 = d.paper === 'A5';
  const flow: Flow = new Flow(doc, {
    paper: d.paper,
    margin: a5 ? 16 : 36,
    footerHeight: a5 ? 10 : 14,
    metrics: a5 ? COMPACT : REGULAR,
    continued: t.continued,
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
  const status = d.slip.status;
  if (status === 'void')
    flow.eachPage(() => drawWatermark(doc, t.slip.void, d.paper, { color: '#c00000', opacity: 0.3 }));
  else if (status === 'pending_approval')
    flow.eachPage(() => drawWatermark(doc, t.slip.pendingApproval, d.paper, { color: '#808080', opacity: 0.18 }));
}
