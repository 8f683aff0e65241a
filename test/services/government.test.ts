// Government bodies' cases (procedure 3, issue 12 bullet 6): the body's answer (无异议 / 有异议) as its
// own field, the written reply date (branch time, not in the future, not before receipt), 有异议 leading
// to a visit to the body before the case goes on and then to the manager's review, the fields synced,
// and the summary counting the answers and the written replies on time or late.
import { afterEach, describe, expect, it } from 'vitest';
import { caseFacts } from '../../src-main/domain/summary';
import { recordFinding } from '../../src-main/services/case-details';
import { createCase } from '../../src-main/services/case-intake';
import { getCase } from '../../src-main/services/case-read';
import {
  escalateCase,
  fileCase,
  forwardCase,
  recordFeedback,
  resolveCase,
  resumeCase,
  reviewCase,
  submitCase,
} from '../../src-main/services/case-workflow';
import { computeSummary } from '../../src-main/services/reports';
import { AppError } from '../../src-main/shared/errors';
import { CaseRecordSnapshot } from '../../src-main/sync/record-snapshots';
import { openTestStore, phoneCase, storeCounts, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const at = (iso: string) => Date.parse(iso);

/** A 12315 case received 2026-11-24 10:00 (Shanghai), forwarded, resolved and its finding recorded. */
function resolvedGovernmentCase(referenceNo = 'GS-2026-118') {
  const c = createCase(s.ctx, s.users.clerk, {
    channel: 'government',
    government: { body: '12315', referenceNo, contactPerson: '周科员', contactPhone: '12315' },
    customer: { name: '吴女士', phone: '13700137000' },
    content: '顾客反映超市出售过期酸奶',
    categoryCode: 'product_quality',
    complainedUnitId: s.units.food,
  });
  forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.food });
  resolveCase(s.ctx, s.users.secretary, { caseId: c.id, type: 'compensation', summary: '赔偿顾客', amountFen: 10000 });
  recordFinding(s.ctx, s.users.secretary, { caseId: c.id, cause: 'product_or_service', finding: 'founded' });
  return c;
}

/** Expects a refusal with both languages and no change in the store; returns the error. */
function refused(call: () => unknown): AppError {
  const before = storeCounts(s.db);
  let err: unknown;
  try {
    call();
  } catch (e) {
    err = e;
  }
  expect(err, 'the call should have been refused').toBeInstanceOf(AppError);
  const e = err as AppError;
  expect(e.messages.zh.length).toBeGreaterThan(0);
  expect(e.messages.en.length).toBeGreaterThan(0);
  expect(storeCounts(s.db)).toEqual(before);
  return e;
}

const latestSnapshot = (caseId: string) => {
  const row = s.db
    .prepare("SELECT payload FROM outbox WHERE record_type = 'case' AND record_id = ? ORDER BY seq DESC LIMIT 1")
    .get(caseId) as { payload: string };
  return CaseRecordSnapshot.parse(JSON.parse(row.payload));
};

