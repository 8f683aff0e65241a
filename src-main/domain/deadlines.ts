// Time limits (SPEC §4). A deadline is computed from the case's facts and the settings;
// the store keeps the computed instant only to order queues, never an "overdue" flag.
import type { Channel } from '../shared/enums';
import { addDays, businessDayOf, closeOf, type BusinessHours } from './business-time';
import {
  type DayReason,
  type GovernmentDayCount,
  governmentDay,
  limitDays,
  shippedWorkingCalendar,
  type WorkingCalendar,
} from './working-calendar';

export interface DeadlineSettings {
  timeZone: string;
  businessHours: BusinessHours;
  governmentReplyDays: number;
  /** Working days (the 12315 rules) or calendar days; absent: working. */
  governmentDayCount?: GovernmentDayCount;
  /** The branch's working calendar with its closures; absent: the shipped one (head office). */
  calendar?: WorkingCalendar;
}

export const calendarOf = (s: DeadlineSettings): WorkingCalendar => s.calendar ?? shippedWorkingCalendar();

/** The local date a case's handling limit falls on (the business day of receipt `day`). */
export function limitDate(channel: Channel, day: string, extended: boolean, s: DeadlineSettings): string {
  const cal = calendarOf(s);
  if (channel === 'government')
    return governmentDay(cal, day, s.governmentReplyDays, s.governmentDayCount ?? 'working');
  const d = limitDays(cal, day);
  return extended ? d.nextDay : d.sameDay;
}

export interface DeadlineFacts {
  channel: Channel;
  receivedAt: number;
  /** Recorded reason (phone) or customer's consent (in store) to finish the next day. */
  extendedToNextDay: boolean;
  /** When the result was first fed back to the customer (or the body); the limit is then met. */
  firstFedBackAt: number | null;
  /** In store: when it was resolved at the counter with the customer there; the limit is then met too. */
  counterResolvedAt?: number | null;
  /** Promised reply times not yet kept. */
  openPromises: number[];
}

/** The limit for handling and feeding back: same day, next day, or N days for a government body. */
export function handlingDeadline(
  f: Pick<DeadlineFacts, 'channel' | 'receivedAt' | 'extendedToNextDay'>,
  s: DeadlineSettings,
): number {
  const day = businessDayOf(f.receivedAt, s.businessHours, s.timeZone);
  return closeOf(limitDate(f.channel, day, f.extendedToNextDay, s), s.businessHours, s.timeZone);
}

/** The handling limit and why its day is not the calendar-day rule's (the days passed over and their reasons). */
export interface ExplainedDeadline {
  at: number;
  /** The business day of receipt. */
  receivedDay: string;
  /** The day the calendar-day rule gives (day of receipt, +1 extended, +N government). */
  plainDay: string;
  dueDay: string;
  /** Each day from plainDay on (and, counting working days, between) that was passed over, with its reason. */
  skipped: { date: string; reason: DayReason }[];
}

export function explainDeadline(
  f: Pick<DeadlineFacts, 'channel' | 'receivedAt' | 'extendedToNextDay'>,
  s: DeadlineSettings,
): ExplainedDeadline {
  const cal = calendarOf(s);
  const receivedDay = businessDayOf(f.receivedAt, s.businessHours, s.timeZone);
  const dueDay = limitDate(f.channel, receivedDay, f.extendedToNextDay, s);
  const plainDay =
    f.channel === 'government'
      ? addDays(receivedDay, s.governmentReplyDays)
      : f.extendedToNextDay
        ? addDays(receivedDay, 1)
        : receivedDay;
  const skipped: ExplainedDeadline['skipped'] = [];
  const government = f.channel === 'government';
  const countsWorking = government && (s.governmentDayCount ?? 'working') === 'working';
  const from = countsWorking ? addDays(receivedDay, 1) : government ? plainDay : receivedDay;
  for (let d = from; d < dueDay; d = addDays(d, 1)) {
    const passedOver = government ? !(cal.isWorkingDay(d) && cal.isOpen(d)) : !cal.isOpen(d);
    const reason = cal.reasonOf(d);
    if (passedOver && reason) skipped.push({ date: d, reason });
  }
  return { at: closeOf(dueDay, s.businessHours, s.timeZone), receivedDay, plainDay, dueDay, skipped };
}

/** Whether a channel may be extended to the next day, and what must be recorded for it. */
export function extensionRule(channel: Channel): 'reason' | 'consent' | 'not_applicable' {
  if (channel === 'government') return 'not_applicable';
  return channel === 'in_store' ? 'consent' : 'reason';
}

export interface Due {
  at: number;
  kind: 'handling' | 'promise';
}

/** The earliest obligation still open: the handling limit until first feedback, and every unkept promise. */
export function currentDue(f: DeadlineFacts, s: DeadlineSettings): Due | null {
  const met = f.firstFedBackAt !== null || (f.channel === 'in_store' && f.counterResolvedAt != null);
  let due: Due | null = met ? null : { at: handlingDeadline(f, s), kind: 'handling' };
  for (const p of f.openPromises) {
    if (due === null || p < due.at) due = { at: p, kind: 'promise' };
  }
  return due;
}
