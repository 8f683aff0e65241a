// Calendar days of the console (yyyy-mm-dd in head office's time zone) as UTC instants.
import { DateTime } from 'luxon';
import { CONSOLE_TIME_ZONE } from './api-contract';

export const dayStart = (day: string): number =>
  DateTime.fromISO(day, { zone: CONSOLE_TIME_ZONE }).startOf('day').toMillis();
/** The instant after the last moment of the day (to: inclusive day → exclusive bound). */
export const dayEnd = (day: string): number =>
  DateTime.fromISO(day, { zone: CONSOLE_TIME_ZONE }).startOf('day').plus({ days: 1 }).toMillis();
