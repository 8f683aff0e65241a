// Return/exchange slips (SPEC §5): numbered TH, never deleted, totals computed here, the
// approval authority of the acting user, a supervisor's approval when the same goods
// already appear on an earlier slip, void with a reason, finance settlement.
import { findDuplicates, findSlipIdByNumber, loadSlip } from '../db/repositories/slip-repo';
import { nextSerial } from '../db/repositories/numbers';
import { insertRow, stmt, updateRow } from '../db/statements';
import { localMonth } from '../domain/business-time';
import type { Actor } from '../domain/case-machine';
import { formatNumber, NUMBER_KINDS } from '../domain/numbering';
import { receiptKey } from '../domain/receipt-number';
import { can } from '../domain/permissions';
import {
  approvalAmount,
  approvalReasons,
  formatYuan,
  lineAmount,
  mayApprove,
  refundOf,
  slipTotals,
} from '../domain/slips';
import { refuse } from '../shared/errors';
import { normalizePhone } from '../shared/phone';
import { SlipCreateInput, SlipNumberInput, SlipRef, SlipSettleInput, SlipVoidInput } from '../shared/schemas/slip';
import type { SlipRecord, SlipView } from '../shared/types';
import { authorOf, requireCase } from './case-store';
import { recordChange } from './changes';
import type { ServiceContext } from './context';
import { requireWithinMaxAmount } from './amount-limit';
import { requireActiveUnit } from './reference-checks';
import { maySeeSlipOf } from './unit-scope';
import { withInput, type Parsed } from './with-input';
import { mayRevealPersonal, maskSlipContact } from './personal-data';

const snapshot = (s: SlipRecord) => s as unknown as Record<string, unknown>;

function requireSlip(ctx: ServiceContext, id: string): SlipRecord {
  const s = loadSlip(ctx.db, id);
  if (!s)
    throw refuse('NOT_FOUND', '找不到该退换货单', 'Slip not found', [
      { field: 'slipId', message: { zh: '退换货单不存在', en: 'No such slip' } },
    ]);
  return s;
}

/** Applies a change to a slip and records it; one transaction with the caller. */
function saveSlip(
  ctx: ServiceContext,
  actor: Actor,
  action: string,
  before: SlipRecord,
  patch: Record<string, unknown>,
): SlipRecord {
  updateRow(ctx.db, 'slips', before.id, { ...patch, version: before.version + 1, updatedAt: ctx.now() });
  const after = loadSlip(ctx.db, before.id) as SlipRecord;
  recordChange(ctx, authorOf(actor), {
    action,
    entity: 'slip',
    entityId: before.id,
    before: snapshot(before),
    after: snapshot(after),
    version: after.version,
    sync: true,
  });
  return after;
}

/** 收款方式 is asked exactly when the customer pays an exchange's difference (differenceFen > 0). */
function requirePaymentMethod(differenceFen: number, method: string | undefined): void {
  if (differenceFen > 0 && !method)
    throw refuse('VALIDATION', '收款方式:顾客补差价时须填写', 'Payment method is required when the customer pays', [
      {
        field: 'paymentMethod',
        message: { zh: '收款方式:顾客补差价时须填写', en: 'Payment method is required when the customer pays' },
      },
    ]);
  if (differenceFen <= 0 && method)
    throw refuse('VALIDATION', '收款方式:仅在顾客补差价时填写', 'Payment method applies only when the customer pays', [
      {
        field: 'paymentMethod',
        message: { zh: '收款方式:仅在顾客补差价时填写', en: 'Payment method applies only when the customer pays' },
      },
    ]);
}

/** The guard's key of the typed receipt number; a number of separators only is refused. */
function requireReceiptKey(typed: string, serialStart: number): string {
  const key = receiptKey(typed, serialStart);
  if (key === '')
    throw refuse('VALIDATION', '原小票号:不能只有空格或横线', 'Original receipt no. cannot be only spaces or dashes', [
      {
        field: 'receiptNo',
        message: { zh: '原小票号:不能只有空格或横线', en: 'Original receipt no. cannot be only spaces or dashes' },
      },
    ]);
  return key;
}

