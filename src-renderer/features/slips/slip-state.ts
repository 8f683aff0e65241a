// The slip form's state (text as typed) and its translation into SlipCreateInput. The
// totals here are for display only, by the same rules (domain/slips.ts) with which main
// computes the real ones from the lines (SPEC §5).
import { lineAmount, linesTotal, type SlipLine, type SlipTotals, slipTotals } from '../../../src-main/domain/slips';
import type { PaymentMethod, RefundMethod, SlipReason, SlipType } from '../../../src-main/shared/enums';
import type { SlipCreateInput } from '../../../src-main/shared/schemas/slip';
import { toFen } from '../../lib/format';

export interface LineState {
  itemCode: string;
  name: string;
  spec: string;
  quantity: string;
  unitPrice: string;
}

export type YesNo = 'yes' | 'no' | '';

export interface SlipState {
  type: SlipType;
  customerName: string;
  customerPhone: string;
  receiptNo: string;
  purchaseDate: string;
  unitId: string;
  salespersonName: string;
  salespersonStaffNo: string;
  returnedLines: LineState[];
  issuedLines: LineState[];
  refund: string;
  refundMethod: RefundMethod | '';
  /** 收款方式: asked instead of the refund method when the customer pays the difference. */
  paymentMethod: PaymentMethod | '';
  reasonCode: SlipReason | '';
  reasonText: string;
  packagingIntact: YesNo;
  accessoriesComplete: YesNo;
  qualityProblem: YesNo;
  deductCommission: YesNo;
}

export const emptyLine = (): LineState => ({ itemCode: '', name: '', spec: '', quantity: '1', unitPrice: '' });

export const emptySlip = (): SlipState => ({
  type: 'exchange',
  customerName: '',
  customerPhone: '',
  receiptNo: '',
  purchaseDate: '',
  unitId: '',
  salespersonName: '',
  salespersonStaffNo: '',
  returnedLines: [emptyLine()],
  issuedLines: [emptyLine()],
  refund: '',
  refundMethod: '',
  paymentMethod: '',
  reasonCode: '',
  reasonText: '',
  packagingIntact: '',
  accessoriesComplete: '',
  qualityProblem: '',
  deductCommission: '',
});

const qty = (s: string): number => (/^\d{1,3}$/.test(s.trim()) ? Number(s) : NaN);

/** The line as the domain counts it, or null while its quantity or price is incomplete. */
function countedLine(l: LineState): SlipLine | null {
  const quantity = qty(l.quantity);
  const unitPriceFen = toFen(l.unitPrice);
  return Number.isNaN(quantity) || unitPriceFen === undefined
    ? null
    : { itemCode: l.itemCode, name: l.name, quantity, unitPriceFen };
}

const counted = (lines: LineState[]): SlipLine[] => lines.flatMap((l) => countedLine(l) ?? []);

/** Amount of a line in fen, or null while the line is incomplete. */
export function lineFen(l: LineState): number | null {
  const c = countedLine(l);
  return c ? lineAmount(c) : null;
}

/** Total of the complete lines in fen. */
export const totalFen = (lines: LineState[]): number => linesTotal(counted(lines));

/** The slip's totals so far (issued lines count only on an exchange). */
export const formTotals = (s: SlipState): SlipTotals =>
  slipTotals(counted(s.returnedLines), s.type === 'exchange' ? counted(s.issuedLines) : []);

const opt = (s: string) => (s.trim() === '' ? undefined : s);
const yn = (v: YesNo) => (v === 'yes' ? true : v === 'no' ? false : undefined);

const toLine = (l: LineState) => ({
  itemCode: l.itemCode,
  name: l.name,
  spec: opt(l.spec),
  quantity: Number.isNaN(qty(l.quantity)) ? -1 : qty(l.quantity),
  unitPriceFen: toFen(l.unitPrice) ?? -1,
});

/** An exchange for dearer goods: the customer pays the difference, so the form asks how (收款方式). */
export const customerPays = (s: SlipState): boolean => s.type === 'exchange' && formTotals(s).differenceFen > 0;

export function toSlipInput(s: SlipState, caseId: string | undefined): SlipCreateInput {
  // The yes/no questions have no default: an unanswered one reaches the schema as undefined
  // and comes back as "must be answered yes or no".
  return {
    type: s.type,
    customer: { name: opt(s.customerName), phone: opt(s.customerPhone) },
    receiptNo: s.receiptNo,
    purchaseDate: opt(s.purchaseDate),
    unitId: s.unitId,
    salespersonName: opt(s.salespersonName),
    salespersonStaffNo: opt(s.salespersonStaffNo),
    returnedLines: s.returnedLines.map(toLine),
    issuedLines: s.type === 'exchange' ? s.issuedLines.map(toLine) : [],
    // An exchange sends no amount: its refund follows from the lines (domain/slips.ts refundOf).
    refundFen: s.type === 'return' && s.refund.trim() ? (toFen(s.refund) ?? -1) : undefined,
    ...(customerPays(s)
      ? { paymentMethod: s.paymentMethod || undefined }
      : { refundMethod: s.refundMethod || undefined }),
    reasonCode: s.reasonCode as SlipReason,
    reasonText: opt(s.reasonText),
    packagingIntact: yn(s.packagingIntact) as boolean,
    accessoriesComplete: yn(s.accessoriesComplete) as boolean,
    qualityProblem: yn(s.qualityProblem) as boolean,
    deductCommission: yn(s.deductCommission) as boolean,
    ...(caseId ? { caseId } : {}),
  };
}
