// Report periods as tables: ISO weeks (Monday start, week 53, week 1 in the old year) and months
// (month ends, leap years, year change) in Asia/Shanghai, whose midnight is 16:00 UTC the day before.
import { describe, expect, it } from 'vitest';
import { periodContaining, periodContains, periodOfDate, previousPeriods } from '../../src-main/domain/report-period';

const TZ = 'Asia/Shanghai';
/** A Shanghai wall-clock time as a UTC instant, computed without luxon. */
const sh = (local: string) => Date.parse(`${local}+08:00`);
const DAY = 86_400_000;

describe('periodOfDate: ISO weeks in Shanghai', () => {
  it.each([
    { date: '2026-11-24', key: '2026-W48', first: '2026-11-23', last: '2026-11-29', why: 'a Tuesday' },
    { date: '2026-11-23', key: '2026-W48', first: '2026-11-23', last: '2026-11-29', why: 'the Monday itself' },
    { date: '2026-11-29', key: '2026-W48', first: '2026-11-23', last: '2026-11-29', why: 'Sunday ends the week' },
    {
      date: '2026-11-30',
      key: '2026-W49',
      first: '2026-11-30',
      last: '2026-12-06',
      why: 'next Monday starts the next week',
    },
    {
      date: '2026-12-31',
      key: '2026-W53',
      first: '2026-12-28',
      last: '2027-01-03',
      why: '2026 starts on a Thursday: 53 weeks',
    },
    {
      date: '2027-01-01',
      key: '2026-W53',
      first: '2026-12-28',
      last: '2027-01-03',
      why: 'New Year in the old year’s week 53',
    },
    { date: '2027-01-03', key: '2026-W53', first: '2026-12-28', last: '2027-01-03', why: 'last day of week 53' },
    { date: '2027-01-04', key: '2027-W01', first: '2027-01-04', last: '2027-01-10', why: 'week 1 of 2027' },
    {
      date: '2024-12-31',
      key: '2025-W01',
      first: '2024-12-30',
      last: '2025-01-05',
      why: 'December day in next year’s week 1',
    },
    { date: '2025-12-28', key: '2025-W52', first: '2025-12-22', last: '2025-12-28', why: '2025 has only 52 weeks' },
    {
      date: '2021-01-03',
      key: '2020-W53',
      first: '2020-12-28',
      last: '2021-01-03',
      why: 'leap year starting on Wednesday: 53 weeks',
    },
    { date: '2024-02-29', key: '2024-W09', first: '2024-02-26', last: '2024-03-03', why: 'leap day inside a week' },
  ])('$date → $key ($why)', ({ date, key, first, last }) => {
    const p = periodOfDate('week', date, TZ);
    expect(p).toEqual({
      type: 'week',
      key,
      firstDate: first,
      lastDate: last,
      from: sh(`${first}T00:00:00`),
      to: sh(`${last}T00:00:00`) + DAY,
    });
    // No daylight saving in Shanghai: every week is exactly 168 hours.
    expect(p.to - p.from).toBe(7 * DAY);
  });
});

describe('periodOfDate: months in Shanghai', () => {
  it.each([
    { date: '2026-11-24', key: '2026-11', first: '2026-11-01', last: '2026-11-30', next: '2026-12-01' },
    { date: '2026-12-31', key: '2026-12', first: '2026-12-01', last: '2026-12-31', next: '2027-01-01' },
    { date: '2027-01-01', key: '2027-01', first: '2027-01-01', last: '2027-01-31', next: '2027-02-01' },
    { date: '2024-02-10', key: '2024-02', first: '2024-02-01', last: '2024-02-29', next: '2024-03-01' },
    { date: '2026-02-28', key: '2026-02', first: '2026-02-01', last: '2026-02-28', next: '2026-03-01' },
    { date: '2100-02-15', key: '2100-02', first: '2100-02-01', last: '2100-02-28', next: '2100-03-01' },
    { date: '2000-02-15', key: '2000-02', first: '2000-02-01', last: '2000-02-29', next: '2000-03-01' },
    { date: '2026-04-30', key: '2026-04', first: '2026-04-01', last: '2026-04-30', next: '2026-05-01' },
    { date: '2026-01-31', key: '2026-01', first: '2026-01-01', last: '2026-01-31', next: '2026-02-01' },
  ])('$date → $key, $first to $last', ({ date, key, first, last, next }) => {
    expect(periodOfDate('month', date, TZ)).toEqual({
      type: 'month',
      key,
      firstDate: first,
      lastDate: last,
      from: sh(`${first}T00:00:00`),
      to: sh(`${next}T00:00:00`),
    });
  });

  it.each(['2026-02-30', '2026-13-01', '2026-11-31', 'not a date', ''])('refuses %j', (date) => {
    expect(() => periodOfDate('month', date, TZ)).toThrow(RangeError);
    expect(() => periodOfDate('week', date, TZ)).toThrow(RangeError);
  });
});

