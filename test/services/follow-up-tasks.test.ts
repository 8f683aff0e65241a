// Follow-ups as tasks (回访, SPEC §12): proposed after feedback from the branch's setting, each with
// an assignee and an outcome code; after the set number of unreachable attempts the case may be
// filed as "customer unreachable"; a customer reached and not satisfied disputes the result.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/handlers';
import { caseHistory } from '../../src-main/services/case-history';
import { getCase } from '../../src-main/services/case-read';
import { forwardCase, recordFeedback, resolveCase, submitCase } from '../../src-main/services/case-workflow';
import { recordFinding } from '../../src-main/services/case-details';
import { fileUnreachable } from '../../src-main/services/follow-up-tasks';
import { completeFollowUp, scheduleFollowUp } from '../../src-main/services/follow-ups';
import { listQueue, queueCounts } from '../../src-main/services/queues';
import { setUserActive } from '../../src-main/services/users';
import { BranchSettingsSchema, DEFAULT_BRANCH_SETTINGS } from '../../src-main/shared/settings-schema';
import { CaseRecordSnapshot, FollowUpRecordSnapshot } from '../../src-main/sync/record-snapshots';
import { openTestStore, phoneCase, storeCounts, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

/** A phone case resolved and fed back at T0 (2026-11-24 10:00, Shanghai), with its finding. */
function fedBack() {
  const { secretary, staff } = s.users;
  const c = phoneCase(s);
  forwardCase(s.ctx, secretary, { caseId: c.id, handlingUnitId: s.units.shoes, assigneeId: staff.id });
  resolveCase(s.ctx, staff, { caseId: c.id, type: 'refund', summary: '同意退货', amountFen: 45900 });
  recordFinding(s.ctx, secretary, { caseId: c.id, cause: 'product_or_service', finding: 'founded' });
  recordFeedback(s.ctx, secretary, { caseId: c.id, satisfaction: 'satisfied', disputed: false });
  return c;
}

const schedule = (caseId: string, dueDate: string, assigneeId?: string) =>
  scheduleFollowUp(s.ctx, s.users.secretary, { caseId, dueDate, ...(assigneeId ? { assigneeId } : {}) }).followUp;

describe('proposals from the setting', () => {
  it('proposes one follow-up 3 days after feedback by default, to the secretary herself, and creates nothing', () => {
    s = openTestStore();
    const c = fedBack();
    const before = storeCounts(s.db);
    const v = getCase(s.ctx, s.users.secretary, { caseId: c.id });
    expect(v.followUpProposals).toEqual([{ index: 0, dueDate: '2026-11-27', assigneeId: s.users.secretary.id }]);
    expect(v.unreachableAttemptsToFile).toBe(2);
    // The assignee list: herself first, then the case's handler.
    expect(v.followUpAssignees.slice(0, 2).map((a) => a.id)).toEqual([s.users.secretary.id, s.users.staff.id]);
    expect(storeCounts(s.db)).toEqual(before);
    // Not to those who may not schedule follow-ups, and not before feedback.
    expect(getCase(s.ctx, s.users.clerk, { caseId: c.id }).followUpProposals).toEqual([]);
    expect(getCase(s.ctx, s.users.secretary, { caseId: phoneCase(s).id }).followUpProposals).toEqual([]);
  });

  it('follows the branch setting: two follow-ups at 2 and 7 days; a confirmed one is no longer proposed', () => {
    s = openTestStore({ settings: { followUpDays: [2, 7] } });
    const c = fedBack();
    const v = getCase(s.ctx, s.users.supervisor, { caseId: c.id });
    expect(v.followUpProposals.map((p) => [p.index, p.dueDate])).toEqual([
      [0, '2026-11-26'],
      [1, '2026-12-01'],
    ]);
    schedule(c.id, '2026-11-26');
    expect(getCase(s.ctx, s.users.supervisor, { caseId: c.id }).followUpProposals.map((p) => p.index)).toEqual([1]);
    s.settings.followUpDays = [];
    expect(getCase(s.ctx, s.users.supervisor, { caseId: c.id }).followUpProposals).toEqual([]);
  });

  it('proposes another attempt the next day after an unreachable one, until the set attempts are made', () => {
    s = openTestStore();
    const c = fedBack();
    const first = schedule(c.id, '2026-11-27', s.users.staff.id);
    completeFollowUp(s.ctx, s.users.secretary, { followUpId: first.id, outcome: 'unreachable', result: '无人接听' });
    const v = getCase(s.ctx, s.users.secretary, { caseId: c.id });
    expect(v.unreachableAttempts).toBe(1);
    expect(v.followUpProposals).toEqual([{ index: null, dueDate: '2026-11-25', assigneeId: s.users.staff.id }]);
    const second = schedule(c.id, '2026-11-25');
    completeFollowUp(s.ctx, s.users.secretary, { followUpId: second.id, outcome: 'unreachable' });
    expect(getCase(s.ctx, s.users.secretary, { caseId: c.id }).followUpProposals).toEqual([]);
  });
});

describe('settings', () => {
  it('accepts the defaults and refuses bad follow-up settings', () => {
    // A settings file from before these settings gets the defaults.
    const { followUpDays: _d, unreachableAttemptsToFile: _u, ...older } = DEFAULT_BRANCH_SETTINGS;
    const base = BranchSettingsSchema.parse(older);
    expect(base.followUpDays).toEqual([3]);
    expect(base.unreachableAttemptsToFile).toBe(2);
    const bad = (patch: Record<string, unknown>) => BranchSettingsSchema.safeParse({ ...base, ...patch }).success;
    expect(bad({ followUpDays: [3, 3] })).toBe(false);
    expect(bad({ followUpDays: [7, 3] })).toBe(false);
    expect(bad({ followUpDays: [0] })).toBe(false);
    expect(bad({ followUpDays: [1, 2, 3, 4, 5, 6] })).toBe(false);
    expect(bad({ unreachableAttemptsToFile: 0 })).toBe(false);
    expect(bad({ unreachableAttemptsToFile: 1.5 })).toBe(false);
    expect(bad({ followUpDays: [], unreachableAttemptsToFile: 3 })).toBe(true);
    expect(bad({ followUpDays: [1, 3, 7] })).toBe(true);
  });
});

describe('scheduling and recording', () => {
  it('requires the assignee to be an active member of staff', async () => {
    s = openTestStore();
    const c = fedBack();
    setUserActive(s.ctx, s.users.manager, { userId: s.users.otherStaff.id, active: false });
    const before = storeCounts(s.db);
    for (const assigneeId of [s.users.otherStaff.id, '01936f5e-0000-7000-8000-00000000abcd']) {
      const r = await dispatch(s.ctx, { user: s.users.secretary }, 'followUps.schedule', {
        caseId: c.id,
        dueDate: '2026-11-27',
        assigneeId,
      });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.issues?.[0]?.field).toBe('assigneeId');
        expect(r.error.message.zh).toBe('所选人员不存在或已停用');
      }
    }
    expect(storeCounts(s.db)).toEqual(before);
    const fu = schedule(c.id, '2026-11-27', s.users.staff.id);
    expect(fu.assigneeId).toBe(s.users.staff.id);
    expect(schedule(c.id, '2026-11-28').assigneeId).toBe(s.users.secretary.id);
  });

  it('requires an outcome code and keeps the note within 500 characters; nothing changes on a refusal', async () => {
    s = openTestStore();
    const c = fedBack();
    const fu = schedule(c.id, '2026-11-27');
    const before = storeCounts(s.db);
    const noOutcome = await dispatch(s.ctx, { user: s.users.secretary }, 'followUps.complete', {
      followUpId: fu.id,
      result: '已联系',
    });
    expect(noOutcome.ok).toBe(false);
    if (!noOutcome.ok) expect(noOutcome.error.issues?.map((i) => i.field)).toContain('outcome');
    const badCode = await dispatch(s.ctx, { user: s.users.secretary }, 'followUps.complete', {
      followUpId: fu.id,
      outcome: 'maybe',
    });
    expect(badCode.ok).toBe(false);
    const long = await dispatch(s.ctx, { user: s.users.secretary }, 'followUps.complete', {
      followUpId: fu.id,
      outcome: 'reached_satisfied',
      result: '好'.repeat(501),
    });
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.error.issues?.map((i) => i.field)).toContain('result');
    expect(storeCounts(s.db)).toEqual(before);
    const ok = completeFollowUp(s.ctx, s.users.secretary, {
      followUpId: fu.id,
      outcome: 'reached_satisfied',
      result: '好'.repeat(500),
    });
    expect(ok.followUp).toMatchObject({ outcome: 'reached_satisfied', doneBy: s.users.secretary.id });
    expect(ok.case.status).toBe('fed_back');
  });

  it('lets the assignee record her own follow-up whatever her role; refuses other roles without the right', () => {
    s = openTestStore();
    const c = fedBack();
    const mine = schedule(c.id, '2026-11-27', s.users.staff.id);
    const other = schedule(c.id, '2026-11-28');
    const before = storeCounts(s.db);
    expect(() => scheduleFollowUp(s.ctx, s.users.clerk, { caseId: c.id, dueDate: '2026-11-27' })).toThrow(
      /may not follow up/,
    );
    expect(() => completeFollowUp(s.ctx, s.users.clerk, { followUpId: other.id, outcome: 'unreachable' })).toThrow(
      /Only the assignee/,
    );
    expect(() => completeFollowUp(s.ctx, s.users.staff, { followUpId: other.id, outcome: 'unreachable' })).toThrow(
      /Only the assignee/,
    );
    expect(storeCounts(s.db)).toEqual(before);
    const done = completeFollowUp(s.ctx, s.users.staff, { followUpId: mine.id, outcome: 'unreachable' });
    expect(done.case.unreachableAttempts).toBe(1);
  });

  it('a customer reached and not satisfied disputes the result (to be escalated), before filing', () => {
    s = openTestStore();
    const c = fedBack();
    submitCase(s.ctx, s.users.secretary, { caseId: c.id });
    const fu = schedule(c.id, '2026-11-27');
    const r = completeFollowUp(s.ctx, s.users.secretary, {
      followUpId: fu.id,
      outcome: 'reached_unsatisfied',
      result: '顾客认为退款太慢',
    });
    expect(r.case).toMatchObject({ status: 'disputed', disputed: true });
    const v = getCase(s.ctx, s.users.secretary, { caseId: c.id });
    expect(v.allowedActions).toContain('escalate');
  });
});

