// Promises (约定回复时间) answered one by one with a progress reply (进展答复): kept on time, missed
// late (and visible as missed, not overdue forever), refusals that change nothing, a next promise in
// the same step, and a promise made after feedback answered so that the case can be filed.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/handlers';
import { answerPromise, applyInstruction, promiseReply, recordFinding } from '../../src-main/services/case-details';
import { caseHistory } from '../../src-main/services/case-history';
import { getCase } from '../../src-main/services/case-read';
import { fileCase, forwardCase, recordFeedback, resolveCase, submitCase } from '../../src-main/services/case-workflow';
import { AppError } from '../../src-main/shared/errors';
import { PROMISE_REPLY_MAX, promiseState } from '../../src-main/shared/promise-state';
import type { CaseRecord } from '../../src-main/shared/types';
import { openTestStore, phoneCase, storeCounts, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

function refusal(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('not refused');
}

/** A phone case with one reply promised two hours from now; returns the case and the promise. */
function promised(): { c: CaseRecord; promiseId: string; at: number } {
  const c = phoneCase(s);
  const at = s.clock.t + 2 * HOUR;
  const after = promiseReply(s.ctx, s.users.clerk, { caseId: c.id, promisedAt: iso(at), note: '两小时内回电' });
  return { c: after, promiseId: after.promises[0]!.id, at };
}

describe('answering a promise', () => {
  it('on time: kept, with the reply, who and when; it no longer drives the deadline', () => {
    s = openTestStore();
    const { c, promiseId, at } = promised();
    expect(getCase(s.ctx, s.users.secretary, { caseId: c.id }).due).toMatchObject({ kind: 'promise', at });
    s.clock.t += HOUR;
    const after = answerPromise(s.ctx, s.users.clerk, {
      caseId: c.id,
      promiseId,
      replyText: '厂家正在检测,明天给您结果',
    });
    const p = after.promises[0]!;
    expect(p).toMatchObject({ answeredAt: s.clock.t, replyText: '厂家正在检测,明天给您结果' });
    expect(p.answeredBy).toBe(s.users.clerk.id);
    expect(promiseState(p, s.clock.t + 10 * HOUR)).toBe('kept');
    const v = getCase(s.ctx, s.users.secretary, { caseId: c.id });
    // Back to the handling limit (same day), not the promise.
    expect(v.due?.kind).toBe('handling');
    expect(v.allowedActions).not.toContain('answer_promise');
    expect(after.events.at(-1)).toMatchObject({ kind: 'answer_promise', text: '厂家正在检测,明天给您结果' });
    expect(after.events.at(-1)?.data).toMatchObject({ promiseId, state: 'kept' });
    // The history says which promise was answered, how, and what was said.
    const h = caseHistory(s.ctx, s.users.secretary, { caseId: c.id }).at(-1)!;
    expect(h.action).toBe('case.answer_promise');
    expect(h.changes).toContainEqual({ field: 'promiseState', before: 'open', after: 'kept' });
    expect(h.changes).toContainEqual({ field: 'promiseReply', before: null, after: '厂家正在检测,明天给您结果' });
    // The sync snapshot carries the answer.
    const row = s.db
      .prepare("SELECT payload FROM outbox WHERE record_type = 'case' AND record_id = ? ORDER BY seq DESC LIMIT 1")
      .get(c.id) as { payload: string };
    expect(JSON.parse(row.payload).promises[0]).toMatchObject({ answeredAt: s.clock.t, replyText: p.replyText });
  });

  it('after its time: missed while unanswered and overdue, then missed with when it was answered', () => {
    s = openTestStore();
    const { c, promiseId, at } = promised();
    s.clock.t = at + 3 * HOUR;
    const late = getCase(s.ctx, s.users.secretary, { caseId: c.id });
    expect(promiseState(late.promises[0]!, s.clock.t)).toBe('missed');
    expect(late.due).toMatchObject({ kind: 'promise', overdue: true });
    expect(late.allowedActions).toContain('answer_promise');
    const after = answerPromise(s.ctx, s.users.secretary, { caseId: c.id, promiseId, replyText: '抱歉晚了,仍在检测' });
    const p = after.promises[0]!;
    expect(p.answeredAt).toBe(at + 3 * HOUR);
    expect(promiseState(p, s.clock.t)).toBe('missed');
    expect(after.events.at(-1)?.data).toMatchObject({ state: 'missed' });
    // Answered: no longer overdue for this promise (the handling limit is what is left).
    expect(getCase(s.ctx, s.users.secretary, { caseId: c.id }).due?.kind).toBe('handling');
    expect(caseHistory(s.ctx, s.users.secretary, { caseId: c.id }).at(-1)?.changes).toContainEqual({
      field: 'promiseState',
      before: 'open',
      after: 'missed',
    });
  });

  it('with a next promise in the same step: linked, open, and the new deadline', () => {
    s = openTestStore();
    const { c, promiseId } = promised();
    const next = s.clock.t + 26 * HOUR;
    const after = answerPromise(s.ctx, s.users.clerk, {
      caseId: c.id,
      promiseId,
      replyText: '还在等厂家回复',
      nextPromisedAt: iso(next),
      nextNote: '明天下午再回电',
    });
    expect(after.promises).toHaveLength(2);
    const [first, second] = after.promises;
    expect(first!.nextPromiseId).toBe(second!.id);
    expect(second).toMatchObject({
      promisedAt: next,
      note: '明天下午再回电',
      answeredAt: null,
      madeBy: s.users.clerk.id,
    });
    const v = getCase(s.ctx, s.users.secretary, { caseId: c.id });
    expect(v.allowedActions).toContain('answer_promise');
    expect(caseHistory(s.ctx, s.users.secretary, { caseId: c.id }).at(-1)?.changes).toContainEqual({
      field: 'promisedAt',
      before: null,
      after: next,
    });
    // The next one is answered in turn.
    const done = answerPromise(s.ctx, s.users.clerk, {
      caseId: c.id,
      promiseId: second!.id,
      replyText: '厂家同意退货',
    });
    expect(done.promises.every((p) => p.answeredAt !== null)).toBe(true);
  });

  it('through the channel: answers with the case view', async () => {
    s = openTestStore();
    const { c, promiseId } = promised();
    const r = await dispatch(s.ctx, { user: s.users.clerk }, 'cases.answerPromise', {
      caseId: c.id,
      promiseId,
      replyText: '已告知进展',
    });
    expect(r).toMatchObject({ ok: true, value: { id: c.id, names: { [s.users.clerk.id]: '陈服务台' } } });
  });
});

describe('refusals change nothing', () => {
  it('a reply text is required and has a limit', async () => {
    s = openTestStore();
    const { c, promiseId } = promised();
    const before = storeCounts(s.db);
    for (const replyText of ['', '   ', 'x'.repeat(PROMISE_REPLY_MAX + 1)]) {
      const r = await dispatch(s.ctx, { user: s.users.clerk }, 'cases.answerPromise', {
        caseId: c.id,
        promiseId,
        replyText,
      });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ field: 'replyText' }] } });
    }
    const tooLong = refusal(() =>
      answerPromise(s.ctx, s.users.clerk, { caseId: c.id, promiseId, replyText: 'x'.repeat(PROMISE_REPLY_MAX + 1) }),
    );
    expect(tooLong.issues[0]?.message.zh).toContain(`不能超过 ${PROMISE_REPLY_MAX} 个字符`);
    // Exactly at the limit is accepted.
    answerPromise(s.ctx, s.users.clerk, { caseId: c.id, promiseId, replyText: '进'.repeat(PROMISE_REPLY_MAX) });
    expect(storeCounts(s.db).case_promises).toBe(before.case_promises);
  });

  it('an unknown promise, another case’s promise and an answered one are refused', () => {
    s = openTestStore();
    const { c, promiseId } = promised();
    const other = promiseReply(s.ctx, s.users.clerk, {
      caseId: phoneCase(s).id,
      promisedAt: iso(s.clock.t + HOUR),
    }).promises[0]!.id;
    const before = storeCounts(s.db);
    const unknown = refusal(() =>
      answerPromise(s.ctx, s.users.clerk, {
        caseId: c.id,
        promiseId: '01936f5e-0000-7000-8000-00000000abcd',
        replyText: '进展',
      }),
    );
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', messages: { zh: '此个案没有该约定回复' } });
    expect(unknown.field).toBe('promiseId');
    expect(
      refusal(() => answerPromise(s.ctx, s.users.clerk, { caseId: c.id, promiseId: other, replyText: '进展' })).code,
    ).toBe('NOT_FOUND');
    expect(storeCounts(s.db)).toEqual(before);
    answerPromise(s.ctx, s.users.clerk, { caseId: c.id, promiseId, replyText: '第一次答复' });
    const answered = storeCounts(s.db);
    const twice = refusal(() => answerPromise(s.ctx, s.users.clerk, { caseId: c.id, promiseId, replyText: '再答' }));
    expect(twice.code).toBe('CONFLICT');
    expect(twice.messages.zh).toMatch(/已经答复过/);
    expect(storeCounts(s.db)).toEqual(answered);
    expect(getCase(s.ctx, s.users.clerk, { caseId: c.id }).promises[0]?.replyText).toBe('第一次答复');
  });

  it('the next promise must be in the future', () => {
    s = openTestStore();
    const { c, promiseId } = promised();
    const before = storeCounts(s.db);
    for (const at of [s.clock.t, s.clock.t - HOUR]) {
      const e = refusal(() =>
        answerPromise(s.ctx, s.users.clerk, { caseId: c.id, promiseId, replyText: '进展', nextPromisedAt: iso(at) }),
      );
      expect(e).toMatchObject({ code: 'VALIDATION', messages: { zh: '下次约定回复时间须晚于现在' } });
      expect(e.field).toBe('nextPromisedAt');
    }
    expect(
      refusal(() =>
        answerPromise(s.ctx, s.users.clerk, { caseId: c.id, promiseId, replyText: '进展', nextPromisedAt: '明天' }),
      ).code,
    ).toBe('VALIDATION');
    expect(storeCounts(s.db)).toEqual(before);
    expect(getCase(s.ctx, s.users.clerk, { caseId: c.id }).promises[0]?.answeredAt).toBeNull();
  });

  it('roles: unit staff answer only their own unit’s cases', () => {
    s = openTestStore();
    const { c, promiseId } = promised();
    const before = storeCounts(s.db);
    const e = refusal(() => answerPromise(s.ctx, s.users.otherStaff, { caseId: c.id, promiseId, replyText: '进展' }));
    expect(e).toMatchObject({ code: 'FORBIDDEN', messages: { zh: '只能处理本单位的个案,无权答复约定回复' } });
    expect(getCase(s.ctx, s.users.otherStaff, { caseId: c.id }).allowedActions).not.toContain('answer_promise');
    expect(storeCounts(s.db)).toEqual(before);
    // The shoe department's own staff may.
    expect(
      answerPromise(s.ctx, s.users.staff, { caseId: c.id, promiseId, replyText: '鞋部已联系厂家' }).promises[0]
        ?.answeredBy,
    ).toBe(s.users.staff.id);
  });
});

