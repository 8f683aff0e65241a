// The working calendar's year view as data (issue 21 §4): month grids Monday first, what a day is
// (ordinary, holiday, 调休上班, closed), setting a day, and what a draft changed against the published year.
// Pure date arithmetic in UTC on YYYY-MM-DD strings: no time zone can move a day.
import type { CalendarDay, CalendarDayKind, CalendarYear } from '../../../src-main/shared/reference-data';

/** What the screen shows for a day: one of the calendar's kinds, or an ordinary day (not listed). */
export type DayKindShown = CalendarDayKind | 'ordinary';

export interface GridCell {
  date: string;
  /** Day of the month. */
  day: number;
  weekend: boolean;
  kind: DayKindShown;
  entry: CalendarDay | null;
}

/** One month: weeks of 7 cells, Monday first; null before the 1st and after the last day. */
export interface MonthGrid {
  month: number;
  weeks: (GridCell | null)[][];
}

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;

/** 0 = Monday … 6 = Sunday. */
export const weekdayMondayFirst = (date: string): number => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

export function yearGrid(cal: Pick<CalendarYear, 'year' | 'days'>): MonthGrid[] {
  const byDate = new Map(cal.days.map((d) => [d.date, d]));
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const last = new Date(Date.UTC(cal.year, month, 0)).getUTCDate();
    const cells: (GridCell | null)[] = Array.from(
      { length: weekdayMondayFirst(isoDate(cal.year, month, 1)) },
      () => null,
    );
    for (let day = 1; day <= last; day++) {
      const date = isoDate(cal.year, month, day);
      const entry = byDate.get(date) ?? null;
      cells.push({ date, day, weekend: weekdayMondayFirst(date) >= 5, kind: entry?.kind ?? 'ordinary', entry });
    }
    while (cells.length % 7) cells.push(null);
    const weeks: (GridCell | null)[][] = [];
    for (let w = 0; w < cells.length; w += 7) weeks.push(cells.slice(w, w + 7));
    return { month, weeks };
  });
}

/**
 * The year with one day set: `ordinary` removes it from the list, any other kind puts it there with its name.
 * Invariant kept: the days stay sorted by date and no date appears twice.
 */
export function setDay<Y extends Pick<CalendarYear, 'days'>>(
  cal: Y,
  date: string,
  kind: DayKindShown,
  name: CalendarDay['name'],
): Y {
  const rest = cal.days.filter((d) => d.date !== date);
  const days = kind === 'ordinary' ? rest : [...rest, { date, kind, name }];
  return { ...cal, days: days.sort((a, b) => a.date.localeCompare(b.date)) };
}

export interface DayChange {
  date: string;
  before: CalendarDay | null;
  after: CalendarDay | null;
}

export interface YearDiff {
  days: DayChange[];
  source: { before: string; after: string } | null;
  provisional: { before: boolean; after: boolean } | null;
}

const sameDay = (a: CalendarDay, b: CalendarDay) =>
  a.kind === b.kind && a.name.zh === b.name.zh && a.name.en === b.name.en;

/** What the draft changes against the published year (null: nothing published yet, every day is new). */
export function yearDiff(published: CalendarYear | null, draft: CalendarYear): YearDiff {
  const before = new Map((published?.days ?? []).map((d) => [d.date, d]));
  const after = new Map(draft.days.map((d) => [d.date, d]));
  const dates = [...new Set([...before.keys(), ...after.keys()])].sort();
  const days: DayChange[] = [];
  for (const date of dates) {
    const b = before.get(date) ?? null;
    const a = after.get(date) ?? null;
    if (b && a && sameDay(a, b)) continue;
    days.push({ date, before: b, after: a });
  }
  return {
    days,
    source: published && published.source !== draft.source ? { before: published.source, after: draft.source } : null,
    provisional:
      published && published.provisional !== draft.provisional
        ? { before: published.provisional, after: draft.provisional }
        : null,
  };
}

export const diffIsEmpty = (d: YearDiff): boolean => !d.days.length && !d.source && !d.provisional;

/** The holidays of the year by name, each with its dates (the legend beside the grids). */
export function holidayNames(cal: Pick<CalendarYear, 'days'>): { name: CalendarDay['name']; dates: string[] }[] {
  const out = new Map<string, { name: CalendarDay['name']; dates: string[] }>();
  for (const d of cal.days) {
    const k = `${d.name.zh}|${d.name.en}`;
    const e = out.get(k) ?? { name: d.name, dates: [] };
    e.dates.push(d.date);
    out.set(k, e);
  }
  return [...out.values()];
}

/** A new year head office starts: provisional, nothing listed yet. */
export const emptyYear = (year: number): CalendarYear => ({ year, source: '', provisional: true, days: [] });
