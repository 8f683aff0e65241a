// A memoised business calendar for bulk work (reports over 100,000 cases). It gives exactly
// the answers of business-time.ts (property-tested against it) but calls luxon only once per
// local date instead of several times per case: the business day of an instant is the one
// date d with closeOf(d − 1) ≤ instant < closeOf(d).
import { addDays, closeOf, localDateOf, type BusinessHours } from './business-time';
import { type DeadlineSettings, limitDate } from './deadlines';

const DAY_MS = 86_400_000;

export interface BusinessDay {
  date: string;
  /** Closing of the day before: the business day starts there. */
  start: number;
  close: number;
  /** Closing of the next business day. */
  nextClose: number;
}

/** The limits of cases received on one business day, by the working calendar (deadlines.ts limitDate). */
export interface DayLimits {
  sameDayClose: number;
  nextDayClose: number;
  /** The local date a government body's reply is due. */
  governmentDay: string;
}

export class BusinessCalendar {
  private readonly closes = new Map<string, number>();
  private readonly days = new Map<string, BusinessDay>();
  /** Bulk callers go through instants in time order: the last day found usually fits again. */
  private last: BusinessDay | null = null;
  private readonly shifted = new Map<string, string>();
  private readonly utcDays = new Map<number, string>();
  private readonly limits = new Map<string, DayLimits>();

  constructor(
    readonly hours: BusinessHours,
    readonly timeZone: string,
  ) {}

  /** The closing instant of the business day `date`. */
  closeOf(date: string): number {
    let c = this.closes.get(date);
    if (c === undefined) {
      c = closeOf(date, this.hours, this.timeZone);
      this.closes.set(date, c);
    }
    return c;
  }

  addDays(date: string, days: number): string {
    const key = `${date}|${days}`;
    let d = this.shifted.get(key);
    if (d === undefined) {
      d = addDays(date, days);
      this.shifted.set(key, d);
    }
    return d;
  }

  /** The business day of an instant with its closing instants (same day as businessDayOf). */
  dayOf(ms: number): BusinessDay {
    const last = this.last;
    if (last !== null && ms >= last.start && ms < last.close) return last;
    const date = this.businessDayOf(ms);
    let day = this.days.get(date);
    if (!day) {
      day = {
        date,
        start: this.closeOf(this.addDays(date, -1)),
        close: this.closeOf(date),
        nextClose: this.closeOf(this.addDays(date, 1)),
      };
      this.days.set(date, day);
    }
    this.last = day;
    return day;
  }

  /**
   * The limits for a business day. Invariant: `s` is the same settings object (with the same calendar)
   * for every call on this BusinessCalendar (case-facts keeps one per settings object).
   */
  limitsOf(date: string, s: DeadlineSettings): DayLimits {
    let l = this.limits.get(date);
    if (l === undefined) {
      l = {
        sameDayClose: this.closeOf(limitDate('phone', date, false, s)),
        nextDayClose: this.closeOf(limitDate('phone', date, true, s)),
        governmentDay: limitDate('government', date, false, s),
      };
      this.limits.set(date, l);
    }
    return l;
  }

  /** Same answer as business-time.ts businessDayOf. */
  businessDayOf(ms: number): string {
    const bucket = Math.floor(ms / DAY_MS);
    let d = this.utcDays.get(bucket);
    if (d === undefined) {
      d = localDateOf(bucket * DAY_MS, this.timeZone);
      this.utcDays.set(bucket, d);
    }
    // The local date at the start of the UTC day is within a day or two of the answer.
    while (ms >= this.closeOf(d)) d = this.addDays(d, 1);
    while (ms < this.closeOf(this.addDays(d, -1))) d = this.addDays(d, -1);
    return d;
  }
}
