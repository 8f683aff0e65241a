// Demo return/exchange slips: filled when a demo case is resolved with a refund or an
// exchange of the purchased item, linked to the case; some need approval, a few are voided.
import type { Actor } from '../domain/case-machine';
import type { ServiceContext } from '../services/context';
import { approveSlip, createSlip, voidSlip } from '../services/slips';
import type { SlipRecord } from '../shared/types';
import type { DemoIntake } from './demo-intake';
import type { Rng } from './prng';

const SPECS = ['均码', 'M 黑色', 'L 藏青', '42码', '500g', '标准装', '白色', '1.5L'];

/** Returns the slip, or null when the case has no purchased item to take back. */
export function demoSlip(
  ctx: ServiceContext,
  rng: Rng,
  who: { handler: Actor; supervisor: Actor; manager: Actor },
  intake: DemoIntake,
  caseId: string,
  type: 'refund' | 'exchange',
): SlipRecord | null {
  const purchase = intake.input.purchase;
  const item = purchase?.items?.[0];
  if (!purchase?.receiptNo || !item || !purchase.amountFen) return null;
  const price = purchase.amountFen;
  const line = {
    itemCode: item.code ?? `SKU${rng.int(10000, 99999)}`,
    name: item.name,
    spec: rng.pick(SPECS),
    quantity: 1,
    unitPriceFen: price,
  };
  const quality = intake.input.categoryCode === 'product_quality';
  const slip = createSlip(ctx, who.handler, {
    type: type === 'refund' ? 'return' : 'exchange',
    customer: { name: intake.input.customer?.name, phone: intake.input.customer?.phone },
    receiptNo: purchase.receiptNo,
    purchaseDate: purchase.purchaseDate,
    unitId: intake.input.complainedUnitId as string,
    salespersonName: rng.pick(['张丽', '王芳', '李强', '赵敏', '陈晨']),
    salespersonStaffNo: `S${rng.int(1000, 9999)}`,
    returnedLines: [line],
    ...(type === 'exchange'
      ? { issuedLines: [{ ...line, spec: rng.pick(SPECS), itemCode: `${line.itemCode.slice(0, -1)}${rng.int(0, 9)}` }] }
      : {}),
    ...(type === 'refund'
      ? { refundFen: price, refundMethod: rng.pick(['cash', 'bank_card', 'original_channel', 'store_credit'] as const) }
      : { refundMethod: 'cash' as const }),
    reasonCode: quality ? 'quality' : rng.pick(['size_fit', 'not_as_described', 'changed_mind'] as const),
    reasonText: quality ? '经柜组核实属质量问题' : '顾客要求退换,符合退换政策',
    packagingIntact: rng.chance(0.7),
    accessoriesComplete: rng.chance(0.85),
    qualityProblem: quality,
    deductCommission: !quality && rng.chance(0.3),
    caseId,
  });
  // Most are approved the same day; a few still wait, so the approval queue has something to show.
  if (slip.status === 'pending_approval' && rng.chance(0.85)) {
    const approver =
      slip.returnedTotalFen > ctx.settings().approvalLimits.supervisorFen || slip.handledBy === who.supervisor.id
        ? who.manager
        : who.supervisor;
    approveSlip(ctx, approver, { slipId: slip.id });
  }
  if (rng.chance(0.05))
    return voidSlip(ctx, who.supervisor, {
      slipId: slip.id,
      reason: rng.pick(['顾客改变主意,取消退换', '单据填写有误,重新开单']),
    });
  return slip;
}
