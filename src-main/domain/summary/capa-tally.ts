// The summary's corrective-action counts (纠正预防措施, issue 18 §1): of the period, by what happened in it —
// set (opened), done, effect confirmed, and fallen overdue (due in the period, passed, not done by then). Pure.
import type { CorrectiveAction } from '../../shared/corrective-action-types';
import { isCapaOverdue } from '../../shared/corrective-action-types';
import type { CapaSummary, Period } from '../../shared/summary-types';
import { periodContains } from '../report-period';

export type CapaTimes = Pick<CorrectiveAction, 'createdAt' | 'doneAt' | 'confirmedAt' | 'dueAt'>;

/** `asOf`: the instant of the report (an action due later than it is not overdue yet). */
export function tallyCorrectiveActions(actions: readonly CapaTimes[], period: Period, asOf: number): CapaSummary {
  const out: CapaSummary = { opened: 0, done: 0, confirmed: 0, overdue: 0 };
  const inPeriod = (ms: number | null) => ms !== null && periodContains(period, ms);
  for (const a of actions) {
    if (inPeriod(a.createdAt)) out.opened++;
    if (inPeriod(a.doneAt)) out.done++;
    if (inPeriod(a.confirmedAt)) out.confirmed++;
    if (inPeriod(a.dueAt) && isCapaOverdue(a, asOf)) out.overdue++;
  }
  return out;
}