describe("the body's answer and the written reply date", () => {
  it("stores the body's answer as its own field, not the customer's dispute flag, and syncs it", () => {
    s = openTestStore();
    const c = resolvedGovernmentCase();
    s.clock.t = at('2026-11-26T15:00:00+08:00');
    const fed = recordFeedback(s.ctx, s.users.secretary, {
      caseId: c.id,
      bodyAnswer: 'no_objection',
      bodyAnswerNote: '12315 周科员电话告知无异议',
      writtenReplyDate: '2026-11-25',
    });
    expect(fed.status).toBe('fed_back');
    expect(fed).toMatchObject({
      bodyAnswer: 'no_objection',
      bodyAnswerNote: '12315 周科员电话告知无异议',
      writtenReplyDate: '2026-11-25',
      firstWrittenReplyDate: '2026-11-25',
      disputed: null,
    });
    const snap = latestSnapshot(c.id);
    expect(snap).toMatchObject({
      bodyAnswer: 'no_objection',
      bodyAnswerNote: '12315 周科员电话告知无异议',
      writtenReplyDate: '2026-11-25',
      firstWrittenReplyDate: '2026-11-25',
    });
    // The submission goes to the manager's review (呈领导审核), and the view says so.
    const view = getCase(s.ctx, s.users.secretary, { caseId: c.id });
    expect(view.signOff).toBe('manager');
    expect(view.actionTargets.submit).toBe('awaiting_review');
  });

  it("refuses the body's answer or a reply date on a case that no body forwarded", () => {
    s = openTestStore();
    const c = phoneCase(s);
    forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
    resolveCase(s.ctx, s.users.secretary, { caseId: c.id, type: 'apology', summary: '致歉' });
    const e = refused(() =>
      recordFeedback(s.ctx, s.users.secretary, {
        caseId: c.id,
        satisfaction: 'satisfied',
        disputed: false,
        bodyAnswer: 'no_objection',
      }),
    );
    expect(e.messages.zh).toContain('只适用于政府职能部门');
    expect(e.field).toBe('bodyAnswer');
    expect(
      refused(() =>
        recordFeedback(s.ctx, s.users.secretary, {
          caseId: c.id,
          satisfaction: 'satisfied',
          disputed: false,
          writtenReplyDate: '2026-11-24',
        }),
      ).field,
    ).toBe('writtenReplyDate');
    // The customer's dispute flag is still asked of a customer.
    expect(
      refused(() => recordFeedback(s.ctx, s.users.secretary, { caseId: c.id, satisfaction: 'satisfied' })).field,
    ).toBe('disputed');
    expect(getCase(s.ctx, s.users.secretary, { caseId: c.id }).status).toBe('resolved');
  });

  it('refuses bad values: an unknown answer, no answer, the customer dispute flag, no date, a malformed date', () => {
    s = openTestStore();
    const c = resolvedGovernmentCase();
    const feed = (input: Record<string, unknown>) =>
      recordFeedback(s.ctx, s.users.secretary, { caseId: c.id, ...input } as Parameters<typeof recordFeedback>[2]);
    expect(refused(() => feed({ bodyAnswer: 'maybe', writtenReplyDate: '2026-11-24' })).field).toBe('bodyAnswer');
    const none = refused(() => feed({ writtenReplyDate: '2026-11-24' }));
    expect(none.field).toBe('bodyAnswer');
    expect(none.messages.zh).toContain('无异议');
    const customerFlag = refused(() => feed({ disputed: true, writtenReplyDate: '2026-11-24' }));
    expect(customerFlag.field).toBe('disputed');
    expect(customerFlag.messages.en).toContain("record the body's answer");
    const noDate = refused(() => feed({ bodyAnswer: 'no_objection' }));
    expect(noDate.field).toBe('writtenReplyDate');
    expect(noDate.messages.zh).toContain('书面答复日期');
    expect(refused(() => feed({ bodyAnswer: 'no_objection', writtenReplyDate: '2026-11-31' })).field).toBe(
      'writtenReplyDate',
    );
    expect(getCase(s.ctx, s.users.secretary, { caseId: c.id }).status).toBe('resolved');
  });

  it('refuses a written reply date in the future or before receipt, in both languages, in branch time', () => {
    s = openTestStore({ at: at('2026-11-24T10:00:00+08:00') });
    const c = resolvedGovernmentCase();
    // 00:30 on the 25th in Shanghai is still the 24th in UTC: "today" is the branch's 25th.
    s.clock.t = at('2026-11-25T00:30:00+08:00');
    const feed = (writtenReplyDate: string) =>
      recordFeedback(s.ctx, s.users.secretary, { caseId: c.id, bodyAnswer: 'no_objection', writtenReplyDate });
    const future = refused(() => feed('2026-11-26'));
    expect(future.field).toBe('writtenReplyDate');
    expect(future.messages).toEqual({
      zh: '书面答复日期不能晚于今天(2026-11-25)',
      en: 'The written reply date cannot be in the future (today is 2026-11-25)',
    });
    const early = refused(() => feed('2026-11-23'));
    expect(early.messages).toEqual({
      zh: '书面答复日期不能早于受理日期(2026-11-24)',
      en: 'The written reply date cannot be before the case was received (2026-11-24)',
    });
    expect(feed('2026-11-25').writtenReplyDate).toBe('2026-11-25');
  });
});

