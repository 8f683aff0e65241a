// How a case met its handling limit (SPEC §4), for the record form: same day, next day, within a
// government body's reply days, late, or still open. The same rule as the summary's closing
// (domain/summary caseFacts; a test holds them equal), built on deadlines.ts handlingDeadline.
import type { Closing } from '../shared/summary-types';
import type { CaseRecord } from '../shared/types';
import { businessDayOf, closeOf } from './business-time';
import { type DeadlineSettings, handlingDeadline, limitDate } from './deadlines';

export type ClosingFacts = Pick<
  CaseRecord,
  'channel' | 'status' | 'receivedAt' | 'extendedAt' | 'firstFedBackAt' | 'counterResolvedAt'
> &
  Partial<Pick<CaseRecord, 'mergedInto'>>;

/** When the limit was met: resolved at the counter with the customer there (in store), else first feedback. */
export function limitMetAt(c: ClosingFacts): number | null {
  return (c.channel === 'in_store' ? c.counterResolvedAt : null) ?? c.firstFedBackAt;
}

/**
 * Invariant: 'open' until the limit is met, whatever the status (a resolved case not yet fed back
 * is open); 'not_accepted' has no handling limit at all; 'duplicate' (issue 22) was merged into another case.
 */
export function caseClosing(c: ClosingFacts, s: DeadlineSettings): Closing {
  if (c.status === 'not_accepted') return 'not_accepted';
  if (c.mergedInto) return 'duplicate';
  const met = limitMetAt(c);
  if (met === null) return 'open';
  const deadline = handlingDeadline(
    { channel: c.channel, receivedAt: c.receivedAt, extendedToNextDay: c.extendedAt !== null },
    s,
  );
  const day = businessDayOf(c.receivedAt, s.businessHours, s.timeZone);
  if (met > deadline) return 'late';
  // Same day and next day by the working calendar: a day the branch is closed passes over.
  if (
    met <=
    closeOf(limitDate(c.channel === 'government' ? 'phone' : c.channel, day, false, s), s.businessHours, s.timeZone)
  )
    return 'same_day';
  if (
    met <=
    closeOf(limitDate(c.channel === 'government' ? 'phone' : c.channel, day, true, s), s.businessHours, s.timeZone)
  )
    return 'next_day';
  return 'within_limit';
}
