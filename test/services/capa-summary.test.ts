// 纠正预防措施 in the summary and in the manager's per-staff / per-unit view (issue 18 §1), on a real store:
// set, done, confirmed and overdue counted in the period they happened in, printed in the PDF and CSV;
// founded complaints counted against the staff and unit complained about with their actions' states.
import { afterEach, describe, expect, it } from 'vitest';
import { capaAccounts } from '../../src-main/services/capa-accounts';
import { recordFinding } from '../../src-main/services/case-details';
import { forwardCase } from '../../src-main/services/case-workflow';
import {
  confirmCorrectiveAction,
  createCorrectiveAction,
  markCorrectiveActionDone,
} from '../../src-main/services/corrective-actions';
import { summaryCsv, summaryPdf } from '../../src-main/services/report-export';
import { computeSummary } from '../../src-main/services/reports';
import { AppError } from '../../src-main/shared/errors';
import type { Finding } from '../../src-main/shared/enums';
import { readPdf, squash } from '../helpers/pdf-text';
import { openTestStore, phoneCase, T0, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());
const DAY = 86_400_000;
const NOVEMBER = { periodType: 'month', date: '2026-11-24', previousCount: 0 } as const;

function caseFound(finding: Finding, staffNo: string | null) {
  const c = phoneCase(s, staffNo ? { complainedStaffName: '刘鞋部', complainedStaffNo: staffNo } : {});
  forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
  recordFinding(s.ctx, s.users.secretary, { caseId: c.id, cause: 'staff', finding });
  return c;
}

/** Three actions: one confirmed, one done, one overdue on the 25th; one more due in December. */
function seed() {
  s = openTestStore();
  const c = caseFound('founded', 'U001');
  caseFound('partly_founded', 'u001');
  caseFound('unfounded', 'U001');
  const set = (over: Record<string, string | undefined>) =>
    createCorrectiveAction(s.ctx, s.users.secretary, {
      caseId: c.id,
      responsibleUserId: s.users.staff.id,
      actionText: '培训',
      dueOn: '2026-11-25',
      ...over,
    }).action;
  const confirmed = set({});
  const done = set({ dueOn: '2026-11-26' });
  set({});
  set({ responsibleUserId: undefined, responsibleUnitId: s.units.shoes, dueOn: '2026-12-03' });
  markCorrectiveActionDone(s.ctx, s.users.staff, { actionId: confirmed.id, doneNote: '已做' });
  confirmCorrectiveAction(s.ctx, s.users.manager, { actionId: confirmed.id, effectNote: '有效' });
  markCorrectiveActionDone(s.ctx, s.users.staff, { actionId: done.id, doneNote: '已做' });
  s.clock.t = T0 + 3 * DAY;
}

describe('纠正预防措施 in the summary', () => {
  it('counts set, done, confirmed and overdue in the period, on screen data, PDF and CSV', async () => {
    seed();
    const report = computeSummary(s.ctx, s.users.secretary, NOVEMBER);
    expect(report.summary.correctiveActions).toEqual({ opened: 4, done: 2, confirmed: 1, overdue: 1 });
    const december = computeSummary(s.ctx, s.users.secretary, { ...NOVEMBER, date: '2026-12-10' });
    expect(december.summary.correctiveActions).toEqual({ opened: 0, done: 0, confirmed: 0, overdue: 0 });
    const pdf = squash(
      (await readPdf(await summaryPdf(report, 'zh-CN', { creationDate: new Date(T0) }))).map((p) => p.text).join(''),
    );
    expect(pdf).toContain('纠正预防措施项目件数本期制定4本期完成2本期效果确认1本期到期未按时完成1');
    const csv = summaryCsv(report, 'en').toString('utf8');
    expect(csv).toContain('Due in the period and not done on time,1');
  });
});

describe("the manager's per-staff and per-unit view", () => {
  it('counts founded complaints against the staff (any case of her number) and unit, and their actions', () => {
    seed();
    const rows = capaAccounts(s.ctx, s.users.manager, { from: '2026-11-01', to: '2026-11-30' });
    expect(rows).toEqual([
      {
        kind: 'staff',
        key: 'U001',
        name: '刘鞋部',
        founded: 1,
        partlyFounded: 1,
        open: 1,
        done: 1,
        confirmed: 1,
        overdue: 1,
      },
      {
        kind: 'unit',
        key: s.units.shoes,
        name: '鞋部',
        founded: 1,
        partlyFounded: 1,
        open: 1,
        done: 0,
        confirmed: 0,
        overdue: 0,
      },
    ]);
    expect(capaAccounts(s.ctx, s.users.manager, { from: '2026-12-01', to: '2026-12-31' })).toEqual([]);
  });

  it('is refused to anyone but the manager, and a period that ends before it starts', () => {
    seed();
    for (const who of [s.users.supervisor, s.users.secretary, s.users.clerk]) {
      expect(() => capaAccounts(s.ctx, who, { from: '2026-11-01', to: '2026-11-30' })).toThrow(AppError);
    }
    try {
      capaAccounts(s.ctx, s.users.manager, { from: '2026-11-30', to: '2026-11-01' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).issues[0]).toMatchObject({ field: 'to' });
      expect((e as AppError).issues[0]?.message.zh).toMatch(/结束日期不能早于开始日期/);
    }
  });
});
