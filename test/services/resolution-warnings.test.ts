// A refund or compensation resolved with an amount and no slip is saved with a warning to open the
// slip (issue 18 §4): never a refusal, and none once a slip is typed or linked.
import { afterEach, describe, expect, it } from 'vitest';
import { forwardCase, resolveCase } from '../../src-main/services/case-workflow';
import { createSlip } from '../../src-main/services/slips';
import type { Session } from '../../src-main/handlers/types';
import { returnInput } from '../helpers/slips';
import { openTestStore, phoneCase, PIN, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const OPEN_SLIP = {
  code: 'open_slip',
  message: {
    zh: '已填写退款或补偿金额,但没有关联退换货单:请开具退换货单,以防重复退款',
    en: 'An amount was refunded or paid with no slip linked: open the return/exchange slip so that it cannot be refunded twice',
  },
};

function inProgress(): string {
  const c = phoneCase(s);
  forwardCase(s.ctx, s.users.manager, { caseId: c.id, handlingUnitId: s.units.shoes });
  return c.id;
}

describe('resolve: the open-the-slip warning', () => {
  it('a refund or compensation with an amount and no slip is resolved, with the warning', () => {
    s = openTestStore();
    for (const type of ['refund', 'compensation'] as const) {
      const id = inProgress();
      const r = resolveCase(s.ctx, s.users.manager, { caseId: id, type, summary: '退款', amountFen: 45_900 });
      expect(r).toMatchObject({ status: 'resolved', resolutionAmountFen: 45_900, warnings: [OPEN_SLIP] });
    }
  });

  it('no warning with a typed slip, a linked slip, no amount, or another type', () => {
    s = openTestStore();
    const typed = inProgress();
    const slip = createSlip(s.ctx, s.users.clerk, returnInput(s));
    expect(
      resolveCase(s.ctx, s.users.manager, {
        caseId: typed,
        type: 'refund',
        summary: '退款',
        amountFen: 45_900,
        slipNumbers: [slip.number],
      }).warnings,
    ).toEqual([]);
    const linked = inProgress();
    createSlip(s.ctx, s.users.clerk, returnInput(s, { caseId: linked, receiptNo: 'R-2002' }));
    expect(
      resolveCase(s.ctx, s.users.manager, { caseId: linked, type: 'refund', summary: '退款', amountFen: 45_900 })
        .warnings,
    ).toEqual([]);
    const exchange = inProgress();
    expect(
      resolveCase(s.ctx, s.users.manager, { caseId: exchange, type: 'exchange', summary: '换货', amountFen: 100 })
        .warnings,
    ).toEqual([]);
    const apology = inProgress();
    expect(resolveCase(s.ctx, s.users.manager, { caseId: apology, type: 'apology', summary: '道歉' }).warnings).toEqual(
      [],
    );
  });

  it('the cases.resolve channel answers the case view with the warning', async () => {
    s = openTestStore();
    const id = inProgress();
    const session: Session = { user: null };
    await s.app.dispatch(session, 'auth.signIn', { staffNo: 'M001', pin: PIN });
    const r = await s.app.dispatch(session, 'cases.resolve', {
      caseId: id,
      type: 'compensation',
      summary: '补偿',
      amountFen: 5_000,
      slipNumbers: [],
      atCounter: false,
    });
    expect(r).toMatchObject({ ok: true, value: { id, status: 'resolved', warnings: [OPEN_SLIP] } });
  });
});
