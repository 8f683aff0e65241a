// Local closures on a real store (issue 21 §2): the manager adds and removes them with a reason, audited and
// synced as audit; refusals change nothing; stored deadlines of open cases and the summary follow at once.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/handlers';
import { getCase } from '../../src-main/services/case-read';
import { createCase } from '../../src-main/services/case-intake';
import { BranchSettingsSchema, DEFAULT_BRANCH_SETTINGS } from '../../src-main/shared/settings-schema';
import { recordFeedback, resolveCase } from '../../src-main/services/case-workflow';
import { computeSummary } from '../../src-main/services/reports';
import { addLocalClosure, calendarYearView, removeLocalClosure } from '../../src-main/services/working-calendar';
import { calendarYears, storeReference } from '../../src-main/db/repositories/reference-repo';
import { refreshDeadlines } from '../../src-main/services/deadline-refresh';
import { MONTH } from '../helpers/report-seed';
import { openTestStore, phoneCase, storeCounts, T0, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const HOUR = 3_600_000;
const sh = (iso: string) => Date.parse(`${iso}+08:00`);
const dueOf = (st: TestStore, id: string) =>
  (st.db.prepare('SELECT due_at AS d FROM cases WHERE id = ?').get(id) as { d: number | null }).d;
const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as { code: string; messages: { zh: string; en: string }; issues: { field: string }[] };
  }
  throw new Error('not refused');
};

