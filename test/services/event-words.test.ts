// A case's history and timeline name each step as it happened: on a government case the feedback is
// 答复部门 and the submission to the manager's review 呈领导审核; a submission to head office stays
// 报部本部, and a submission to the manager on another channel (the branch's setting) is 呈领导审核 too.
import { afterEach, describe, expect, it } from 'vitest';
import { recordFinding } from '../../src-main/services/case-details';
import { caseHistory } from '../../src-main/services/case-history';
import { createCase } from '../../src-main/services/case-intake';
import { getCase } from '../../src-main/services/case-read';
import {
  forwardCase,
  recordFeedback,
  resolveCase,
  reviewCase,
  submitCase,
} from '../../src-main/services/case-workflow';
import { timelineWords } from '../../src-main/shared/event-label';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

/** The history's names of the case's own changes, in one language. */
const names = (caseId: string, lang: 'zh' | 'en') =>
  caseHistory(s.ctx, s.users.secretary, { caseId }).map((e) => e.label?.[lang] ?? e.action);

function governmentCaseFedBack(): string {
  const c = createCase(s.ctx, s.users.clerk, {
    channel: 'government',
    government: { body: '12315', referenceNo: 'GS-2026-201', contactPerson: '周科员', contactPhone: '12315' },
    customer: { name: '吴女士', phone: '13700137000' },
    content: '顾客反映超市出售过期酸奶',
    categoryCode: 'product_quality',
    complainedUnitId: s.units.food,
  });
  forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.food });
  resolveCase(s.ctx, s.users.secretary, { caseId: c.id, type: 'compensation', summary: '赔偿顾客', amountFen: 10000 });
  recordFinding(s.ctx, s.users.secretary, { caseId: c.id, cause: 'product_or_service', finding: 'founded' });
  recordFeedback(s.ctx, s.users.secretary, {
    caseId: c.id,
    bodyAnswer: 'no_objection',
    writtenReplyDate: '2026-11-24',
  });
  return c.id;
}

describe("the history's and the timeline's words", () => {
  it('on a government case: 答复部门, then 呈领导审核 (the submission records where it went)', () => {
    s = openTestStore();
    const id = governmentCaseFedBack();
    const submitted = submitCase(s.ctx, s.users.secretary, { caseId: id });
    expect(submitted.status).toBe('awaiting_review');
    expect(submitted.events.at(-1)?.data).toEqual({ to: 'awaiting_review' });
    reviewCase(s.ctx, s.users.manager, { caseId: id, text: '同意归档' });

    const zh = names(id, 'zh');
    expect(zh).toContain('答复部门');
    expect(zh).toContain('呈领导审核');
    expect(zh).not.toContain('反馈顾客');
    expect(zh).not.toContain('报部本部');
    expect(zh.slice(-3)).toEqual(['答复部门', '呈领导审核', '领导审核']);
    expect(names(id, 'en').slice(-3)).toEqual([
      'Replied to the body',
      "Submitted for the manager's review",
      'Manager review',
    ]);
    const v = getCase(s.ctx, s.users.secretary, { caseId: id });
    expect(timelineWords(v).slice(-3)).toEqual(['feedback_government', 'submit_review', 'review']);
  });

  it('on a phone case sent to head office: 反馈顾客 and 报部本部, as before', () => {
    s = openTestStore();
    const c = phoneCase(s);
    forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
    resolveCase(s.ctx, s.users.secretary, { caseId: c.id, type: 'explanation', summary: '已向顾客说明' });
    recordFinding(s.ctx, s.users.secretary, { caseId: c.id, cause: 'product_or_service', finding: 'founded' });
    recordFeedback(s.ctx, s.users.secretary, { caseId: c.id, satisfaction: 'satisfied', disputed: false });
    expect(submitCase(s.ctx, s.users.secretary, { caseId: c.id }).status).toBe('awaiting_instruction');
    expect(names(c.id, 'zh').slice(-2)).toEqual(['反馈顾客', '报部本部']);
    expect(names(c.id, 'zh')[0]).toBe('登记');
  });

  it("on another channel the branch sends to the manager: 呈领导审核, the customer's feedback as 反馈顾客", () => {
    s = openTestStore();
    s.settings.signOff.phone = 'manager';
    const c = phoneCase(s);
    forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
    resolveCase(s.ctx, s.users.secretary, { caseId: c.id, type: 'explanation', summary: '已向顾客说明' });
    recordFinding(s.ctx, s.users.secretary, { caseId: c.id, cause: 'product_or_service', finding: 'founded' });
    recordFeedback(s.ctx, s.users.secretary, { caseId: c.id, satisfaction: 'satisfied', disputed: false });
    expect(submitCase(s.ctx, s.users.secretary, { caseId: c.id }).status).toBe('awaiting_review');
    expect(names(c.id, 'zh').slice(-2)).toEqual(['反馈顾客', '呈领导审核']);
  });
});