describe('filing as customer unreachable', () => {
  it('is refused before enough unreachable attempts and allowed after; the reason is kept, shown and synced', async () => {
    s = openTestStore();
    const c = fedBack();
    const blocked = getCase(s.ctx, s.users.secretary, { caseId: c.id });
    expect(blocked.allowedActions).not.toContain('file_unreachable');
    expect(blocked.blockedActions.find((b) => b.action === 'file_unreachable')?.reason.zh).toBe(
      '须有 2 次联系不上的回访记录才能以顾客无法联系建档(现有 0 次)',
    );
    const a = schedule(c.id, '2026-11-27');
    completeFollowUp(s.ctx, s.users.secretary, { followUpId: a.id, outcome: 'unreachable', result: '无人接听' });
    const before = storeCounts(s.db);
    const refused = await dispatch(s.ctx, { user: s.users.secretary }, 'cases.fileUnreachable', { caseId: c.id });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message.en).toMatch(/needs 2 unreachable follow-ups \(there are 1\)/);
    expect(storeCounts(s.db)).toEqual(before);
    // A reached follow-up does not count.
    const reached = schedule(c.id, '2026-11-27');
    completeFollowUp(s.ctx, s.users.secretary, { followUpId: reached.id, outcome: 'reached_satisfied' });
    expect(() => fileUnreachable(s.ctx, s.users.secretary, { caseId: c.id })).toThrow(/\(there are 1\)/);
    const b = schedule(c.id, '2026-11-28');
    completeFollowUp(s.ctx, s.users.secretary, { followUpId: b.id, outcome: 'unreachable', result: '关机' });
    // Roles: unit staff and the clerk may not file.
    expect(() => fileUnreachable(s.ctx, s.users.staff, { caseId: c.id })).toThrow(
      /may not file the case as customer unreachable/,
    );
    expect(() => fileUnreachable(s.ctx, s.users.clerk, { caseId: c.id })).toThrow(/may not file/);
    const filed = fileUnreachable(s.ctx, s.users.secretary, { caseId: c.id });
    expect(filed).toMatchObject({ status: 'filed', filingReason: 'customer_unreachable', unreachableAttempts: 2 });
    // The snapshot head office receives carries it; so do the follow-up records.
    const snap = s.db
      .prepare("SELECT payload FROM outbox WHERE record_type = 'case' AND record_id = ? ORDER BY seq DESC LIMIT 1")
      .get(c.id) as { payload: string };
    expect(CaseRecordSnapshot.parse(JSON.parse(snap.payload))).toMatchObject({
      filingReason: 'customer_unreachable',
      unreachableAttempts: 2,
    });
    const fuSnap = s.db
      .prepare("SELECT payload FROM outbox WHERE record_type = 'follow_up' AND record_id = ? ORDER BY seq DESC LIMIT 1")
      .get(b.id) as { payload: string };
    expect(FollowUpRecordSnapshot.parse(JSON.parse(fuSnap.payload))).toMatchObject({
      outcome: 'unreachable',
      assigneeId: s.users.secretary.id,
    });
    // History: the follow-ups with their outcome codes and the filing reason.
    const h = caseHistory(s.ctx, s.users.secretary, { caseId: c.id });
    const completes = h.filter((e) => e.action === 'follow_up.complete');
    expect(completes.map((e) => e.changes.find((x) => x.field === 'outcome')?.after)).toEqual([
      'unreachable',
      'reached_satisfied',
      'unreachable',
    ]);
    expect(h.find((e) => e.action === 'follow_up.schedule')?.changes.map((x) => x.field)).toEqual([
      'dueDate',
      'assigneeId',
    ]);
    const last = h[h.length - 1];
    expect(last?.action).toBe('case.file_unreachable');
    expect(last?.changes).toContainEqual({ field: 'filingReason', before: null, after: 'customer_unreachable' });
  });

  it('is refused before the result is recorded, with the next step named', () => {
    s = openTestStore();
    const c = phoneCase(s);
    const v = getCase(s.ctx, s.users.secretary, { caseId: c.id });
    expect(v.blockedActions).toContainEqual({
      action: 'file_unreachable',
      reason: { zh: '请先记录处理结果', en: 'Record the resolution first' },
    });
    expect(() => fileUnreachable(s.ctx, s.users.secretary, { caseId: c.id })).toThrow(
      /registered cannot file the case as customer unreachable/,
    );
  });
});

describe('queues', () => {
  it('lists the assignee her own due follow-ups under 我的回访, and every open one under 待回访', () => {
    s = openTestStore();
    const c = fedBack();
    schedule(c.id, '2026-11-24', s.users.staff.id);
    schedule(c.id, '2026-11-30', s.users.staff.id);
    schedule(c.id, '2026-11-24');
    const staffCounts = queueCounts(s.ctx, s.users.staff);
    expect(staffCounts.my_follow_ups).toBe(1);
    expect(queueCounts(s.ctx, s.users.secretary)).toMatchObject({ my_follow_ups: 1, awaiting_follow_up: 3 });
    const mine = listQueue(s.ctx, s.users.staff, { queue: 'my_follow_ups', limit: 10 });
    expect(mine.rows.map((r) => r.number)).toEqual([c.number]);
    // Later, the one due on the 30th is due too.
    s.clock.t = Date.parse('2026-11-30T09:00:00+08:00');
    expect(queueCounts(s.ctx, s.users.staff).my_follow_ups).toBe(2);
  });
});
