// GET /summary/branches: every branch side by side for one period, each column counted by the same
// summarize() over that branch's facts as /summary?branch= (so the two never disagree).
import { periodOfDate, summarize } from '../../src-main/domain/summary';
import type { HqStore } from '../store';
import { consolidatedFacts } from './consolidated-summary';
import { CONSOLE_TIME_ZONE, type SummaryQuery } from './api-contract';
import type { BranchColumn, BranchCompareAnswer } from './api-contract';

export async function branchCompare(store: HqStore, q: SummaryQuery, now: number): Promise<BranchCompareAnswer> {
  const known = await store.all<{ code: string }>('SELECT code FROM branches ORDER BY code', []);
  const columns: BranchColumn[] = [];
  for (const { code } of known) {
    const { period, previous, cases, standalone, datedSlips } = await consolidatedFacts(store, { ...q, branch: code });
    const s = summarize(
      cases.map((c) => c.facts),
      period,
      previous,
      { asOf: now, standaloneSlips: standalone.map((x) => x.slip), slips: datedSlips.map((x) => x.slip) },
    );
    const asked = s.satisfaction.satisfied + s.satisfaction.basically_satisfied + s.satisfaction.unsatisfied;
    columns.push({
      branch: code,
      cases: s.total,
      onTime: s.closing.same_day + s.closing.next_day + s.closing.within_limit,
      late: s.closing.late,
      open: s.closing.open,
      openOverdue: s.openOverdue,
      notAccepted: s.closing.not_accepted,
      major: s.bySeverity.major,
      satisfied: s.satisfaction.satisfied,
      basicallySatisfied: s.satisfaction.basically_satisfied,
      unsatisfied: s.satisfaction.unsatisfied,
      satisfactionRate: asked === 0 ? null : (s.satisfaction.satisfied + s.satisfaction.basically_satisfied) / asked,
      disputed: s.disputed,
      escalated: s.escalated,
      slips: s.slips.count,
      refundFen: s.slips.refundFen,
    });
  }
  const period = periodOfDate(q.period, q.date, CONSOLE_TIME_ZONE);
  return { period: q.period, firstDate: period.firstDate, lastDate: period.lastDate, branches: columns };
}
