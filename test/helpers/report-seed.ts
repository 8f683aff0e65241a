// A small store for the report tests: two November cases (one closed the same day and
// satisfied; one late, disputed, escalated and typical), one October case, two slips.
import { recordFinding, setTypical } from '../../src-main/services/case-details';
import { escalateCase, forwardCase, recordFeedback, resolveCase } from '../../src-main/services/case-workflow';
import { createSlip } from '../../src-main/services/slips';
import { returnInput } from './slips';
import { phoneCase, T0, type TestStore } from './store';

const HOUR = 3_600_000;
export const MONTH = { periodType: 'month', date: '2026-11-24', previousCount: 2 } as const;

/** Two November cases (one same day and satisfied, one late, disputed, escalated and typical), one October case, two slips. */
export function seedReportCases(st: TestStore) {
  const sec = st.users.secretary;
  st.clock.t = Date.parse('2026-10-10T10:00:00+08:00');
  phoneCase(st);
  st.clock.t = T0;
  const a = phoneCase(st);
  forwardCase(st.ctx, sec, { caseId: a.id, handlingUnitId: st.units.shoes });
  const slip = createSlip(st.ctx, st.users.supervisor, returnInput(st, { caseId: a.id }));
  resolveCase(st.ctx, sec, { caseId: a.id, type: 'refund', summary: '退货退款', slipNumbers: [slip.number] });
  st.clock.t = T0 + 2 * HOUR;
  recordFeedback(st.ctx, sec, { caseId: a.id, satisfaction: 'satisfied', disputed: false });
  recordFinding(st.ctx, sec, { caseId: a.id, cause: 'product_or_service', finding: 'founded' });

  st.clock.t = T0 + 3 * HOUR;
  const b = phoneCase(st, {
    categoryCode: 'service_attitude',
    complainedUnitId: st.units.food,
    customer: { name: '李四', phone: '139 0000 1111', otherContact: 'wx-lisi-88' },
    // Free text that names the customer, the way people write: the training library must mask it.
    content:
      '李四女士来电:在食品部买的月饼过期了,营业员态度很差。联系电话 139 0000 1111,微信 wx-lisi-88,小票号 R20261120-0042。',
  });
  forwardCase(st.ctx, sec, { caseId: b.id, handlingUnitId: st.units.food });
  resolveCase(st.ctx, sec, { caseId: b.id, type: 'explanation', summary: '向顾客解释' });
  st.clock.t = T0 + 26 * HOUR;
  recordFeedback(st.ctx, sec, { caseId: b.id, satisfaction: 'unsatisfied', disputed: true });
  escalateCase(st.ctx, sec, { caseId: b.id, kind: 'duty_supervisor', note: '值班主管协助' });
  setTypical(st.ctx, sec, { caseId: b.id, typical: true });
  // A slip without a case, an exchange that deducts the salesperson's commission.
  createSlip(
    st.ctx,
    st.users.supervisor,
    returnInput(st, {
      type: 'exchange',
      receiptNo: 'R-2002',
      refundFen: undefined,
      refundMethod: undefined,
      qualityProblem: false,
      deductCommission: true,
      issuedLines: [{ itemCode: '6901234567891', name: '男士皮鞋', spec: '43码', quantity: 1, unitPriceFen: 45_900 }],
    }),
  );
  return { a, b };
}
