// The reference records the branch holds (issue 21 §1): the shipped calendar and library beneath,
// head office's newer versions on top, the same record twice changes nothing, an older one is ignored.
import { describe, expect, it } from 'vitest';
import {
  calendarYears,
  phraseLibrary,
  SHIPPED_CALENDAR,
  storeReference,
} from '../../src-main/db/repositories/reference-repo';
import { CalendarYear, PhraseLibrary, type ReferenceRecord } from '../../src-main/shared/reference-data';
import { openTestStore } from '../helpers/store';

const openTempDb = () => openTestStore().db;

const year2027 = (version: number, provisional: boolean): ReferenceRecord => ({
  kind: 'calendar',
  key: '2027',
  version,
  publishedAt: '2026-11-20T02:00:00.000Z',
  publishedBy: '总部 王审核',
  body: { ...(SHIPPED_CALENDAR.find((y) => y.year === 2027) as CalendarYear), provisional },
});

describe('reference records at the branch', () => {
  it('ships 2025–2027 with their sources: 2025 and 2026 as announced, 2027 provisional', () => {
    expect(SHIPPED_CALENDAR.map((y) => [y.year, y.provisional, y.days.length])).toEqual([
      [2025, false, 33],
      [2026, false, 39],
      [2027, true, 13],
    ]);
    const nationalDay2026 = SHIPPED_CALENDAR[1]?.days
      .filter((d) => d.name.zh === '国庆节')
      .map((d) => `${d.date}${d.kind[0]}`);
    expect(nationalDay2026).toEqual([
      '2026-09-20w',
      '2026-10-01h',
      '2026-10-02h',
      '2026-10-03h',
      '2026-10-04h',
      '2026-10-05h',
      '2026-10-06h',
      '2026-10-07h',
      '2026-10-10w',
    ]);
  });

  it('keeps the newest version: a repeat or an older one changes nothing', () => {
    const db = openTempDb();
    expect(storeReference(db, year2027(2, false), 'network', 1)).toBe(true);
    expect(storeReference(db, year2027(2, false), 'file', 2)).toBe(false);
    expect(storeReference(db, year2027(1, true), 'file', 3)).toBe(false);
    expect(calendarYears(db).find((y) => y.year === 2027)?.provisional).toBe(false);
    expect(storeReference(db, year2027(3, true), 'file', 4)).toBe(true);
    expect(calendarYears(db).find((y) => y.year === 2027)?.provisional).toBe(true);
  });

  it('refuses a calendar day outside its year and a phrase of an unknown situation', () => {
    const y = SHIPPED_CALENDAR[0] as CalendarYear;
    expect(CalendarYear.safeParse({ ...y, days: [{ ...y.days[0], date: '2024-12-31' }] }).success).toBe(false);
    const lib = phraseLibrary(openTempDb()).library;
    expect(lib.steps.length).toBeGreaterThanOrEqual(6);
    const bad = { ...lib, phrases: [{ key: 'x_1', situation: 'nowhere', text: { zh: '好', en: 'Fine' } }] };
    expect(PhraseLibrary.safeParse(bad).success).toBe(false);
  });
});
