// Time limits (SPEC §4). A deadline is computed from the case's facts and the settings;
// the store keeps the computed instant only to order queues, never an "overdue" flag.
import type { Channel } from '../shared/enums';
import { addDays, businessDayOf, closeOf, type BusinessHours } from './business-time';

export interface DeadlineSettings {
  timeZone: string;
  businessHours: BusinessHours;
  governmentReplyDays: number;
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
  if (f.channel === 'government') return closeOf(addDays(day, s.governmentReplyDays), s.businessHours, s.timeZone);
  return closeOf(f.extendedToNextDay ? addDays(day, 1) : day, s.businessHours, s.timeZone);
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