describe('a promise made after feedback', () => {
  it('blocks filing until answered, from awaiting the instruction; then the case is filed', () => {
    s = openTestStore();
    const sec = s.users.secretary;
    const c = phoneCase(s);
    forwardCase(s.ctx, sec, { caseId: c.id, handlingUnitId: s.units.shoes });
    resolveCase(s.ctx, sec, { caseId: c.id, type: 'refund', summary: '同意退货', amountFen: 45_900 });
    recordFeedback(s.ctx, sec, { caseId: c.id, satisfaction: 'satisfied', disputed: false });
    // Feedback is made; the customer still wants the inspection report by tomorrow.
    const p = promiseReply(s.ctx, sec, { caseId: c.id, promisedAt: iso(s.clock.t + 20 * HOUR), note: '质检报告' });
    const promiseId = p.promises[0]!.id;
    recordFinding(s.ctx, sec, { caseId: c.id, cause: 'product_or_service', finding: 'founded' });
    submitCase(s.ctx, sec, { caseId: c.id });
    applyInstruction(s.ctx, {
      instructionId: s.ctx.newId(),
      caseId: c.id,
      text: '同意',
      reviewerName: '部本部 周经理',
      instructedAt: iso(s.clock.t),
    });
    const waiting = getCase(s.ctx, sec, { caseId: c.id });
    expect(waiting.status).toBe('awaiting_instruction');
    expect(waiting.allowedActions).toContain('answer_promise');
    expect(waiting.blockedActions.find((b) => b.action === 'file')?.reason.zh).toMatch(/进展答复/);
    expect(refusal(() => fileCase(s.ctx, sec, { caseId: c.id })).code).toBe('INVALID_TRANSITION');
    s.clock.t += 4 * HOUR;
    const answered = answerPromise(s.ctx, sec, { caseId: c.id, promiseId, replyText: '质检报告已寄给顾客' });
    expect(answered.status).toBe('awaiting_instruction');
    expect(fileCase(s.ctx, sec, { caseId: c.id }).status).toBe('filed');
  });

  it('feedback answers the promises open before it, with its note as the reply', () => {
    s = openTestStore();
    const sec = s.users.secretary;
    const { c } = promised();
    forwardCase(s.ctx, sec, { caseId: c.id, handlingUnitId: s.units.shoes });
    resolveCase(s.ctx, sec, { caseId: c.id, type: 'refund', summary: '同意退货', amountFen: 45_900 });
    const after = recordFeedback(s.ctx, sec, {
      caseId: c.id,
      satisfaction: 'satisfied',
      disputed: false,
      note: '已电话告知退货办法',
    });
    expect(after.promises[0]).toMatchObject({ replyText: '已电话告知退货办法', answeredBy: sec.id });
    expect(promiseState(after.promises[0]!, s.clock.t)).toBe('kept');
  });
});