export const createSlip = withInput(
  SlipCreateInput,
  function createSlip(ctx: ServiceContext, actor: Actor, input: Parsed<typeof SlipCreateInput>): SlipRecord {
    if (!can(actor.role, 'intake'))
      throw refuse('FORBIDDEN', '您的角色无权填写退换货单', 'Your role may not fill in slips');
    requireWithinMaxAmount(ctx, [
      ...input.returnedLines.map((l, i) => ({ field: `returnedLines.${i}.unitPriceFen`, fen: l.unitPriceFen })),
      ...input.issuedLines.map((l, i) => ({ field: `issuedLines.${i}.unitPriceFen`, fen: l.unitPriceFen })),
      { field: 'refundFen', fen: input.refundFen },
    ]);
    const totals = slipTotals(input.returnedLines, input.issuedLines);
    const refund = refundOf(input.type, totals, input.refundFen);
    if (refund > totals.returnedTotalFen) {
      throw refuse(
        'VALIDATION',
        `退款金额 ${formatYuan(refund)} 超过退回商品金额 ${formatYuan(totals.returnedTotalFen)}`,
        `The refund ${formatYuan(refund)} exceeds the returned goods' value ${formatYuan(totals.returnedTotalFen)}`,
        [
          {
            field: 'refundFen',
            message: {
              zh: '退款金额:不能超过退回商品金额',
              en: "Refund amount cannot exceed the returned goods' value",
            },
          },
        ],
      );
    }
    if (refund > 0 && !input.refundMethod) {
      throw refuse('VALIDATION', '退款方式:须填写', 'Refund method is required', [
        { field: 'refundMethod', message: { zh: '退款方式:须填写', en: 'Refund method is required' } },
      ]);
    }
    requirePaymentMethod(totals.differenceFen, input.paymentMethod);
    const settings = ctx.settings();
    const now = ctx.now();
    return ctx.db.transaction(() => {
      requireActiveUnit(ctx, input.unitId, 'unitId');
      const linked = input.caseId ? requireCase(ctx, input.caseId) : null;
      const codes = [...new Set(input.returnedLines.map((l) => l.itemCode))];
      const key = requireReceiptKey(input.receiptNo, settings.receiptSerialStart);
      const duplicate = findDuplicates(ctx.db, key, codes, null).length > 0;
      const reasons = approvalReasons(approvalAmount(totals), actor.role, settings.approvalLimits, duplicate);
      const period = localMonth(now, settings.timeZone);
      const number = formatNumber(
        settings.branchCode,
        'slip',
        period,
        nextSerial(ctx.db, settings.branchCode, NUMBER_KINDS.slip, period),
      );
      const id = ctx.newId();
      const lines = (ls: typeof input.returnedLines) =>
        JSON.stringify(ls.map((l) => ({ ...l, amountFen: lineAmount(l) })));
      // issue 20: a slip opened from a case gets the case's phone here, in main; the screen only ever
      // had it masked, so it leaves the field empty (features/slips/case-prefill.ts).
      const phone = input.customer.phone ? normalizePhone(input.customer.phone) : (linked?.customerPhone ?? null);
      insertRow(ctx.db, 'slips', {
        id,
        number,
        branchCode: settings.branchCode,
        type: input.type,
        status: reasons.length > 0 ? 'pending_approval' : 'completed',
        customerName: input.customer.name ?? null,
        customerPhone: phone,
        receiptNo: input.receiptNo,
        purchaseDate: input.purchaseDate ?? null,
        unitId: input.unitId,
        salespersonName: input.salespersonName ?? null,
        salespersonStaffNo: input.salespersonStaffNo ?? null,
        returnedLines: lines(input.returnedLines),
        issuedLines: lines(input.issuedLines),
        ...totals,
        refundFen: refund,
        refundMethod: refund > 0 ? (input.refundMethod ?? null) : null,
        paymentMethod: input.paymentMethod ?? null,
        reasonCode: input.reasonCode,
        reasonText: input.reasonText ?? null,
        packagingIntact: input.packagingIntact,
        accessoriesComplete: input.accessoriesComplete,
        qualityProblem: input.qualityProblem,
        deductCommission: input.deductCommission,
        caseId: input.caseId ?? null,
        handledBy: actor.id,
        handledAt: now,
        approvalReasons: JSON.stringify(reasons),
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      const insertItem = stmt(
        ctx.db,
        'INSERT OR IGNORE INTO slip_returned_items (slip_id, receipt_no, receipt_key, item_code) VALUES (?, ?, ?, ?)',
      );
      for (const code of codes) insertItem.run(id, input.receiptNo, key, code);
      const created = loadSlip(ctx.db, id) as SlipRecord;
      recordChange(ctx, authorOf(actor), {
        action: 'slip.create',
        entity: 'slip',
        entityId: id,
        before: null,
        after: snapshot(created),
        version: 1,
        sync: true,
      });
      return created;
    })();
  },
);

export const approveSlip = withInput(
  SlipRef,
  function approveSlip(ctx: ServiceContext, actor: Actor, input: Parsed<typeof SlipRef>): SlipRecord {
    return ctx.db.transaction(() => {
      const s = requireSlip(ctx, input.slipId);
      if (s.status !== 'pending_approval')
        throw refuse('INVALID_TRANSITION', '此退换货单无需核准', 'This slip is not waiting for approval');
      if (s.handledBy === actor.id)
        throw refuse('FORBIDDEN', '不能核准自己填写的退换货单', 'You cannot approve a slip you filled in yourself');
      if (!mayApprove(actor.role, approvalAmount(s), s.approvalReasons, ctx.settings().approvalLimits)) {
        throw refuse(
          'FORBIDDEN',
          `金额 ${formatYuan(approvalAmount(s))} 超出您的核决权限`,
          `${formatYuan(approvalAmount(s))} is above your approval authority`,
        );
      }
      return saveSlip(ctx, actor, 'slip.approve', s, {
        status: 'completed',
        approvedBy: actor.id,
        approvedAt: ctx.now(),
      });
    })();
  },
);

export const voidSlip = withInput(
  SlipVoidInput,
  function voidSlip(ctx: ServiceContext, actor: Actor, input: Parsed<typeof SlipVoidInput>): SlipRecord {
    if (!can(actor.role, 'reopen'))
      throw refuse(
        'FORBIDDEN',
        '只有值班主管或店长可以作废退换货单',
        'Only a duty supervisor or manager may void a slip',
      );
    return ctx.db.transaction(() => {
      const s = requireSlip(ctx, input.slipId);
      if (s.status === 'void') throw refuse('INVALID_TRANSITION', '此退换货单已作废', 'This slip is already void');
      if (s.settlementStatus === 'settled')
        throw refuse(
          'INVALID_TRANSITION',
          '财务已结算的退换货单不能作废',
          'A slip finance has settled cannot be voided',
        );
      return saveSlip(ctx, actor, 'slip.void', s, {
        status: 'void',
        voidReason: input.reason,
        voidedBy: actor.id,
        voidedAt: ctx.now(),
      });
    })();
  },
);

/** Records finance's settlement; supervisors and managers enter it for finance (SPEC §1). */
export const settleSlip = withInput(
  SlipSettleInput,
  function settleSlip(ctx: ServiceContext, actor: Actor, input: Parsed<typeof SlipSettleInput>): SlipRecord {
    if (!can(actor.role, 'reopen'))
      throw refuse(
        'FORBIDDEN',
        '只有值班主管或店长可以登记财务结算',
        'Only a duty supervisor or manager may record settlement',
      );
    return ctx.db.transaction(() => {
      const s = requireSlip(ctx, input.slipId);
      if (s.status !== 'completed')
        throw refuse('INVALID_TRANSITION', '只有已完成的退换货单可以结算', 'Only a completed slip can be settled');
      if (s.settlementStatus === 'settled')
        throw refuse('INVALID_TRANSITION', '此退换货单已结算', 'This slip is already settled');
      return saveSlip(ctx, actor, 'slip.settle', s, {
        settlementStatus: 'settled',
        settledOn: input.settledOn,
        settledBy: actor.id,
      });
    })();
  },
);

/** A slip `actor` may open: unit staff only their own unit's, unless the manager widened it (unit-scope.ts). */
function requireVisibleSlip(ctx: ServiceContext, actor: Actor, id: string): SlipRecord {
  const s = requireSlip(ctx, id);
  if (!maySeeSlipOf(ctx, actor, s.unitId))
    throw refuse('FORBIDDEN', '只能查看本单位的退换货单', "You may only see your own unit's slips");
  return s;
}

export const getSlip = withInput(
  SlipRef,
  function getSlip(ctx: ServiceContext, actor: Actor, input: Parsed<typeof SlipRef>): SlipRecord {
    return maskSlipContact(requireVisibleSlip(ctx, actor, input.slipId));
  },
);

export const getSlipByNumber = withInput(
  SlipNumberInput,
  function getSlipByNumber(ctx: ServiceContext, actor: Actor, input: Parsed<typeof SlipNumberInput>): SlipRecord {
    const id = findSlipIdByNumber(ctx.db, input.number);
    if (!id)
      throw refuse('NOT_FOUND', `找不到编号为 ${input.number} 的退换货单`, `No slip numbered ${input.number}`, [
        { field: 'number', message: { zh: '编号不存在', en: 'No such number' } },
      ]);
    return maskSlipContact(requireVisibleSlip(ctx, actor, id));
  },
);

const userName = (ctx: ServiceContext, id: string | null): string | null =>
  id
    ? ((stmt(ctx.db, 'SELECT name FROM users WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? null)
    : null;

/** The slip screen's view: every field, with the names of who voided and settled it. */
export const viewSlip = withInput(
  SlipRef,
  function viewSlip(ctx: ServiceContext, actor: Actor, input: Parsed<typeof SlipRef>): SlipView {
    const s = requireVisibleSlip(ctx, actor, input.slipId);
    return {
      ...maskSlipContact(s),
      voidedByName: userName(ctx, s.voidedBy),
      settledByName: userName(ctx, s.settledBy),
      personalData: { masked: true, mayReveal: mayRevealPersonal(ctx, actor) },
    };
  },
);
