// A slip opened from a case starts from the case (issue 12): customer, phone, receipt, purchase
// date, the unit complained about and the purchased items with their quantities (one item of quantity 1
// takes the purchase amount as its price).
import { isMasked } from '../../../src-main/shared/personal-data';
import type { CaseView } from '../../../src-main/shared/types';
import { yuan } from '../../lib/format';
import { emptyLine, emptySlip, type SlipState } from './slip-state';

export function slipFromCase(c: CaseView | undefined): SlipState {
  const s = emptySlip();
  if (!c) return s;
  const items = c.purchaseItems.map((i) => ({
    ...emptyLine(),
    itemCode: i.code ?? '',
    name: i.name,
    quantity: String(i.quantity),
  }));
  const only = items.length === 1 && c.purchaseItems[0]?.quantity === 1 ? items[0] : undefined;
  if (only && c.purchaseAmountFen !== null) only.unitPrice = yuan(c.purchaseAmountFen);
  return {
    ...s,
    customerName: c.customerName ?? '',
    // The case's phone reaches the screen masked (issue 20): left empty, main copies it from the case.
    customerPhone: c.customerPhone && !isMasked(c.customerPhone) ? c.customerPhone : '',
    receiptNo: c.receiptNo ?? '',
    purchaseDate: c.purchaseDate ?? '',
    unitId: c.complainedUnitId ?? c.handlingUnitId ?? '',
    returnedLines: items.length > 0 ? items : s.returnedLines,
  };
}
