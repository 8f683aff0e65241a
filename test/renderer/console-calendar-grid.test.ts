// The working calendar's year view as data (issue 21 §4): Monday-first month grids, setting a day, the diff
// against the published year, the legend's holiday names, and the editor's named problems for a year and a library.
import { describe, expect, it } from 'vitest';
import { SHIPPED_CALENDAR, SHIPPED_PHRASE_LIBRARY } from '../../src-main/db/repositories/reference-repo';
import { CalendarYear, PhraseLibrary } from '../../src-main/shared/reference-data';
import {
  diffIsEmpty,
  emptyYear,
  holidayNames,
  setDay,
  weekdayMondayFirst,
  yearDiff,
  yearGrid,
} from '../../src-renderer/console/reference/calendar-grid';
import { pathLabel, referenceIssues } from '../../src-renderer/console/reference/reference-issues';
import { moved } from '../../src-renderer/console/reference/PhraseLibraryScreen';
import { panelSteps } from '../../src-renderer/console/reference/ReferencePreviewScreen';

const y2026 = SHIPPED_CALENDAR.find((y) => y.year === 2026)!;
const y2027 = SHIPPED_CALENDAR.find((y) => y.year === 2027)!;
const SPRING = { zh: '春节', en: 'Spring Festival' };

describe('yearGrid', () => {
  it('lays every day of every month out Monday first, weeks of seven', () => {
    const months = yearGrid(y2026);
    expect(months).toHaveLength(12);
    const cells = months.flatMap((m) => m.weeks.flat()).filter((c) => c !== null);
    expect(cells).toHaveLength(365);
    for (const m of months) for (const w of m.weeks) expect(w).toHaveLength(7);
    // 2026-10-01 is a Thursday: three empty cells before it; it is the National Day holiday.
    const oct = months[9]!;
    expect(oct.weeks[0]!.slice(0, 3)).toEqual([null, null, null]);
    expect(oct.weeks[0]![3]).toMatchObject({ date: '2026-10-01', kind: 'holiday', weekend: false });
    expect(weekdayMondayFirst('2026-10-01')).toBe(3);
    // 2028 is a leap year: 29 February is there.
    expect(yearGrid(emptyYear(2028))[1]!.weeks.flat().filter(Boolean)).toHaveLength(29);
  });

  it('shows the 调休 Saturday of 2026 as a working day and an unlisted day as ordinary', () => {
    const cells = new Map(
      yearGrid(y2026)
        .flatMap((m) => m.weeks.flat())
        .filter((c) => c !== null)
        .map((c) => [c.date, c]),
    );
    const workday = y2026.days.find((d) => d.kind === 'workday')!;
    expect(cells.get(workday.date)).toMatchObject({ kind: 'workday', weekend: true });
    expect(cells.get('2026-03-10')).toMatchObject({ kind: 'ordinary', entry: null });
  });
});

describe('setDay and yearDiff', () => {
  it('adds 2027-02-09 as a holiday, sorted, and the diff names only that day', () => {
    const draft = setDay(y2027, '2027-02-09', 'holiday', SPRING);
    expect(CalendarYear.safeParse(draft).success).toBe(true);
    const dates = draft.days.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    const diff = yearDiff(y2027, draft);
    expect(diff.days).toEqual([
      { date: '2027-02-09', before: null, after: { date: '2027-02-09', kind: 'holiday', name: SPRING } },
    ]);
    expect(diff.source).toBeNull();
    expect(diffIsEmpty(yearDiff(y2027, y2027))).toBe(true);
  });

  it('setting a day ordinary removes it; changing its kind replaces it, never twice', () => {
    const listed = y2027.days[0]!;
    const removed = setDay(y2027, listed.date, 'ordinary', listed.name);
    expect(removed.days.some((d) => d.date === listed.date)).toBe(false);
    expect(yearDiff(y2027, removed).days).toEqual([{ date: listed.date, before: listed, after: null }]);
    const closed = setDay(y2027, listed.date, 'closed', listed.name);
    expect(closed.days.filter((d) => d.date === listed.date)).toEqual([{ ...listed, kind: 'closed' }]);
  });

  it('names a change of source and of the provisional flag; a new year has every day new', () => {
    const d = yearDiff(y2027, { ...y2027, source: '国办发明电〔2026〕X号', provisional: false });
    expect(d.source).toEqual({ before: y2027.source, after: '国办发明电〔2026〕X号' });
    expect(d.provisional).toEqual({ before: true, after: false });
    const fresh = setDay(emptyYear(2028), '2028-01-01', 'holiday', { zh: '元旦', en: "New Year's Day" });
    expect(yearDiff(null, fresh).days.map((c) => c.date)).toEqual(['2028-01-01']);
  });

  it('lists the holiday names of the legend with their days', () => {
    const spring = holidayNames(y2027).find((n) => n.name.zh === '春节');
    expect(spring?.dates).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']);
  });
});

describe('the editor’s named problems', () => {
  it('names a year’s empty source and a day outside the year in words', () => {
    const bad = { ...setDay(y2027, '2027-03-01', 'holiday', SPRING), source: ' ' };
    bad.days = [...bad.days, { date: '2026-12-31', kind: 'holiday', name: SPRING }];
    const issues = referenceIssues(CalendarYear, bad);
    const zh = issues.map((i) => i.message.zh);
    expect(zh).toContain('依据(通知名称):必须填写');
    expect(zh).toContain('2026-12-31 · 日期:日期须在 2027 年内');
    expect(issues.find((i) => i.field === 'source')?.message.en).toBe('Source (the announcement): is required');
  });

  it('names a library’s missing English title, a duplicate key and an unknown situation by item', () => {
    const lib: PhraseLibrary = structuredClone(SHIPPED_PHRASE_LIBRARY);
    lib.steps[1]!.title.en = '';
    lib.phrases.push({ ...lib.phrases[0]! });
    lib.phrases[0]!.situation = 'nowhere';
    const zh = referenceIssues(PhraseLibrary, lib).map((i) => i.message.zh);
    expect(zh).toContain('步骤 2 · 标题(英文):必须填写');
    expect(zh).toContain(`话术 ${lib.phrases.length} · 键:键 ${lib.phrases[0]!.key} 重复`);
    expect(zh).toContain('话术 1 · 情形:没有情形 nowhere');
    expect(referenceIssues(PhraseLibrary, SHIPPED_PHRASE_LIBRARY)).toEqual([]);
    expect(pathLabel('steps', lib)).toEqual({ zh: '处理步骤', en: 'Handling steps' });
  });
});

describe('the library’s order and the branch panel of the preview', () => {
  it('moves an item up and down, and not past either end', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('lists a channel’s steps (no channels: every channel) with the phrases of their situations', () => {
    const lib: PhraseLibrary = structuredClone(SHIPPED_PHRASE_LIBRARY);
    lib.steps[0]!.channels = ['government'];
    const phone = panelSteps(lib, 'phone');
    expect(phone.map((s) => s.step.key)).not.toContain(lib.steps[0]!.key);
    const gov = panelSteps(lib, 'government');
    expect(gov[0]!.step.key).toBe(lib.steps[0]!.key);
    const situations = lib.steps[0]!.situations;
    expect(gov[0]!.phrases.every((p) => situations.includes(p.situation))).toBe(true);
    expect(gov[0]!.phrases.length).toBe(lib.phrases.filter((p) => situations.includes(p.situation)).length);
  });
});
