// Return/exchange slip rules (SPEC §5): totals from the lines in integer fen, the approval
// authority of each role, what makes a slip wait for approval, and money as text (the one copy:
// main, print, reports and the renderer all format fen here).
import type { Role, SlipType } from '../shared/enums';

export interface SlipLine {
  itemCode: string;
  name: string;
  spec?: string | undefined;
  quantity: number;
  unitPriceFen: number;
}

export interface SlipTotals {
  returnedTotalFen: number;
  issuedTotalFen: number;
  /** Issued minus returned: above zero the customer pays the difference (补差价), below zero the store pays it back. */
  differenceFen: number;
}

export const lineAmount = (l: Pick<SlipLine, 'quantity' | 'unitPriceFen'>): number => l.quantity * l.unitPriceFen;

export const linesTotal = (lines: readonly Pick<SlipLine, 'quantity' | 'unitPriceFen'>[]): number =>
  lines.reduce((s, l) => s + lineAmount(l), 0);

export function slipTotals(returned: readonly SlipLine[], issued: readonly SlipLine[]): SlipTotals {
  const returnedTotalFen = linesTotal(returned);
  const issuedTotalFen = linesTotal(issued);
  return { returnedTotalFen, issuedTotalFen, differenceFen: issuedTotalFen - returnedTotalFen };
}

/**
 * The refund a slip pays out: as entered for a return (it may be less than the goods' value,
 * e.g. for wear), the difference owed back for an exchange to cheaper goods.
 */
export function refundOf(type: SlipType, totals: SlipTotals, enteredFen: number | undefined): number {
  if (type === 'exchange') return Math.max(0, -totals.differenceFen);
  return enteredFen ?? 0;
}

export interface ApprovalLimits {
  clerkFen: number;
  supervisorFen: number;
}

/** The highest amount a role completes on its own (核决权限). */
export function approvalLimit(role: Role, limits: ApprovalLimits): number {
  if (role === 'manager') return Number.POSITIVE_INFINITY;
  if (role === 'supervisor') return limits.supervisorFen;
  return limits.clerkFen;
}

/** What the authority is measured on: the value of the goods taken back. */
export const approvalAmount = (totals: SlipTotals): number => totals.returnedTotalFen;

export type ApprovalReason = 'over_limit' | 'duplicate_receipt';

export function approvalReasons(
  amountFen: number,
  role: Role,
  limits: ApprovalLimits,
  duplicate: boolean,
): ApprovalReason[] {
  const reasons: ApprovalReason[] = [];
  if (amountFen > approvalLimit(role, limits)) reasons.push('over_limit');
  if (duplicate) reasons.push('duplicate_receipt');
  return reasons;
}

/** Whether `role` may approve a slip waiting for these reasons. */
export function mayApprove(
  role: Role,
  amountFen: number,
  reasons: readonly ApprovalReason[],
  limits: ApprovalLimits,
): boolean {
  if (role !== 'supervisor' && role !== 'manager') return false;
  if (reasons.includes('over_limit') && amountFen > approvalLimit(role, limits)) return false;
  return true;
}

function yuanParts(fen: number): { sign: string; whole: number; cents: string } {
  const abs = Math.abs(fen);
  return { sign: fen < 0 ? '-' : '', whole: Math.floor(abs / 100), cents: String(abs % 100).padStart(2, '0') };
}

/** ¥1,234.50 — for messages and printed forms. */
export function formatYuan(fen: number): string {
  const p = yuanParts(fen);
  return `${p.sign}¥${p.whole.toLocaleString('en-US')}.${p.cents}`;
}

/** 1234.50 — the bare figure: report tables, CSV and spreadsheets, and the screen (whose catalogue adds ¥). */
export function yuanFigure(fen: number): string {
  const p = yuanParts(fen);
  return `${p.sign}${p.whole}.${p.cents}`;
}
