// Report periods (SPEC §8): an ISO week (Monday start) or a calendar month in the branch's
// time zone, as the half-open interval [from, to) of UTC instants.
import { DateTime } from 'luxon';

import { type Period, type PeriodType } from '../shared/summary-types';

export { PERIOD_TYPES, type Period, type PeriodType } from '../shared/summary-types';

const unit = (type: PeriodType) => (type === 'week' ? 'week' : 'month') as 'week' | 'month';

function fromStart(type: PeriodType, start: DateTime): Period {
  const end = start.plus(type === 'week' ? { weeks: 1 } : { months: 1 });
  return {
    type,
    key: type === 'week' ? start.toFormat("kkkk-'W'WW") : start.toFormat('yyyy-LL'),
    firstDate: start.toISODate() as string,
    lastDate: end.minus({ days: 1 }).toISODate() as string,
    from: start.toMillis(),
    to: end.toMillis(),
  };
}

/** The period of the given type that contains the instant. */
export function periodContaining(type: PeriodType, ms: number, timeZone: string): Period {
  // luxon's startOf('week') is the ISO week, which starts on Monday.
  return fromStart(type, DateTime.fromMillis(ms, { zone: timeZone }).startOf(unit(type)));
}

/** The period of the given type that contains a local date (yyyy-mm-dd). */
export function periodOfDate(type: PeriodType, localDate: string, timeZone: string): Period {
  const dt = DateTime.fromISO(localDate, { zone: timeZone });
  if (!dt.isValid) throw new RangeError(`not a date: ${localDate}`);
  return fromStart(type, dt.startOf(unit(type)));
}

/** The `count` periods before `p`, oldest first. */
export function previousPeriods(p: Period, count: number, timeZone: string): Period[] {
  const start = DateTime.fromMillis(p.from, { zone: timeZone });
  const out: Period[] = [];
  for (let i = count; i >= 1; i--)
    out.push(fromStart(p.type, start.minus(p.type === 'week' ? { weeks: i } : { months: i })));
  return out;
}

export const periodContains = (p: Pick<Period, 'from' | 'to'>, ms: number): boolean => ms >= p.from && ms < p.to;
