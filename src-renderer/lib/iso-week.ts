// ISO weeks (2026-W48) of calendar days, by luxon: the week that holds the day's Thursday decides the year.
// The week picker (components/CalendarPickers.tsx) and the reports' week (features/reports) both use these.
import { DateTime } from 'luxon';

/** The ISO week of a day (YYYY-MM-DD), as 2026-W48. */
export const isoWeekOf = (localDate: string): string => DateTime.fromISO(localDate).toISOWeekDate()?.slice(0, 8) ?? '';

/** The Monday (YYYY-MM-DD) of an ISO week value; null when the value is not one. */
export function mondayOfIsoWeek(value: string): string | null {
  return /^\d{4}-W\d{2}$/.test(value) ? DateTime.fromISO(value).toISODate() : null;
}
