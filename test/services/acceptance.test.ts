// 不予受理 (SPEC §12, seed 004): accepted at intake by default; the secretary office or the manager may
// decide not to accept, with a reason from the branch's list, the reason in words and the competent body.
// The case is closed: out of the work queues, counted apart in the summary, synced, reopenable.
import { afterEach, describe, expect, it } from 'vitest';
import { caseFacts } from '../../src-main/domain/summary';
import { declineCase } from '../../src-main/services/case-acceptance';
import { caseHistory } from '../../src-main/services/case-history';
import { getCase } from '../../src-main/services/case-read';
import { addNote, promiseReply } from '../../src-main/services/case-details';
import { forwardCase, reopenCase, resolveCase } from '../../src-main/services/case-workflow';
import { listQueue, queueCounts } from '../../src-main/services/queues';
import { computeSummary } from '../../src-main/services/reports';
import { AppError } from '../../src-main/shared/errors';
import { CaseRecordSnapshot } from '../../src-main/sync/record-snapshots';
import { openTestStore, phoneCase, storeCounts, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const decision = (caseId: string) => ({
  caseId,
  declineReason: 'not_consumer_dispute',
  declineText: '您反映的是与邻铺商户之间的租赁纠纷,不属于消费者权益争议。',
  referTo: '区人民法院或商场物业管理处',
});

function refusedWith(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** The refusal changes nothing at all. */
function refusedUnchanged(fn: () => unknown): AppError {
  const before = storeCounts(s.db);
  const err = refusedWith(fn);
  expect(storeCounts(s.db)).toEqual(before);
  return err;
}

describe('acceptance (受理 / 不予受理)', () => {
  it('a new case is accepted at intake: no decision recorded, who received it and when', () => {
    s = openTestStore();
    const c = phoneCase(s);
    expect(c.status).toBe('registered');
    expect(c.declinedAt).toBeNull();
    expect(c.declineReasonCode).toBeNull();
    expect(c.receivedBy).toBe(s.users.secretary.id);
  });

  it('the secretary records 不予受理 on a registered case: closed, with reason, words, body, who and when', () => {
    s = openTestStore();
    const c = phoneCase(s);
    s.clock.t += 600_000;
    const d = declineCase(s.ctx, s.users.secretary, decision(c.id));
    expect(d.status).toBe('not_accepted');
    expect(d).toMatchObject({
      declineReasonCode: 'not_consumer_dispute',
      declineReasonZh: '不属于消费者权益争议',
      declineReasonEn: 'Not a consumer dispute',
      declineText: decision(c.id).declineText,
      declineReferTo: '区人民法院或商场物业管理处',
      declinedAt: s.clock.t,
      declinedBy: s.users.secretary.id,
      dueAt: null,
    });
    expect(d.events.at(-1)).toMatchObject({ kind: 'decline', text: decision(c.id).declineText });
    const view = getCase(s.ctx, s.users.secretary, { caseId: c.id });
    expect(view.due).toBeNull();
    expect(view.allowedActions).toEqual(['note', 'print']);
    expect(view.names[s.users.secretary.id]).toBe('李秘书');
    // Synced: the snapshot carries the decision.
    const row = s.db
      .prepare("SELECT payload FROM outbox WHERE record_type = 'case' ORDER BY seq DESC LIMIT 1")
      .get() as { payload: string };
    const snap = CaseRecordSnapshot.parse(JSON.parse(row.payload));
    expect(snap).toMatchObject({ status: 'not_accepted', declineReasonZh: '不属于消费者权益争议' });
    // History in words: the status and the decision's fields.
    const last = caseHistory(s.ctx, s.users.secretary, { caseId: c.id }).at(-1);
    expect(last?.action).toBe('case.decline');
    expect(last?.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', before: 'registered', after: 'not_accepted' },
        { field: 'declineReferTo', before: null, after: '区人民法院或商场物业管理处' },
      ]),
    );
  });

  it('the manager may decide after a first look (in progress); a note may still be added, nothing else', () => {
    s = openTestStore();
    const c = phoneCase(s);
    forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
    const d = declineCase(s.ctx, s.users.manager, { ...decision(c.id), declineReason: 'not_this_branch' });
    expect(d.status).toBe('not_accepted');
    expect(addNote(s.ctx, s.users.secretary, { caseId: c.id, text: '已电话告知顾客' }).status).toBe('not_accepted');
    const err = refusedUnchanged(() =>
      resolveCase(s.ctx, s.users.staff, { caseId: c.id, type: 'explanation', summary: '解释' }),
    );
    expect(err.code).toBe('INVALID_TRANSITION');
    expect(err.messages.zh).toContain('不予受理');
  });

  it('refused from a status past the first look, and a second time', () => {
    s = openTestStore();
    const c = phoneCase(s);
    forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
    resolveCase(s.ctx, s.users.staff, { caseId: c.id, type: 'explanation', summary: '已向顾客解释' });
    const err = refusedUnchanged(() => declineCase(s.ctx, s.users.secretary, decision(c.id)));
    expect(err.code).toBe('INVALID_TRANSITION');
    expect(err.messages).toEqual({
      zh: '个案处于“已处理”状态,不能决定不予受理',
      en: 'A case that is resolved cannot decide not to accept the case',
    });
    const other = phoneCase(s);
    declineCase(s.ctx, s.users.secretary, decision(other.id));
    expect(refusedUnchanged(() => declineCase(s.ctx, s.users.secretary, decision(other.id))).code).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('refused for roles without the right: service desk, unit staff, duty supervisor', () => {
    s = openTestStore();
    const c = phoneCase(s);
    for (const who of [s.users.clerk, s.users.staff, s.users.supervisor]) {
      const err = refusedUnchanged(() => declineCase(s.ctx, who, decision(c.id)));
      expect(err.code).toBe('FORBIDDEN');
      expect(err.messages.zh).toBe('您的角色无权决定不予受理');
    }
    expect(getCase(s.ctx, s.users.clerk, { caseId: c.id }).allowedActions).not.toContain('decline');
    expect(getCase(s.ctx, s.users.secretary, { caseId: c.id }).allowedActions).toContain('decline');
    expect(getCase(s.ctx, s.users.secretary, { caseId: c.id }).actionTargets.decline).toBe('not_accepted');
  });

  it('the reason must be chosen and be in the branch list; the words and the body are required', () => {
    s = openTestStore();
    const c = phoneCase(s);
    const empty = refusedUnchanged(() =>
      declineCase(s.ctx, s.users.secretary, { ...decision(c.id), declineReason: '' }),
    );
    expect(empty.issues).toEqual([
      {
        field: 'declineReason',
        message: { zh: '不予受理原因:请选择', en: 'Reason for not accepting please choose one' },
      },
    ]);
    const unknown = refusedUnchanged(() =>
      declineCase(s.ctx, s.users.secretary, { ...decision(c.id), declineReason: 'too_busy' }),
    );
    expect(unknown.code).toBe('VALIDATION');
    expect(unknown.messages.zh).toContain('不予受理原因须从本店的列表中选择:不属于本店处理范围、');
    expect(unknown.issues[0]?.field).toBe('declineReason');
    const noText = refusedUnchanged(() =>
      declineCase(s.ctx, s.users.secretary, { ...decision(c.id), declineText: '  ' }),
    );
    expect(noText.issues[0]).toEqual({
      field: 'declineText',
      message: { zh: '不予受理理由:必须填写', en: 'Reason in words is required' },
    });
    const noBody = refusedUnchanged(() => declineCase(s.ctx, s.users.secretary, { ...decision(c.id), referTo: '' }));
    expect(noBody.issues[0]?.field).toBe('referTo');
    // A reason the manager added to the list is accepted, with its words.
    s.settings.declineReasons = [
      ...s.settings.declineReasons,
      { code: 'mall_tenant', zh: '属商场租户经营', en: 'A mall tenant' },
    ];
    expect(declineCase(s.ctx, s.users.secretary, { ...decision(c.id), declineReason: 'mall_tenant' })).toMatchObject({
      declineReasonZh: '属商场租户经营',
    });
  });

  it('an open promise must be answered first', () => {
    s = openTestStore();
    const c = phoneCase(s);
    promiseReply(s.ctx, s.users.secretary, { caseId: c.id, promisedAt: '2026-11-24T16:00:00+08:00' });
    const err = refusedUnchanged(() => declineCase(s.ctx, s.users.secretary, decision(c.id)));
    expect(err.messages.zh).toBe('尚有未答复的约定回复,请先答复顾客,再决定不予受理');
  });

  it('a declined case is in no work queue (open, overdue, mine) even past its limit', () => {
    s = openTestStore();
    const kept = phoneCase(s);
    const declined = phoneCase(s, { customer: { name: '王五', phone: '139 0000 1111' } });
    declineCase(s.ctx, s.users.secretary, decision(declined.id));
    s.clock.t += 3 * 86_400_000;
    const ids = (queue: 'open' | 'overdue' | 'mine') =>
      listQueue(s.ctx, s.users.secretary, { queue }).rows.map((r) => r.id);
    for (const q of ['open', 'overdue', 'mine'] as const) {
      expect(ids(q)).toContain(kept.id);
      expect(ids(q)).not.toContain(declined.id);
    }
    expect(queueCounts(s.ctx, s.users.secretary)).toMatchObject({ overdue: 1, mine: 1 });
  });

  it('the summary counts it apart: its own figure, neither open nor late; the head-office facts agree', () => {
    s = openTestStore();
    phoneCase(s);
    const d = declineCase(s.ctx, s.users.secretary, decision(phoneCase(s).id));
    s.clock.t += 3 * 86_400_000;
    const r = computeSummary(s.ctx, s.users.secretary, { periodType: 'month', date: '2026-11-24' });
    expect(r.summary.total).toBe(2);
    expect(r.summary.closing).toMatchObject({ not_accepted: 1, open: 1, late: 0 });
    expect(r.summary.openOverdue).toBe(1);
    expect(caseFacts(d, []).closing).toBe('not_accepted');
  });

  it('a supervisor may reopen it: accepted again, the decision cleared, the timeline keeps it', () => {
    s = openTestStore();
    const c = phoneCase(s);
    declineCase(s.ctx, s.users.secretary, decision(c.id));
    const r = reopenCase(s.ctx, s.users.supervisor, { caseId: c.id, reason: '顾客补充了购买凭证' });
    expect(r.status).toBe('in_progress');
    expect(r.declineReasonCode).toBeNull();
    expect(r.declinedAt).toBeNull();
    expect(r.dueAt).not.toBeNull();
    expect(r.events.map((e) => e.kind)).toEqual(['intake', 'decline', 'reopen']);
  });
});