describe('有异议: a visit to the body, then the manager’s review', () => {
  it('goes into the dispute loop, resumes only after the visit, and is filed after the review', () => {
    s = openTestStore();
    const { secretary, manager, supervisor } = s.users;
    const c = resolvedGovernmentCase();
    const d = recordFeedback(s.ctx, secretary, {
      caseId: c.id,
      bodyAnswer: 'objection',
      bodyAnswerNote: '12315 认为赔偿不足',
      writtenReplyDate: '2026-11-24',
    });
    expect(d).toMatchObject({ status: 'disputed', bodyAnswer: 'objection', disputed: null });
    // The blocked actions name the body's objection, not a customer's dispute.
    const blocked = getCase(s.ctx, secretary, { caseId: c.id }).blockedActions.find((b) => b.action === 'submit');
    expect(blocked?.reason.zh).toContain('部门有异议');
    // Another escalation is not the visit the procedure asks for.
    escalateCase(s.ctx, supervisor, { caseId: c.id, kind: 'duty_supervisor', note: '主管复核' });
    const noVisit = refused(() => resumeCase(s.ctx, secretary, { caseId: c.id, to: 'resolved', reason: '复核' }));
    expect(noVisit.code).toBe('INVALID_TRANSITION');
    expect(noVisit.messages.zh).toContain('随营业干部赴政府部门');
    escalateCase(s.ctx, manager, {
      caseId: c.id,
      kind: 'visit_government',
      note: '营业干部陪同秘书室前往工商局说明',
      outcome: '工商局认可处理结果',
    });
    resumeCase(s.ctx, secretary, { caseId: c.id, to: 'resolved', reason: '面谈后部门无异议' });
    // The answer after the visit: the written reply date is kept (the first one is what the limit counts).
    s.clock.t = at('2026-11-27T11:00:00+08:00');
    const after = recordFeedback(s.ctx, secretary, { caseId: c.id, bodyAnswer: 'no_objection' });
    expect(after).toMatchObject({
      status: 'fed_back',
      bodyAnswer: 'no_objection',
      bodyAnswerNote: null,
      writtenReplyDate: '2026-11-24',
      firstWrittenReplyDate: '2026-11-24',
    });
    expect(submitCase(s.ctx, secretary, { caseId: c.id }).status).toBe('awaiting_review');
    reviewCase(s.ctx, manager, { caseId: c.id, text: '同意归档' });
    expect(fileCase(s.ctx, secretary, { caseId: c.id }).status).toBe('filed');
  });
});

describe('the summary', () => {
  it("counts government cases by the body's answer and the written reply on time or late, at the branch and at head office", () => {
    s = openTestStore({ at: at('2026-11-24T10:00:00+08:00') });
    const onTime = resolvedGovernmentCase('A-1');
    const late = resolvedGovernmentCase('A-2');
    const open = resolvedGovernmentCase('A-3');
    phoneCase(s);
    // Limit: 5 working days from Tuesday the 24th (25, 26, 27, 30, 12-01; issue 21), so 12-01 is on time and 12-02 late.
    s.clock.t = at('2026-12-02T12:00:00+08:00');
    recordFeedback(s.ctx, s.users.secretary, {
      caseId: onTime.id,
      bodyAnswer: 'no_objection',
      writtenReplyDate: '2026-12-01',
    });
    recordFeedback(s.ctx, s.users.secretary, {
      caseId: late.id,
      bodyAnswer: 'objection',
      writtenReplyDate: '2026-12-02',
    });
    const report = computeSummary(s.ctx, s.users.secretary, { periodType: 'month', date: '2026-11-24' });
    const expected = {
      total: 3,
      answers: { no_objection: 1, objection: 1, unanswered: 1 },
      writtenReplies: { on_time: 1, late: 1, none: 1 },
    };
    expect(report.summary.government).toEqual(expected);
    expect(report.summary.total).toBe(4);
    // Head office counts the same from the synced snapshots.
    const facts = [onTime, late, open].map((c) => caseFacts(latestSnapshot(c.id), [], s.settings));
    expect(facts.map((f) => [f.bodyAnswer, f.writtenReply])).toEqual([
      ['no_objection', 'on_time'],
      ['objection', 'late'],
      [null, 'none'],
    ]);
  });
});