describe('periodContaining: instants at Shanghai midnight, not UTC midnight', () => {
  it.each([
    { type: 'month', at: '2026-11-30T15:59:59.999Z', key: '2026-11', why: '23:59:59.999 on 30 Nov in Shanghai' },
    {
      type: 'month',
      at: '2026-11-30T16:00:00.000Z',
      key: '2026-12',
      why: 'midnight 1 Dec in Shanghai, still 30 Nov in UTC',
    },
    { type: 'month', at: '2026-12-31T16:00:00.000Z', key: '2027-01', why: 'New Year in Shanghai, 31 Dec in UTC' },
    { type: 'month', at: '2026-12-31T15:59:59.999Z', key: '2026-12', why: 'last instant of the year in Shanghai' },
    { type: 'week', at: '2026-11-22T15:59:59.999Z', key: '2026-W47', why: 'Sunday 23:59:59.999 in Shanghai' },
    { type: 'week', at: '2026-11-22T16:00:00.000Z', key: '2026-W48', why: 'Monday 00:00 in Shanghai, Sunday in UTC' },
    { type: 'week', at: '2027-01-03T15:59:59.999Z', key: '2026-W53', why: 'end of week 53' },
    { type: 'week', at: '2027-01-03T16:00:00.000Z', key: '2027-W01', why: 'start of week 1' },
  ] as const)('$at is in $type $key ($why)', ({ type, at, key }) => {
    const ms = Date.parse(at);
    const p = periodContaining(type, ms, TZ);
    expect(p.key).toBe(key);
    expect(periodContains(p, ms)).toBe(true);
    expect(p).toEqual(periodOfDate(type, p.firstDate, TZ));
  });

  it('uses the zone it is given: a New York week with the spring change is 167 hours, Shanghai’s the same dates 168', () => {
    const ny = periodOfDate('week', '2026-03-08', 'America/New_York');
    expect(ny.firstDate).toBe('2026-03-02');
    expect(ny.to - ny.from).toBe(7 * DAY - 3_600_000);
    const cn = periodOfDate('week', '2026-03-08', TZ);
    expect(cn.to - cn.from).toBe(7 * DAY);
    expect(cn.from).not.toBe(ny.from);
  });
});

describe('periodContains: half-open [from, to)', () => {
  const p = periodOfDate('month', '2026-11-15', TZ);
  it.each([
    { at: p.from - 1, inside: false },
    { at: p.from, inside: true },
    { at: p.to - 1, inside: true },
    { at: p.to, inside: false },
  ])('$at → $inside', ({ at, inside }) => {
    expect(periodContains(p, at)).toBe(inside);
  });
});

describe('previousPeriods', () => {
  it.each([
    {
      type: 'month',
      date: '2026-03-10',
      count: 3,
      keys: ['2025-12', '2026-01', '2026-02'],
      why: 'across the year change',
    },
    { type: 'month', date: '2026-03-31', count: 1, keys: ['2026-02'], why: 'from a 31st into a 28-day month' },
    { type: 'month', date: '2024-03-31', count: 2, keys: ['2024-01', '2024-02'], why: 'leap February' },
    { type: 'week', date: '2027-01-05', count: 2, keys: ['2026-W52', '2026-W53'], why: 'back into week 53' },
    {
      type: 'week',
      date: '2025-01-08',
      count: 2,
      keys: ['2024-W52', '2025-W01'],
      why: 'week 1 that began in December',
    },
    { type: 'month', date: '2026-11-15', count: 0, keys: [], why: 'none asked' },
  ] as const)('$count before $type of $date: $keys ($why)', ({ type, date, count, keys }) => {
    const p = periodOfDate(type, date, TZ);
    const prev = previousPeriods(p, count, TZ);
    expect(prev.map((q) => q.key)).toEqual(keys);
    // Oldest first and contiguous: each ends where the next begins, the last where p begins.
    for (const [i, q] of prev.entries()) expect(q.to).toBe(prev[i + 1]?.from ?? p.from);
  });
});
