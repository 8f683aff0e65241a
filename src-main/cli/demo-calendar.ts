// The simulated calendar of the demo: which instants fall in the branch's business hours,
// and when staff would next be at work. Local midnights are computed once per day with
// luxon, so placing hundreds of thousands of events needs only arithmetic and a search.
import { DateTime } from 'luxon';
import type { BranchSettings } from '../shared/settings-schema';
import type { Rng } from './prng';

const MIN = 60_000;

const minutesOf = (hm: string): number => {
  const [h, m] = hm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

export class BusinessCalendar {
  /** Local midnight of each day, ascending; index 0 is the first day of the simulation. */
  private readonly midnights: number[] = [];
  private readonly dates: string[] = [];
  private readonly weekdays: number[] = [];
  readonly open: number;
  readonly close: number;

  constructor(
    settings: Pick<BranchSettings, 'timeZone' | 'businessHours'>,
    from: number,
    /** Days after `from` the calendar must cover (the simulation plus its trailing events). */
    days: number,
  ) {
    this.open = minutesOf(settings.businessHours.open);
    // Overnight hours (close <= open) are treated as closing at midnight: good enough for a demo.
    const close = minutesOf(settings.businessHours.close);
    this.close = close > this.open ? close : 24 * 60;
    let d = DateTime.fromMillis(from, { zone: settings.timeZone }).startOf('day');
    for (let i = 0; i <= days + 1; i++) {
      this.midnights.push(d.toMillis());
      this.dates.push(d.toISODate() as string);
      this.weekdays.push(d.weekday);
      d = d.plus({ days: 1 });
    }
  }

  get dayCount(): number {
    return this.midnights.length;
  }

  /** Index of the local day containing t (clamped to the calendar). */
  dayIndex(t: number): number {
    let lo = 0;
    let hi = this.midnights.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.midnights[mid] as number) <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  localDate(t: number): string {
    return this.dates[this.dayIndex(t)] as string;
  }

  isWeekend(day: number): boolean {
    return (this.weekdays[day] as number) >= 6;
  }

  /** An instant on `day` at `minute` minutes after local midnight. */
  at(day: number, minute: number): number {
    return (this.midnights[Math.min(day, this.midnights.length - 1)] as number) + minute * MIN;
  }

  /** Opening and closing instants of a day. */
  hoursOf(day: number): { open: number; close: number } {
    return { open: this.at(day, this.open), close: this.at(day, this.close) };
  }

  /**
   * Staff act during business hours: an action that would fall after the last quarter hour
   * or before opening happens on the next opening, a little after the doors open.
   */
  align(t: number, rng: Rng): number {
    const day = this.dayIndex(t);
    const minute = (t - (this.midnights[day] as number)) / MIN;
    if (minute >= this.open && minute < this.close - 15) return t;
    const next = minute < this.open ? day : day + 1;
    return this.at(next, this.open + rng.int(5, 90));
  }
}
