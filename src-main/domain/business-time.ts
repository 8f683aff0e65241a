// The branch's business day (SPEC §4): "the day" runs from opening to closing in the
// branch's time zone. Times are epoch milliseconds (UTC); dates are ISO local dates.
import { DateTime } from 'luxon';

export interface BusinessHours {
  open: string; // HH:mm
  close: string; // HH:mm
}

const minutes = (hm: string): number => {
  const [h, m] = hm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** True when closing is on the calendar day after opening (e.g. 10:00–02:00). */
const closesOvernight = (hours: BusinessHours): boolean => minutes(hours.close) <= minutes(hours.open);

// closeOf is pure and asked about the same few days on every case change (twice per deadline):
// remembered by its arguments, bounded so that a long-running app does not grow it.
const closes = new Map<string, number>();
const CLOSES_KEPT = 4096;

/** The instant the business day `localDate` closes. */
export function closeOf(localDate: string, hours: BusinessHours, tz: string): number {
  const key = `${localDate} ${hours.open} ${hours.close} ${tz}`;
  let at = closes.get(key);
  if (at === undefined) {
    if (closes.size >= CLOSES_KEPT) closes.clear();
    at = computeCloseOf(localDate, hours, tz);
    closes.set(key, at);
  }
  return at;
}

function computeCloseOf(localDate: string, hours: BusinessHours, tz: string): number {
  const [h, m] = hours.close.split(':').map(Number);
  // The calendar day it closes on first, then the time: setting 02:00 on a day whose 02:00 does not
  // exist (a spring-forward day) and then adding a day would close an hour late on the next.
  const day = DateTime.fromISO(localDate, { zone: tz }).plus({ days: closesOvernight(hours) ? 1 : 0 });
  return day.set({ hour: h, minute: m, second: 0, millisecond: 0 }).toMillis();
}

const DAY_MS = 86_400_000;

/** `localDate` plus `days` calendar days. Plain UTC date arithmetic (deadlines call it often); luxon outside years 1000–9999. */
export function addDays(localDate: string, days: number): string {
  const t = Date.parse(`${localDate}T00:00:00Z`) + days * DAY_MS;
  const iso = Number.isFinite(t) ? new Date(t).toISOString() : '';
  if (/^[1-9]\d{3}-/.test(iso) && /^[1-9]\d{3}-\d{2}-\d{2}$/.test(localDate)) return iso.slice(0, 10);
  return DateTime.fromISO(localDate, { zone: 'UTC' }).plus({ days }).toISODate() as string;
}

/** The calendar date of an instant in the time zone. */
export const localDateOf = (ms: number, tz: string): string =>
  DateTime.fromMillis(ms, { zone: tz }).toISODate() as string;

// A zone's UTC offset, looked up once per quarter hour of UTC: real zones change offset on quarter-hour
// boundaries, and a quarter whose first and last millisecond differ (old local mean times) is not kept.
const QUARTER_MS = 15 * 60_000;
const offsets = new Map<string, number>();
const OFFSETS_KEPT = 4096;

function offsetMinutes(ms: number, tz: string): number {
  const q = Math.floor(ms / QUARTER_MS);
  const key = `${q} ${tz}`;
  const kept = offsets.get(key);
  if (kept !== undefined) return kept;
  const first = DateTime.fromMillis(q * QUARTER_MS, { zone: tz }).offset;
  if (DateTime.fromMillis((q + 1) * QUARTER_MS - 1, { zone: tz }).offset !== first)
    return DateTime.fromMillis(ms, { zone: tz }).offset;
  if (offsets.size >= OFFSETS_KEPT) offsets.clear();
  offsets.set(key, first);
  return first;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Local date, hour and minute of an instant; luxon itself for an unknown zone or a year outside 1000–9999. */
function wallClock(ms: number, tz: string): { date: string; month: string; hour: number; minute: number } {
  const off = offsetMinutes(ms, tz);
  const w = new Date(ms + off * 60_000);
  const year = w.getUTCFullYear();
  if (!Number.isFinite(off) || year < 1000 || year > 9999) {
    const local = DateTime.fromMillis(ms, { zone: tz });
    return {
      date: local.toISODate() as string,
      month: local.toFormat('yyyyLL'),
      hour: local.hour,
      minute: local.minute,
    };
  }
  const month = `${year}${pad(w.getUTCMonth() + 1, 2)}`;
  return {
    date: `${year}-${pad(w.getUTCMonth() + 1, 2)}-${pad(w.getUTCDate(), 2)}`,
    month,
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
  };
}

/** The business day an instant belongs to: after closing time it is already the next day's business. */
export function businessDayOf(ms: number, hours: BusinessHours, tz: string): string {
  const local = wallClock(ms, tz);
  let day = local.date;
  if (closesOvernight(hours) && local.hour * 60 + local.minute < minutes(hours.close)) day = addDays(day, -1);
  return ms >= closeOf(day, hours, tz) ? addDays(day, 1) : day;
}

/** The first instant of the next calendar day in the time zone (end of "today" for queues). */
export const endOfLocalDay = (ms: number, tz: string): number =>
  DateTime.fromMillis(ms, { zone: tz }).startOf('day').plus({ days: 1 }).toMillis();

/** `yyyymm` of the local month an instant falls in (numbering, SPEC §6). */
export const localMonth = (ms: number, tz: string): string => wallClock(ms, tz).month;

/** The same instant one calendar year earlier (rolling 12 months, SPEC §9). */
export const twelveMonthsBefore = (ms: number, tz: string): number =>
  DateTime.fromMillis(ms, { zone: tz }).minus({ months: 12 }).toMillis();
