// A case taken from intake to filed at the test clock (forward, resolve, finding, feedback, submit,
// the 批示 arriving, file), for the retention tests: cases filed on both sides of the limit.
import { applyInstruction, recordFinding } from '../../src-main/services/case-details';
import { fileCase, forwardCase, recordFeedback, resolveCase, submitCase } from '../../src-main/services/case-workflow';
import type { CaseIntakeInput } from '../../src-main/shared/schemas/case';
import type { CaseRecord } from '../../src-main/shared/types';
import { phoneCase, type TestStore } from './store';

const HOUR = 3_600_000;

export function filedCase(
  s: TestStore,
  at: number,
  over: Partial<CaseIntakeInput> = {},
  finding: 'founded' | 'unfounded' = 'founded',
): CaseRecord {
  const sec = s.users.secretary;
  s.clock.t = at;
  const c = phoneCase(s, over);
  s.clock.t += HOUR;
  forwardCase(s.ctx, sec, { caseId: c.id, handlingUnitId: s.units.shoes, note: '请鞋部核实' });
  resolveCase(s.ctx, s.users.staff, { caseId: c.id, type: 'refund', summary: '同意退货', amountFen: 45900 });
  recordFinding(s.ctx, sec, {
    caseId: c.id,
    cause: finding === 'unfounded' ? 'customer' : 'product_or_service',
    finding,
  });
  recordFeedback(s.ctx, sec, { caseId: c.id, satisfaction: 'satisfied', disputed: false });
  submitCase(s.ctx, sec, { caseId: c.id });
  s.clock.t += 2 * HOUR;
  applyInstruction(s.ctx, {
    instructionId: crypto.randomUUID(),
    caseId: c.id,
    text: '同意处理意见,建档。',
    reviewerName: '部本部 周经理',
    instructedAt: new Date(s.clock.t).toISOString(),
  });
  return fileCase(s.ctx, sec, { caseId: c.id });
}
