// The working calendar in deadlines (issue 21 §2): the deadline table over the shipped 2026 calendar, a chain
// closure and a local closure, government working vs calendar days, promises unmoved, and the property that
// the due time is on an open day at its closing and never earlier than the calendar-day rule.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays, businessDayOf, closeOf } from '../../src-main/domain/business-time';
import { caseClosing } from '../../src-main/domain/case-closing';
import { currentDue, explainDeadline, handlingDeadline, type DeadlineSettings } from '../../src-main/domain/deadlines';
import { caseFacts } from '../../src-main/domain/summary/case-facts';
import { shippedWorkingCalendar, WorkingCalendar } from '../../src-main/domain/working-calendar';
import { CHANNELS, type Channel } from '../../src-main/shared/enums';
import type { CalendarYear } from '../../src-main/shared/reference-data';

const sh = (iso: string) => Date.parse(`${iso}+08:00`);
const hours = { open: '09:00', close: '21:00' };
const base = { timeZone: 'Asia/Shanghai', businessHours: hours, governmentReplyDays: 5 };
const shipped: DeadlineSettings = { ...base, calendar: shippedWorkingCalendar() };
const due = (channel: Channel, at: string, s: DeadlineSettings = shipped, extended = false) =>
  new Date(handlingDeadline({ channel, receivedAt: sh(at), extendedToNextDay: extended }, s)).toISOString();
const at = (iso: string) => new Date(sh(iso)).toISOString();

/** 2026 as shipped, plus a chain closure on 除夕 2026-02-16 (every branch closed). */
const closedEve: CalendarYear = (() => {
  const y = shippedWorkingCalendar().years.find((x) => x.year === 2026);
  if (!y) throw new Error('2026 is shipped');
  return {
    ...y,
    days: y.days.map((d) => (d.date === '2026-02-16' ? { ...d, kind: 'closed' as const } : d)),
  };
})();

describe('the working calendar', () => {
  const cal = shippedWorkingCalendar();
  it('knows holidays, 调休 Saturdays, weekends and ordinary days', () => {
    expect(cal.isWorkingDay('2026-10-05')).toBe(false);
    expect(cal.isOpen('2026-10-05')).toBe(true);
    expect(cal.isWorkingDay('2026-10-10')).toBe(true); // 调休上班, a Saturday
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    expect(cal.isWorkingDay('2026-11-28')).toBe(false); // an ordinary Saturday
    expect(cal.isWorkingDay('2026-11-27')).toBe(true);
    expect(cal.isWorkingDay('2031-10-01')).toBe(true); // no year known: the ordinary rule
    expect(cal.reasonOf('2026-10-05')).toEqual({ kind: 'holiday', name: { zh: '国庆节', en: 'National Day' } });
    expect(cal.reasonOf('2026-11-28')).toEqual({ kind: 'weekend' });
    expect(cal.reasonOf('2026-11-27')).toBeNull();
    const local = new WorkingCalendar(cal.years, [{ date: '2026-11-27', reason: '装修' }]);
    expect(local.isOpen('2026-11-27')).toBe(false);
    expect(local.isWorkingDay('2026-11-27')).toBe(true);
    expect(local.reasonOf('2026-11-27')).toEqual({ kind: 'local_closure', reason: '装修' });
  });
});

