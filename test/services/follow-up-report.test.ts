// Follow-ups in what is printed and counted: the record form prints each follow-up's assignee and
// outcome and the filing reason (read back from the PDF); the summary counts follow-ups by outcome
// and the cases filed as "customer unreachable", at the branch and in head office's snapshots.
import { afterEach, describe, expect, it } from 'vitest';
import { caseFacts, periodOfDate, summarize } from '../../src-main/domain/summary';
import { recordFinding } from '../../src-main/services/case-details';
import { forwardCase, recordFeedback, resolveCase } from '../../src-main/services/case-workflow';
import { fileUnreachable } from '../../src-main/services/follow-up-tasks';
import { completeFollowUp, scheduleFollowUp } from '../../src-main/services/follow-ups';
import { printCaseRecord } from '../../src-main/services/print';
import { summaryPdf } from '../../src-main/services/report-export';
import { computeSummary } from '../../src-main/services/reports';
import { readPdf, squash } from '../helpers/pdf-text';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

/** Two fed-back cases: one reached and satisfied, one unreachable twice and filed as such, plus an open follow-up. */
function twoCases() {
  const { secretary, staff } = s.users;
  const fed = () => {
    const c = phoneCase(s);
    forwardCase(s.ctx, secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
    resolveCase(s.ctx, staff, { caseId: c.id, type: 'refund', summary: '同意退货', amountFen: 45900 });
    recordFinding(s.ctx, secretary, { caseId: c.id, cause: 'product_or_service', finding: 'founded' });
    recordFeedback(s.ctx, secretary, { caseId: c.id, satisfaction: 'satisfied', disputed: false });
    return c;
  };
  const happy = fed();
  const lost = fed();
  const sched = (caseId: string, assigneeId = secretary.id) =>
    scheduleFollowUp(s.ctx, secretary, { caseId, dueDate: '2026-11-27', assigneeId }).followUp;
  completeFollowUp(s.ctx, secretary, { followUpId: sched(happy.id).id, outcome: 'reached_satisfied' });
  sched(happy.id);
  completeFollowUp(s.ctx, staff, {
    followUpId: sched(lost.id, staff.id).id,
    outcome: 'unreachable',
    result: '拨打两次无人接听',
  });
  completeFollowUp(s.ctx, secretary, { followUpId: sched(lost.id).id, outcome: 'unreachable', result: '电话关机' });
  fileUnreachable(s.ctx, secretary, { caseId: lost.id });
  return { happy, lost };
}

describe('follow-ups in the summary', () => {
  it('counts follow-ups by outcome and the cases filed as customer unreachable; the PDF prints them', async () => {
    s = openTestStore();
    twoCases();
    const r = computeSummary(s.ctx, s.users.secretary, { periodType: 'month', date: '2026-11-24' });
    expect(r.summary.followUps).toEqual({ reached_satisfied: 1, reached_unsatisfied: 0, unreachable: 2, open: 1 });
    expect(r.summary.filedUnreachable).toBe(1);
    const text = squash((await readPdf(await summaryPdf(r))).map((p) => p.text).join(''));
    expect(text).toContain('回访');
    expect(text).toContain('联系不上2');
    expect(text).toContain('以顾客无法联系建档1');
  });

  it('head office counts the same from the snapshots it receives', () => {
    const period = periodOfDate('month', '2026-11-24', 'Asia/Shanghai');
    const base = { number: 'X', channel: 'phone' as const, categoryCode: 'other', receivedAt: period.from + 1000 };
    const facts = [
      caseFacts(
        {
          ...base,
          id: 'a',
          filingReason: 'customer_unreachable',
          followUps: [{ outcome: 'unreachable' }, { outcome: 'unreachable' }],
        },
        [],
      ),
      // Older snapshots: no follow-ups, no filing reason; a free-text follow-up done without a code is left out.
      caseFacts({ ...base, id: 'b', followUps: [{ doneAt: 5, outcome: null }, { doneAt: null }] }, []),
    ];
    const sum = summarize(facts, period, []);
    expect(sum.followUps).toEqual({ reached_satisfied: 0, reached_unsatisfied: 0, unreachable: 2, open: 1 });
    expect(sum.filedUnreachable).toBe(1);
  });
});

describe('follow-ups on the record form', () => {
  it('prints each follow-up with its assignee, outcome and note, and the filing reason', async () => {
    s = openTestStore();
    const { lost } = twoCases();
    const pages = await readPdf(await printCaseRecord(s.ctx, s.users.secretary, lost.id));
    const text = squash(pages.map((p) => p.text).join(''));
    expect(text).toContain('回访人:刘鞋部');
    expect(text).toContain('联系不上');
    expect(text).toContain('拨打两次无人接听');
    expect(text).toContain('电话关机');
    expect(text).toContain('建档原因');
    expect(text).toContain('顾客无法联系(联系不上次数2)');
  });
});
