// The working calendar (issue 21 §2): which local dates are working days and which the branch is open,
// from head office's calendar years (or the shipped ones) and the branch's local closures. Pure and
// memoised: deadlines ask it about the same few dates on every case change and on 100,000-case reports.
// A date outside every known year follows the ordinary rule: Monday–Friday working, every day open.
import type { Bilingual, CalendarDayKind, CalendarYear } from '../shared/reference-data';
import { CalendarYear as CalendarYearSchema } from '../shared/reference-data';
import y2025 from '../shared/reference/cn-calendar-2025.json';
import y2026 from '../shared/reference/cn-calendar-2026.json';
import y2027 from '../shared/reference/cn-calendar-2027.json';
import { addDays } from './business-time';

/** A day the manager closed this branch (renovation, stock-take …). */
export interface LocalClosure {
  date: string;
  reason: string;
}

/** Why a day is not an ordinary one; null for an ordinary day. */
export type DayReason =
  { kind: CalendarDayKind; name: Bilingual } | { kind: 'local_closure'; reason: string } | { kind: 'weekend' };

/** How far a search for an open or working day may go; real calendars need a few weeks at most. */
const MAX_SEARCH_DAYS = 3660;

export class WorkingCalendar {
  private readonly listed = new Map<string, { kind: CalendarDayKind; name: Bilingual }>();
  private readonly closures = new Map<string, string>();
  private readonly working = new Map<string, boolean>();
  private readonly found = new Map<string, string>();

  constructor(
    readonly years: readonly CalendarYear[],
    readonly localClosures: readonly LocalClosure[] = [],
  ) {
    for (const y of years) for (const d of y.days) this.listed.set(d.date, { kind: d.kind, name: d.name });
    for (const c of localClosures) this.closures.set(c.date, c.reason);
  }

  /** The branch opens that day: every day unless the chain closed it ('closed') or the manager did. */
  isOpen(date: string): boolean {
    return !this.closures.has(date) && this.listed.get(date)?.kind !== 'closed';
  }

  /** A working day: Monday–Friday unless a holiday or closed; Saturday/Sunday only as 调休上班. */
  isWorkingDay(date: string): boolean {
    let w = this.working.get(date);
    if (w === undefined) {
      const kind = this.listed.get(date)?.kind;
      w = kind === 'workday' || (kind === undefined && !isWeekend(date));
      this.working.set(date, w);
    }
    return w;
  }

  /** Why a day is not ordinary (a local closure first: it is the branch's own word for that day). */
  reasonOf(date: string): DayReason | null {
    const local = this.closures.get(date);
    if (local !== undefined) return { kind: 'local_closure', reason: local };
    const listed = this.listed.get(date);
    if (listed) return listed;
    return isWeekend(date) ? { kind: 'weekend' } : null;
  }

  /** `date` itself when the branch is open, else the first open day after it. */
  firstOpenFrom(date: string): string {
    return this.search(
      `o${date}`,
      () => date,
      (d) => this.isOpen(d),
    );
  }

  /** The first open day after `date`. */
  nextOpenAfter(date: string): string {
    return this.search(
      `n${date}`,
      () => addDays(date, 1),
      (d) => this.isOpen(d),
    );
  }

  /** The first day from `date` on that is a working day and open. */
  firstWorkingOpenFrom(date: string): string {
    return this.search(
      `w${date}`,
      () => date,
      (d) => this.isWorkingDay(d) && this.isOpen(d),
    );
  }

  /** The `n`th working-and-open day after `date` (`date` itself does not count). */
  nthWorkingOpenAfter(date: string, n: number): string {
    const key = `${n}@${date}`;
    let d = this.found.get(key);
    if (d === undefined) {
      d = date;
      for (let i = 0; i < n; i++) d = this.firstWorkingOpenFrom(addDays(d, 1));
      this.found.set(key, d);
    }
    return d;
  }

  /** `from` is a function: a remembered answer costs no date arithmetic. */
  private search(key: string, from: () => string, ok: (d: string) => boolean): string {
    let d = this.found.get(key);
    if (d === undefined) {
      d = from();
      // Invariant: known years and closures are finite, so an ordinary day comes within a year or so.
      for (let i = 0; i < MAX_SEARCH_DAYS && !ok(d); i++) d = addDays(d, 1);
      this.found.set(key, d);
    }
    return d;
  }
}

const isWeekend = (date: string): boolean => {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow === 0 || dow === 6;
};

let shipped: WorkingCalendar | null = null;

/** The calendar shipped with the app (2025–2027, State Council), without closures: for callers that know no other (head office). */
export function shippedWorkingCalendar(): WorkingCalendar {
  shipped ??= new WorkingCalendar([y2025, y2026, y2027].map((y) => CalendarYearSchema.parse(y)));
  return shipped;
}

/** How the government reply days are counted (setting governmentDayCount). */
export type GovernmentDayCount = 'working' | 'calendar';

/** The local dates a case's limits fall on, from the business day it was received. */
export interface LimitDays {
  /** Same-day limit: the business day of receipt, or the next open day. */
  sameDay: string;
  /** Next-day limit: the first open day after the same-day one. */
  nextDay: string;
}

export const limitDays = (cal: WorkingCalendar, day: string): LimitDays => {
  const sameDay = cal.firstOpenFrom(day);
  return { sameDay, nextDay: cal.nextOpenAfter(sameDay) };
};

/**
 * A government body's limit: the Nth working open day after the day of receipt ('working'), or day + N
 * and, when that is not a working open day, the first one after it ('calendar'; 民法典 第二百零三条).
 */
export const governmentDay = (cal: WorkingCalendar, day: string, n: number, count: GovernmentDayCount): string =>
  count === 'working' ? cal.nthWorkingOpenAfter(day, n) : cal.firstWorkingOpenFrom(addDays(day, n));