describe('deadlines by the working calendar (the table)', () => {
  it('12315 received 2026-09-30 10:00, 5 days: working → 10-13 21:00, calendar → 10-08 21:00', () => {
    expect(due('government', '2026-09-30T10:00:00')).toBe(at('2026-10-13T21:00:00'));
    expect(due('government', '2026-09-30T10:00:00', { ...shipped, governmentDayCount: 'calendar' })).toBe(
      at('2026-10-08T21:00:00'),
    );
    // The old rule, for the record: 10-05 21:00, in the middle of the holiday.
    expect(addDays('2026-09-30', 5)).toBe('2026-10-05');
    const why = explainDeadline(
      { channel: 'government', receivedAt: sh('2026-09-30T10:00:00'), extendedToNextDay: false },
      { ...shipped, governmentDayCount: 'calendar' },
    );
    expect(why.plainDay).toBe('2026-10-05');
    expect(why.dueDay).toBe('2026-10-08');
    expect(why.skipped.map((s) => s.date)).toEqual(['2026-10-05', '2026-10-06', '2026-10-07']);
  });

  it('National Day: same-day and next-day limits stay on open days (branches open on holidays)', () => {
    expect(due('phone', '2026-10-03T11:00:00')).toBe(at('2026-10-03T21:00:00'));
    expect(due('phone', '2026-10-03T11:00:00', shipped, true)).toBe(at('2026-10-04T21:00:00'));
  });

  it('Spring Festival 2026: 02-14 调休 Saturday, 02-15..23 holiday, 02-28 调休', () => {
    // Counting working days from Friday 02-13: 02-14 (调休), then 02-24, 25, 26, 27.
    expect(due('government', '2026-02-13T10:00:00')).toBe(at('2026-02-27T21:00:00'));
    // From 02-14 (itself not counted): 02-24..02-28 — the 调休 Saturday 02-28 is the fifth.
    expect(due('government', '2026-02-14T10:00:00')).toBe(at('2026-02-28T21:00:00'));
    // Calendar days from 02-14: 02-19 is a holiday → the first working day after, 02-24.
    expect(due('government', '2026-02-14T10:00:00', { ...shipped, governmentDayCount: 'calendar' })).toBe(
      at('2026-02-24T21:00:00'),
    );
  });

  it('调休 Saturdays count as working days; an ordinary Saturday does not', () => {
    // Wed 2026-10-07 (holiday) → 10-08, 10-09, 10-10 (调休 Sat), 10-12, 10-13.
    expect(due('government', '2026-10-07T12:00:00')).toBe(at('2026-10-13T21:00:00'));
    // Wed 2026-11-25 → 11-26, 27, 30, 12-01, 12-02 (28/29 a weekend).
    expect(due('government', '2026-11-25T12:00:00')).toBe(at('2026-12-02T21:00:00'));
  });

  it('a same-day limit on a local closure moves to the next open day; next-day goes one open day further', () => {
    const s = {
      ...base,
      calendar: new WorkingCalendar(shipped.calendar?.years ?? [], [{ date: '2026-11-24', reason: '装修' }]),
    };
    expect(due('email', '2026-11-24T10:00:00', s)).toBe(at('2026-11-25T21:00:00'));
    expect(due('email', '2026-11-24T10:00:00', s, true)).toBe(at('2026-11-26T21:00:00'));
    // Received the evening before, after closing: the business day is the closed one.
    expect(due('phone', '2026-11-23T22:00:00', s)).toBe(at('2026-11-25T21:00:00'));
    const why = explainDeadline(
      { channel: 'email', receivedAt: sh('2026-11-24T10:00:00'), extendedToNextDay: false },
      s,
    );
    expect(why.skipped).toEqual([{ date: '2026-11-24', reason: { kind: 'local_closure', reason: '装修' } }]);
  });

  it('next-day over a chain closed day (除夕 closed): the next open day after it', () => {
    const s = { ...base, calendar: new WorkingCalendar([closedEve]) };
    expect(due('in_store', '2026-02-15T15:00:00', s, true)).toBe(at('2026-02-17T21:00:00'));
    expect(due('in_store', '2026-02-15T15:00:00', s)).toBe(at('2026-02-15T21:00:00'));
    expect(due('phone', '2026-02-16T15:00:00', s)).toBe(at('2026-02-17T21:00:00'));
    // The closing split follows: fed back on 02-17 is still "next day" for a case of 02-15.
    expect(
      caseClosing(
        {
          channel: 'phone',
          status: 'fed_back',
          receivedAt: sh('2026-02-15T15:00:00'),
          extendedAt: sh('2026-02-15T16:00:00'),
          firstFedBackAt: sh('2026-02-17T10:00:00'),
          counterResolvedAt: null,
        },
        s,
      ),
    ).toBe('next_day');
  });

  it('a promise on a holiday keeps the time the customer was given', () => {
    const promise = sh('2026-10-04T15:00:00');
    expect(
      currentDue(
        {
          channel: 'government',
          receivedAt: sh('2026-09-30T10:00:00'),
          extendedToNextDay: false,
          firstFedBackAt: null,
          openPromises: [promise],
        },
        shipped,
      ),
    ).toEqual({ at: promise, kind: 'promise' });
  });

  it('without a calendar the shipped one applies (head office)', () => {
    expect(due('government', '2026-09-30T10:00:00', base)).toBe(at('2026-10-13T21:00:00'));
  });
});

