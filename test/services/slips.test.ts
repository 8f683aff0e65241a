import { afterEach, describe, expect, it } from 'vitest';
import { approveSlip, createSlip, getSlipByNumber, settleSlip, voidSlip } from '../../src-main/services/slips';
import { AppError } from '../../src-main/shared/errors';
import { returnInput } from '../helpers/slips';
import { openTestStore, phoneCase, storeCounts, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

function refused(fn: () => unknown): AppError {
  const before = storeCounts(s.db);
  const slipsBefore = s.db.prepare('SELECT count(*) AS n, ifnull(sum(version), 0) AS v FROM slips').get() as object;
  try {
    fn();
  } catch (e) {
    expect(storeCounts(s.db)).toEqual(before);
    expect(s.db.prepare('SELECT count(*) AS n, ifnull(sum(version), 0) AS v FROM slips').get()).toEqual(slipsBefore);
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('return/exchange slips (SPEC §5)', () => {
  it('a clerk completes a return within ¥500: numbered TH, totals computed, audited and in the outbox', () => {
    s = openTestStore();
    const slip = createSlip(
      s.ctx,
      s.users.clerk,
      returnInput(s, {
        returnedLines: [{ itemCode: 'A1', name: '袜子', quantity: 3, unitPriceFen: 1_990 }],
        refundFen: 5_970,
      }),
    );
    expect(slip).toMatchObject({
      number: 'SH01-TH-202611-0001',
      status: 'completed',
      returnedTotalFen: 5_970,
      refundFen: 5_970,
      approvalReasons: [],
    });
    expect(slip.returnedLines[0]!.amountFen).toBe(5_970);
    const audit = s.db.prepare("SELECT action FROM audit_log WHERE entity = 'slip'").all();
    expect(audit).toEqual([{ action: 'slip.create' }]);
    expect(s.db.prepare("SELECT version FROM outbox WHERE record_type = 'slip'").all()).toEqual([{ version: 1 }]);
    expect(() => s.db.prepare('DELETE FROM slips').run()).toThrow(/never deleted/);
  });

  it('an exchange computes the price difference either way', () => {
    s = openTestStore();
    const up = createSlip(
      s.ctx,
      s.users.clerk,
      returnInput(s, {
        type: 'exchange',
        refundFen: undefined,
        refundMethod: undefined,
        paymentMethod: 'bank_card',
        returnedLines: [{ itemCode: 'S42', name: '运动鞋', spec: '42码', quantity: 1, unitPriceFen: 29_900 }],
        issuedLines: [{ itemCode: 'S43', name: '运动鞋', spec: '43码 新款', quantity: 1, unitPriceFen: 33_900 }],
      }),
    );
    expect(up).toMatchObject({ differenceFen: 4_000, refundFen: 0, refundMethod: null, paymentMethod: 'bank_card' });
    const down = createSlip(
      s.ctx,
      s.users.clerk,
      returnInput(s, {
        type: 'exchange',
        receiptNo: 'R-2002',
        refundFen: undefined,
        returnedLines: [{ itemCode: 'J1', name: '夹克', quantity: 1, unitPriceFen: 39_900 }],
        issuedLines: [{ itemCode: 'J2', name: '衬衫', quantity: 1, unitPriceFen: 19_900 }],
      }),
    );
    expect(down).toMatchObject({ differenceFen: -20_000, refundFen: 20_000, paymentMethod: null });
  });

  it('refuses a slip without either yes/no answer, with a clear message', () => {
    s = openTestStore();
    const noQuality = { ...returnInput(s) } as Record<string, unknown>;
    delete noQuality.qualityProblem;
    const e1 = refused(() => createSlip(s.ctx, s.users.clerk, noQuality));
    expect(e1.issues[0]).toMatchObject({
      field: 'qualityProblem',
      message: {
        zh: '是否属于商品质量问题:须明确选择“是”或“否”',
        en: 'Product-quality problem must be answered yes or no',
      },
    });
    const noCommission = { ...returnInput(s) } as Record<string, unknown>;
    delete noCommission.deductCommission;
    expect(refused(() => createSlip(s.ctx, s.users.clerk, noCommission)).issues[0]!.field).toBe('deductCommission');
    expect(refused(() => createSlip(s.ctx, s.users.clerk, { ...returnInput(s), qualityProblem: 'maybe' })).field).toBe(
      'qualityProblem',
    );
  });

  it('refuses a refund above the returned goods, a missing refund method, and fractional money', () => {
    s = openTestStore();
    const e = refused(() => createSlip(s.ctx, s.users.clerk, returnInput(s, { refundFen: 46_000 })));
    expect(e.field).toBe('refundFen');
    expect(e.messages.zh).toContain('¥460.00');
    expect(refused(() => createSlip(s.ctx, s.users.clerk, returnInput(s, { refundMethod: undefined }))).field).toBe(
      'refundMethod',
    );
    expect(refused(() => createSlip(s.ctx, s.users.clerk, returnInput(s, { refundFen: 12.5 }))).field).toBe(
      'refundFen',
    );
    expect(refused(() => createSlip(s.ctx, s.users.clerk, returnInput(s, { returnedLines: [] }))).field).toBe(
      'returnedLines',
    );
    expect(
      refused(() =>
        createSlip(
          s.ctx,
          s.users.clerk,
          returnInput(s, { issuedLines: [{ itemCode: 'X', name: 'x', quantity: 1, unitPriceFen: 1 }] }),
        ),
      ).field,
    ).toBe('issuedLines');
  });

  it('waits for approval above the acting user’s limit, approved by someone with the authority', () => {
    s = openTestStore();
    const big = returnInput(s, {
      returnedLines: [{ itemCode: 'TV55', name: '55寸电视', quantity: 1, unitPriceFen: 399_900 }],
      refundFen: 399_900,
    });
    const slip = createSlip(s.ctx, s.users.clerk, big);
    expect(slip).toMatchObject({ status: 'pending_approval', approvalReasons: ['over_limit'] });
    expect(refused(() => approveSlip(s.ctx, s.users.secretary, { slipId: slip.id })).code).toBe('FORBIDDEN');
    const ok = approveSlip(s.ctx, s.users.supervisor, { slipId: slip.id });
    expect(ok).toMatchObject({ status: 'completed', approvedBy: s.users.supervisor.id });
    // Above ¥5,000 only the manager.
    const huge = createSlip(
      s.ctx,
      s.users.supervisor,
      returnInput(s, {
        receiptNo: 'R-9',
        returnedLines: [{ itemCode: 'FR1', name: '冰箱', quantity: 1, unitPriceFen: 899_900 }],
        refundFen: 899_900,
      }),
    );
    expect(huge.status).toBe('pending_approval');
    expect(refused(() => approveSlip(s.ctx, s.users.supervisor, { slipId: huge.id })).code).toBe('FORBIDDEN');
    expect(approveSlip(s.ctx, s.users.manager, { slipId: huge.id }).status).toBe('completed');
    // A manager completes anything directly; nobody approves their own slip.
    expect(
      createSlip(
        s.ctx,
        s.users.manager,
        returnInput(s, {
          receiptNo: 'R-10',
          returnedLines: [{ itemCode: 'FR2', name: '冰箱', quantity: 1, unitPriceFen: 899_900 }],
          refundFen: 0,
        }),
      ).status,
    ).toBe('completed');
  });

  it('the same receipt and item on an earlier slip needs a supervisor, until that slip is void', () => {
    s = openTestStore();
    const first = createSlip(
      s.ctx,
      s.users.clerk,
      returnInput(s, {
        returnedLines: [{ itemCode: 'B1', name: '围巾', quantity: 1, unitPriceFen: 9_900 }],
        refundFen: 9_900,
      }),
    );
    const again = createSlip(
      s.ctx,
      s.users.clerk,
      returnInput(s, {
        returnedLines: [{ itemCode: 'B1', name: '围巾', quantity: 1, unitPriceFen: 9_900 }],
        refundFen: 9_900,
      }),
    );
    expect(again).toMatchObject({
      status: 'pending_approval',
      approvalReasons: ['duplicate_receipt'],
      duplicates: [{ number: first.number, itemCodes: ['B1'] }],
    });
    expect(refused(() => approveSlip(s.ctx, s.users.secretary, { slipId: again.id })).code).toBe('FORBIDDEN');
    // Another item on the same receipt is not a duplicate.
    expect(
      createSlip(
        s.ctx,
        s.users.clerk,
        returnInput(s, {
          returnedLines: [{ itemCode: 'B2', name: '手套', quantity: 1, unitPriceFen: 3_900 }],
          refundFen: 3_900,
        }),
      ).status,
    ).toBe('completed');
    voidSlip(s.ctx, s.users.supervisor, { slipId: again.id, reason: '重复退货,作废' });
    expect(
      createSlip(
        s.ctx,
        s.users.clerk,
        returnInput(s, {
          receiptNo: 'R-1001',
          returnedLines: [{ itemCode: 'B1', name: '围巾', quantity: 1, unitPriceFen: 9_900 }],
          refundFen: 9_900,
        }),
      ).status,
    ).toBe('pending_approval');
  });

  it('voids with a reason by a supervisor only; a void is final and printed; settlement by supervisor', () => {
    s = openTestStore();
    const slip = createSlip(s.ctx, s.users.clerk, returnInput(s, { refundFen: 40_000 }));
    expect(refused(() => voidSlip(s.ctx, s.users.clerk, { slipId: slip.id, reason: '填错' })).code).toBe('FORBIDDEN');
    expect(refused(() => voidSlip(s.ctx, s.users.supervisor, { slipId: slip.id, reason: '' })).field).toBe('reason');
    const v = voidSlip(s.ctx, s.users.supervisor, { slipId: slip.id, reason: '顾客取消退货' });
    expect(v).toMatchObject({ status: 'void', voidReason: '顾客取消退货', voidedBy: s.users.supervisor.id });
    expect(refused(() => voidSlip(s.ctx, s.users.supervisor, { slipId: slip.id, reason: 'again' })).code).toBe(
      'INVALID_TRANSITION',
    );
    expect(() => s.db.prepare("UPDATE slips SET status = 'completed' WHERE id = ?").run(slip.id)).toThrow(
      /cannot be restored/,
    );
    const other = createSlip(s.ctx, s.users.clerk, returnInput(s, { receiptNo: 'R-77' }));
    expect(settleSlip(s.ctx, s.users.supervisor, { slipId: other.id, settledOn: '2026-11-25' })).toMatchObject({
      settlementStatus: 'settled',
      settledOn: '2026-11-25',
    });
    expect(refused(() => voidSlip(s.ctx, s.users.manager, { slipId: other.id, reason: 'x' })).code).toBe(
      'INVALID_TRANSITION',
    );
    expect(getSlipByNumber(s.ctx, s.users.secretary, { number: other.number }).id).toBe(other.id);
  });

  it('links to a case and refuses an unknown case or unit', () => {
    s = openTestStore();
    const c = phoneCase(s);
    expect(createSlip(s.ctx, s.users.clerk, returnInput(s, { caseId: c.id })).caseNumber).toBe(c.number);
    expect(
      refused(() =>
        createSlip(
          s.ctx,
          s.users.clerk,
          returnInput(s, { receiptNo: 'R-5', caseId: '01936f5e-0000-7000-8000-00000000dead' }),
        ),
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      refused(() =>
        createSlip(
          s.ctx,
          s.users.clerk,
          returnInput(s, { receiptNo: 'R-6', unitId: '01936f5e-0000-7000-8000-00000000dead' }),
        ),
      ).field,
    ).toBe('unitId');
  });
});