describe('local closures', () => {
  it('the manager closes a day: open cases move to the next opening; removing moves them back; audited', () => {
    s = openTestStore();
    const c = phoneCase(s);
    expect(dueOf(s, c.id)).toBe(sh('2026-11-24T21:00:00'));
    const closure = addLocalClosure(s.ctx, s.users.manager, { date: '2026-11-24', reason: '  店内装修  ' });
    expect(closure.reason).toBe('店内装修');
    expect(dueOf(s, c.id)).toBe(sh('2026-11-25T21:00:00'));
    // The case screen says why (issue 21 §2, 4b).
    expect(getCase(s.ctx, s.users.secretary, { caseId: c.id }).due).toMatchObject({
      at: sh('2026-11-25T21:00:00'),
      kind: 'handling',
      why: { zh: '本店停业(店内装修),顺延至 11月25日', en: 'branch closed (店内装修); moved to 25 Nov' },
    });
    const view = calendarYearView(s.ctx, s.users.clerk, { year: 2026 });
    expect(view.localClosures.map((x) => x.date)).toEqual(['2026-11-24']);
    expect(view.calendar?.source).toContain('国务院办公厅');
    expect(view.published).toBeNull();
    expect(view.years).toEqual(expect.arrayContaining([2025, 2026, 2027]));

    removeLocalClosure(s.ctx, s.users.manager, { id: closure.id, reason: '装修推迟' });
    expect(dueOf(s, c.id)).toBe(sh('2026-11-24T21:00:00'));
    expect(getCase(s.ctx, s.users.secretary, { caseId: c.id }).due?.why).toBeNull();
    expect(calendarYearView(s.ctx, s.users.manager, { year: 2026 }).localClosures).toEqual([]);

    const audit = s.db
      .prepare("SELECT action, entity_id AS id FROM audit_log WHERE entity = 'local_closure' ORDER BY at, action")
      .all();
    expect(audit).toEqual([
      { action: 'local_closure.add', id: closure.id },
      { action: 'local_closure.remove', id: closure.id },
    ]);
    const sent = s.db
      .prepare("SELECT count(*) AS n FROM outbox WHERE record_type = 'audit' AND payload LIKE '%local_closure%'")
      .get() as { n: number };
    expect(sent.n).toBe(2);
    // The same date may be closed again once the earlier closure was removed.
    expect(addLocalClosure(s.ctx, s.users.manager, { date: '2026-11-24', reason: '再次装修' }).date).toBe('2026-11-24');
  });

  it('refuses a past date, a date already closed, anyone but the manager, a short reason; nothing is written', () => {
    s = openTestStore();
    addLocalClosure(s.ctx, s.users.manager, { date: '2026-12-01', reason: '盘点' });
    const before = storeCounts(s.db);
    const past = errorOf(() => addLocalClosure(s.ctx, s.users.manager, { date: '2026-11-23', reason: '盘点' }));
    expect(past.code).toBe('VALIDATION');
    expect(past.messages.zh).toContain('已过去');
    expect(errorOf(() => addLocalClosure(s.ctx, s.users.manager, { date: '2026-12-01', reason: '装修' })).code).toBe(
      'CONFLICT',
    );
    expect(errorOf(() => addLocalClosure(s.ctx, s.users.secretary, { date: '2026-12-02', reason: '装修' })).code).toBe(
      'FORBIDDEN',
    );
    const short = errorOf(() => addLocalClosure(s.ctx, s.users.manager, { date: '2026-12-02', reason: ' 修 ' }));
    expect(short.code).toBe('VALIDATION');
    expect(short.issues.map((i) => i.field)).toEqual(['reason']);
    expect(errorOf(() => addLocalClosure(s.ctx, s.users.manager, { date: '2026-02-30', reason: '装修' })).code).toBe(
      'VALIDATION',
    );
    const id = calendarYearView(s.ctx, s.users.manager, { year: 2026 }).localClosures[0]?.id ?? '';
    expect(errorOf(() => removeLocalClosure(s.ctx, s.users.clerk, { id, reason: '取消' })).code).toBe('FORBIDDEN');
    expect(
      errorOf(() =>
        removeLocalClosure(s.ctx, s.users.manager, { id: '0190a0b0-0000-7000-8000-000000000000', reason: '取消' }),
      ).code,
    ).toBe('NOT_FOUND');
    expect(storeCounts(s.db)).toEqual(before);
    // Once the day has passed it is history.
    s.clock.t = Date.parse('2026-12-02T10:00:00+08:00');
    expect(errorOf(() => removeLocalClosure(s.ctx, s.users.manager, { id, reason: '取消' })).code).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('through the handler map: add, the year view, remove', async () => {
    s = openTestStore();
    const mgr = { user: s.users.manager };
    const added = await dispatch(s.app.ctx, mgr, 'calendar.closureAdd', { date: '2026-12-24', reason: '年终盘点' });
    if (!added.ok) throw new Error(JSON.stringify(added.error));
    const view = await dispatch(s.app.ctx, mgr, 'calendar.year', { year: 2026 });
    if (!view.ok) throw new Error(JSON.stringify(view.error));
    expect(view.value.localClosures.map((c) => c.reason)).toEqual(['年终盘点']);
    const refused = await dispatch(s.app.ctx, { user: s.users.clerk }, 'calendar.closureRemove', {
      id: added.value.id,
      reason: '取消',
    });
    expect(refused.ok).toBe(false);
    const removed = await dispatch(s.app.ctx, mgr, 'calendar.closureRemove', {
      id: added.value.id,
      reason: '取消盘点',
    });
    expect(removed.ok).toBe(true);
  });
});

describe('reports recompute from the current calendar', () => {
  it('a closure on the day of receipt turns a late feedback into a same-day one, and back when removed', () => {
    s = openTestStore({ at: sh('2026-11-23T10:00:00') });
    const closure = addLocalClosure(s.ctx, s.users.manager, { date: '2026-11-24', reason: '停电检修' });
    s.clock.t = T0;
    const c = phoneCase(s);
    resolveCase(s.ctx, s.users.secretary, { caseId: c.id, type: 'explanation', summary: '向顾客解释' });
    s.clock.t = T0 + 26 * HOUR; // 11-25 12:00
    recordFeedback(s.ctx, s.users.secretary, { caseId: c.id, satisfaction: 'satisfied', disputed: false });
    const withClosure = computeSummary(s.ctx, s.users.secretary, MONTH).summary.closing;
    expect(withClosure.same_day).toBe(1);
    expect(withClosure.late).toBe(0);
    // Removed (the clock set back to that day: a closed day that has passed can no longer be removed).
    s.clock.t = sh('2026-11-24T08:00:00');
    removeLocalClosure(s.ctx, s.users.manager, { id: closure.id, reason: '检修取消' });
    const after = computeSummary(s.ctx, s.users.secretary, MONTH).summary.closing;
    expect(after.late).toBe(1);
    expect(after.same_day).toBe(0);
  });

  it('a calendar year stored from head office counts once refreshDeadlines ran (what the sync apply calls)', () => {
    s = openTestStore();
    const c = phoneCase(s);
    resolveCase(s.ctx, s.users.secretary, { caseId: c.id, type: 'explanation', summary: '向顾客解释' });
    s.clock.t = T0 + 26 * HOUR;
    recordFeedback(s.ctx, s.users.secretary, { caseId: c.id, satisfaction: 'satisfied', disputed: false });
    expect(computeSummary(s.ctx, s.users.secretary, MONTH).summary.closing.late).toBe(1);
    const y2026 = calendarYears(s.db).find((y) => y.year === 2026);
    if (!y2026) throw new Error('2026 is shipped');
    const body = {
      ...y2026,
      days: [
        ...y2026.days,
        { date: '2026-11-24', kind: 'closed' as const, name: { zh: '全店停业', en: 'Chain closed' } },
      ],
    };
    s.db.transaction(() => {
      storeReference(
        s.db,
        {
          kind: 'calendar',
          key: '2026',
          version: 2,
          publishedAt: '2026-11-20T02:00:00.000Z',
          publishedBy: '周审核',
          body,
        },
        'network',
        s.clock.t,
      );
      refreshDeadlines(s.ctx);
    })();
    const sum = computeSummary(s.ctx, s.users.secretary, MONTH).summary.closing;
    expect(sum.late).toBe(0);
    expect(sum.same_day).toBe(1);
    const view = calendarYearView(s.ctx, s.users.manager, { year: 2026 });
    expect(view.published).toEqual({
      version: 2,
      at: Date.parse('2026-11-20T02:00:00.000Z'),
      by: '周审核',
      receivedVia: 'network',
    });
  });
});

describe('the government day count (setting governmentDayCount)', () => {
  it('12315 received 2026-09-30 10:00: stored due 10-13 21:00 counting working days, 10-08 21:00 calendar days', () => {
    s = openTestStore({ at: sh('2026-09-30T10:00:00') });
    const c = createCase(s.ctx, s.users.clerk, {
      channel: 'government',
      government: { body: '12315', referenceNo: 'GS-2026-930', contactPerson: '周科员', contactPhone: '12315' },
      customer: { name: '匿名转办人', phone: '13700137000' },
      content: '顾客反映超市出售过期酸奶',
      categoryCode: 'product_quality',
      complainedUnitId: s.units.food,
    });
    expect(dueOf(s, c.id)).toBe(sh('2026-10-13T21:00:00'));
    // The manager switches to calendar days: the settings change refreshes the open cases (app.ts).
    s.settings.governmentDayCount = 'calendar';
    refreshDeadlines(s.ctx);
    expect(dueOf(s, c.id)).toBe(sh('2026-10-08T21:00:00'));
    expect(getCase(s.ctx, s.users.secretary, { caseId: c.id }).due?.why).toEqual({
      zh: '国庆节休息,顺延至 10月8日',
      en: 'National Day holiday; moved to 8 Oct',
    });
  });

  it('defaults to working days; only working or calendar is accepted', () => {
    const { governmentDayCount: _drop, ...old } = DEFAULT_BRANCH_SETTINGS;
    expect(BranchSettingsSchema.parse(old).governmentDayCount).toBe('working');
    expect(BranchSettingsSchema.safeParse({ ...old, governmentDayCount: 'lunar' }).success).toBe(false);
  });
});