/** A random calendar year 2026 (holidays, 调休, chain closures) and random local closures. */
const KINDS = ['holiday', 'workday', 'closed'] as const;
const randomCalendar = fc
  .tuple(
    fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 364 }), fc.constantFrom(...KINDS)), {
      selector: ([d]) => d,
      maxLength: 80,
    }),
    fc.uniqueArray(fc.integer({ min: 0, max: 380 }), { maxLength: 20 }),
  )
  .map(([days, closures]) => {
    const name = { zh: '节', en: 'Day' };
    const year: CalendarYear = {
      year: 2026,
      source: 'test',
      provisional: false,
      days: days.map(([d, kind]) => ({ date: addDays('2026-01-01', d), kind, name })),
    };
    return new WorkingCalendar(
      [year],
      closures.map((d) => ({ date: addDays('2026-01-01', d), reason: '装修' })),
    );
  });

describe('property: any received time, any calendar', () => {
  it('due on an open day at its closing time, never earlier than the calendar-day rule; the summary agrees', () => {
    fc.assert(
      fc.property(
        randomCalendar,
        fc.integer({ min: sh('2025-12-25T00:00:00'), max: sh('2026-12-31T23:59:59') }),
        fc.constantFrom(...CHANNELS),
        fc.boolean(),
        fc.constantFrom('working' as const, 'calendar' as const),
        fc.integer({ min: 1, max: 15 }),
        (cal, ms, channel, extended, count, n) => {
          const s: DeadlineSettings = {
            ...base,
            governmentReplyDays: n,
            governmentDayCount: count,
            calendar: cal,
          };
          const got = handlingDeadline({ channel, receivedAt: ms, extendedToNextDay: extended }, s);
          const why = explainDeadline({ channel, receivedAt: ms, extendedToNextDay: extended }, s);
          expect(got).toBe(why.at);
          expect(cal.isOpen(why.dueDay)).toBe(true);
          expect(got).toBe(closeOf(why.dueDay, hours, s.timeZone));
          if (channel === 'government') expect(cal.isWorkingDay(why.dueDay)).toBe(true);
          const day = businessDayOf(ms, hours, s.timeZone);
          const plain = channel === 'government' ? addDays(day, n) : extended ? addDays(day, 1) : day;
          expect(got).toBeGreaterThanOrEqual(closeOf(plain, hours, s.timeZone));
          expect(got).toBeGreaterThan(ms);
          const f = caseFacts(
            { id: 'x', number: 'n', channel, categoryCode: 'other', receivedAt: ms, extendedAt: extended ? ms : null },
            [],
            s,
          );
          expect(f.deadlineAt).toBe(got);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('addDays', () => {
  it('agrees with luxon for any date and shift (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 11, 31) }),
        fc.integer({ min: -1000, max: 1000 }),
        (ms, n) => {
          const d = new Date(ms).toISOString().slice(0, 10);
          expect(addDays(d, n)).toBe(DateTime.fromISO(d, { zone: 'UTC' }).plus({ days: n }).toISODate());
        },
      ),
      { numRuns: 500 },
    );
  });
});
