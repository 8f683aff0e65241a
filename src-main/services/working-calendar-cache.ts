// The branch's working calendar, built once per store from the calendar years it holds (head office's or
// the shipped ones) and its manager's local closures, and kept until either changes: deadlines ask for it
// on every case change. refreshDeadlines() forgets it first, so every change to the calendar goes through there.
import type { Db } from '../db/connection';
import { calendarYears } from '../db/repositories/reference-repo';
import type { DeadlineSettings } from '../domain/deadlines';
import { WorkingCalendar } from '../domain/working-calendar';
import { activeLocalClosures } from '../db/repositories/local-closure-repo';
import type { BranchSettings } from '../shared/settings-schema';
import type { ServiceContext } from './context';

const kept = new WeakMap<Db, WorkingCalendar>();

/** The calendar in force for this store (memoised per connection). */
export function workingCalendarOf(ctx: Pick<ServiceContext, 'db'>): WorkingCalendar {
  let cal = kept.get(ctx.db);
  if (!cal) {
    cal = new WorkingCalendar(calendarYears(ctx.db), activeLocalClosures(ctx.db));
    kept.set(ctx.db, cal);
  }
  return cal;
}

/** Forget the kept calendar: a calendar year was stored or a local closure added or removed. */
export function forgetWorkingCalendar(ctx: Pick<ServiceContext, 'db'>): void {
  kept.delete(ctx.db);
}

/** The settings deadlines are computed with: the branch's, with its working calendar. */
export const deadlineSettingsOf = (ctx: ServiceContext, s: BranchSettings = ctx.settings()): DeadlineSettings => ({
  timeZone: s.timeZone,
  businessHours: s.businessHours,
  governmentReplyDays: s.governmentReplyDays,
  governmentDayCount: s.governmentDayCount,
  calendar: workingCalendarOf(ctx),
});
