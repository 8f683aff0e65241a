// The branch summary on a real SQLite store: the figures from cases and slips written
// through the services, the job through the handler map (progress, result, exports),
// refusal for a clerk, and a cancelled job that stops and leaves no result.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../src-main/handlers';
import { reportJobsFor } from '../../src-main/handlers/report-handlers';
import type { AppContext, Session } from '../../src-main/handlers/types';
import { ReportJobs } from '../../src-main/services/report-jobs';
import { computeSummary } from '../../src-main/services/reports';
import type { ReportJobStatus, SummaryReport } from '../../src-main/shared/summary-types';
import { MONTH, seedReportCases } from '../helpers/report-seed';
import { openTestStore, T0, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => {
  vi.useRealTimers();
  s?.close();
});

const HOUR = 3_600_000;

const session = (st: TestStore, who: keyof TestStore['users']): Session => ({ user: st.users[who] });

async function runJob(ctx: AppContext, sess: Session, input: unknown): Promise<SummaryReport> {
  const started = await dispatch(ctx, sess, 'reports.start', input);
  if (!started.ok) throw new Error(JSON.stringify(started.error));
  await reportJobsFor(ctx).settled(started.value.jobId);
  const r = await dispatch(ctx, sess, 'reports.result', { jobId: started.value.jobId });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('branch summary from the store', () => {
  it('counts what the services wrote', () => {
    s = openTestStore();
    const { b } = seedReportCases(s);
    s.clock.t = T0 + 48 * HOUR;
    const r = computeSummary(s.ctx, s.users.secretary, MONTH);
    const sum = r.summary;
    expect(sum.period.key).toBe('2026-11');
    expect(sum.total).toBe(2);
    expect(sum.byChannel.find((c) => c.key === 'phone')?.count).toBe(2);
    expect(sum.byCategory).toEqual([
      { key: 'product_quality', count: 1 },
      { key: 'service_attitude', count: 1 },
    ]);
    expect(Object.fromEntries(sum.byUnit.map((u) => [r.names.units[u.key], u.count]))).toEqual({ 鞋部: 1, 食品部: 1 });
    expect(sum.closing).toMatchObject({ same_day: 1, late: 1, open: 0 });
    expect(sum.satisfaction).toMatchObject({ satisfied: 1, unsatisfied: 1 });
    expect([sum.disputed, sum.escalated, sum.escalationsByKind.duty_supervisor]).toEqual([1, 1, 1]);
    expect(sum.typical.map((t) => t.caseId)).toEqual([b.id]);
    expect(sum.slips).toMatchObject({
      count: 2,
      returns: 1,
      exchanges: 1,
      refundFen: 45_900,
      qualityCount: 1,
      commissionCount: 1,
      commissionFen: 45_900,
    });
    expect(sum.trend.map((t) => [t.key, t.total])).toEqual([
      ['2026-09', 0],
      ['2026-10', 1],
      ['2026-11', 2],
    ]);
    expect(r.names.categories.product_quality?.zh).toBe('商品质量');
    expect(r.branch).toEqual({ code: 'SH01', name: '上海一店' });
    // The week of T0 (Monday 23 to Sunday 29 November) has the same two cases.
    expect(
      computeSummary(s.ctx, s.users.manager, { periodType: 'week', date: '2026-11-24', previousCount: 0 }).summary
        .total,
    ).toBe(2);
  });

  it('as a job through the handler map: progress events, then the same result as computed at once', async () => {
    s = openTestStore();
    seedReportCases(s);
    const events: ReportJobStatus[] = [];
    const ctx: AppContext = { ...s.ctx, emit: (e, p) => e === 'reports.progress' && events.push(p as ReportJobStatus) };
    const r = await runJob(ctx, session(s, 'supervisor'), MONTH);
    expect(r.summary).toEqual(computeSummary(s.ctx, s.users.supervisor, MONTH).summary);
    expect(events.at(-1)).toMatchObject({ state: 'done', done: 3, total: 3 });
    // The job is its starter's: another user does not see it.
    const started = await dispatch(ctx, session(s, 'supervisor'), 'reports.start', MONTH);
    if (!started.ok) throw new Error('start refused');
    await reportJobsFor(ctx).settled(started.value.jobId);
    expect(await dispatch(ctx, session(s, 'manager'), 'reports.result', { jobId: started.value.jobId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('is refused to a service-desk clerk and unit staff, with a message naming who may', async () => {
    s = openTestStore();
    seedReportCases(s);
    for (const who of ['clerk', 'staff'] as const) {
      const r = await dispatch(s.ctx, session(s, who), 'reports.start', MONTH);
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      if (!r.ok) expect(r.error.message.zh).toContain('秘书室');
    }
    expect(() => computeSummary(s.ctx, s.users.clerk, MONTH)).toThrow(/secretary office/);
    expect(
      await dispatch(s.ctx, session(s, 'secretary'), 'reports.start', { periodType: 'quarter', date: '2026-11-24' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('cancelling a long summary', () => {
  it('stops between chunks, reads nothing more, and has no result', async () => {
    s = openTestStore();
    seedReportCases(s);
    // 40,000 more November cases, one every 50 s, copies of a seeded one, so the job runs over many slices.
    s.db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
      INSERT INTO cases (id, number, branch_code, channel, status, severity, received_at, received_by, anonymous, content, category_code, purchase_items, slip_numbers, version, created_at, updated_at)
      SELECT lower(hex(randomblob(16))), 'BULK-' || i, branch_code, channel, status, severity, received_at - i * 50000, received_by, anonymous, content, category_code, purchase_items, slip_numbers, 1, created_at, updated_at
      FROM n, (SELECT * FROM cases WHERE received_at >= ${T0} LIMIT 1)`);
    let jobs: ReportJobs | null = null;
    let cancelledAt = -1;
    const seen: ReportJobStatus[] = [];
    jobs = new ReportJobs((st) => {
      seen.push(st);
      if (st.state === 'running' && st.done > 0 && cancelledAt < 0) {
        cancelledAt = st.done;
        jobs?.cancel(s.users.secretary, st.jobId);
      }
    });
    // The job yields between slices with setImmediate: fake, so the test decides when slices run.
    vi.useFakeTimers({ toFake: ['setImmediate'] });
    const started = jobs.start(s.ctx, s.users.secretary, MONTH, 200);
    expect(started.total).toBe(40_003);
    await vi.runAllTimersAsync();
    await jobs.settled(started.jobId);
    const final = jobs.status(s.users.secretary, started.jobId);
    expect(final.state).toBe('cancelled');
    expect(cancelledAt).toBeGreaterThan(0);
    expect(final.done).toBe(cancelledAt);
    expect(final.done).toBeLessThan(final.total);
    expect(() => jobs?.result(s.users.secretary, started.jobId)).toThrow(/cancelled/);
    // Nothing runs on after the cancel: no slice is left scheduled, and running timers changes nothing.
    expect(vi.getTimerCount()).toBe(0);
    await vi.runAllTimersAsync();
    expect(jobs.status(s.users.secretary, started.jobId).done).toBe(cancelledAt);
    expect(seen.at(-1)?.state).toBe('cancelled');
  });
});
