import { afterEach, describe, expect, it } from 'vitest';
import { promiseReply } from '../../src-main/services/case-details';
import { createCase } from '../../src-main/services/case-intake';
import { getCase } from '../../src-main/services/case-read';
import { forwardCase, recordFeedback, resolveCase } from '../../src-main/services/case-workflow';
import { completeFollowUp, scheduleFollowUp } from '../../src-main/services/follow-ups';
import { listQueue, queueCounts } from '../../src-main/services/queues';
import type { QueueName } from '../../src-main/shared/enums';
import type { Actor } from '../../src-main/domain/case-machine';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());
const HOUR = 3_600_000;

function all(st: TestStore, actor: Actor, queue: QueueName, limit = 3) {
  const rows = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const p = listQueue(st.ctx, actor, { queue, limit, ...(cursor ? { cursor } : {}) });
    rows.push(...p.rows);
    if (!p.nextCursor) return rows;
    cursor = p.nextCursor;
  }
  throw new Error('no end');
}

describe('queues', () => {
  it('order by deadline, page by keyset without loss or repetition, and split due today from overdue', () => {
    s = openTestStore({ at: Date.parse('2026-11-24T09:30:00+08:00') });
    const sec = s.users.secretary;
    const gov = createCase(s.ctx, sec, {
      channel: 'government',
      government: { body: '12315', referenceNo: 'A1' },
      customer: { name: '甲' },
      content: '甲投诉',
      categoryCode: 'price',
    });
    const phones = Array.from({ length: 7 }, (_, i) =>
      phoneCase(s, { customer: { name: `乙${i}`, phone: `1370000000${i}` } }),
    );
    // A promise an hour from now makes that case the most urgent.
    promiseReply(s.ctx, sec, { caseId: phones[3]!.id, promisedAt: new Date(s.clock.t + HOUR).toISOString() });
    const open = all(s, sec, 'open');
    expect(open).toHaveLength(8);
    expect(open[0]!.id).toBe(phones[3]!.id);
    expect(open[open.length - 1]!.id).toBe(gov.id);
    const keys = open.map((r) => r.dueAt as number);
    expect([...keys].sort((a, b) => a - b)).toEqual(keys);
    expect(new Set(open.map((r) => r.id)).size).toBe(8);

    expect(all(s, sec, 'due_today').map((r) => r.id)).toHaveLength(7);
    expect(all(s, sec, 'overdue')).toHaveLength(0);
    s.clock.t = Date.parse('2026-11-24T21:05:00+08:00');
    const overdue = all(s, sec, 'overdue');
    expect(overdue).toHaveLength(7);
    expect(overdue.every((r) => r.overdue)).toBe(true);
    expect(all(s, sec, 'due_today')).toHaveLength(0);
    expect(queueCounts(s.ctx, sec)).toMatchObject({ overdue: 7, due_today: 0, mine: 8 });
  });

  it('mine: what I registered or was assigned; for unit staff, their unit', () => {
    s = openTestStore();
    const { clerk, secretary, staff, otherStaff } = s.users;
    const a = phoneCase(s, {}, clerk);
    const b = phoneCase(s, { customer: { name: '丙', phone: '13100131000' } }, secretary);
    forwardCase(s.ctx, secretary, { caseId: b.id, handlingUnitId: s.units.shoes, assigneeId: clerk.id });
    expect(
      all(s, clerk, 'mine')
        .map((r) => r.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    expect(all(s, staff, 'mine').map((r) => r.id)).toEqual([b.id]);
    expect(all(s, otherStaff, 'mine')).toEqual([]);
  });

  it('awaiting follow-up lists pending follow-ups by due date; filed lists newest filing first', () => {
    s = openTestStore();
    const sec = s.users.secretary;
    const c = phoneCase(s);
    forwardCase(s.ctx, sec, { caseId: c.id, handlingUnitId: s.units.shoes });
    resolveCase(s.ctx, sec, { caseId: c.id, type: 'repair', summary: '已维修' });
    recordFeedback(s.ctx, sec, { caseId: c.id, satisfaction: 'satisfied', disputed: false });
    const late = scheduleFollowUp(s.ctx, sec, { caseId: c.id, dueDate: '2026-12-05' }).followUp;
    const soon = scheduleFollowUp(s.ctx, sec, { caseId: c.id, dueDate: '2026-11-27' }).followUp;
    const rows = all(s, sec, 'awaiting_follow_up', 1);
    expect(rows.map((r) => r.followUpDueAt)).toEqual([soon.dueAt, late.dueAt]);
    completeFollowUp(s.ctx, sec, { followUpId: soon.id, outcome: 'reached_satisfied', result: '顾客表示满意' });
    expect(all(s, sec, 'awaiting_follow_up')).toHaveLength(1);
    expect(getCase(s.ctx, sec, { caseId: c.id }).followUps.map((f) => f.doneAt !== null)).toEqual([true, false]);
  });

  it('withholds anonymous content from roles without the right, and refuses a forged cursor', () => {
    s = openTestStore();
    const anon = createCase(s.ctx, s.users.clerk, {
      channel: 'letter',
      anonymous: true,
      content: '匿名举报:某员工私自收款',
      categoryCode: 'staff_service',
    });
    const clerkRow = all(s, s.users.clerk, 'open')[0]!;
    expect(clerkRow).toMatchObject({ id: anon.id, excerpt: null });
    expect(all(s, s.users.secretary, 'open')[0]!.excerpt).toContain('匿名举报');
    const view = getCase(s.ctx, s.users.clerk, { caseId: anon.id });
    expect(view).toMatchObject({ content: null, contentHidden: true });
    expect(getCase(s.ctx, s.users.supervisor, { caseId: anon.id }).content).toContain('私自收款');
    expect(() => listQueue(s.ctx, s.users.clerk, { queue: 'open', cursor: 'bm90LWEtY3Vyc29y' })).toThrow(/cursor/);
    expect(() => listQueue(s.ctx, s.users.clerk, { queue: 'nope' })).toThrow(/Queue/);
  });
});

describe('deadlines after a settings change', () => {
  it('are recomputed for open cases when business hours change, and the due-soon queue follows', async () => {
    const { refreshDeadlines } = await import('../../src-main/services/deadline-refresh');
    s = openTestStore({ at: Date.parse('2026-11-24T18:00:00+08:00') });
    const c = phoneCase(s);
    expect(all(s, s.users.secretary, 'due_soon').map((r) => r.id)).toEqual([c.id]); // 21:00 is within 4 hours
    s.settings.businessHours = { open: '09:00', close: '22:30' };
    expect(refreshDeadlines(s.ctx)).toBe(1);
    expect(getCase(s.ctx, s.users.secretary, { caseId: c.id }).dueAt).toBe(Date.parse('2026-11-24T22:30:00+08:00'));
    expect(refreshDeadlines(s.ctx)).toBe(0);
    expect(getCase(s.ctx, s.users.secretary, { caseId: c.id }).customerCases).toEqual([]);
    const again = phoneCase(s);
    expect(getCase(s.ctx, s.users.secretary, { caseId: again.id }).customerCases.map((x) => x.id)).toEqual([c.id]);
  });
});
