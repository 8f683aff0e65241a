import { describe, expect, it } from 'vitest';
import { businessDayOf, localMonth } from '../../src-main/domain/business-time';
import { currentDue, handlingDeadline } from '../../src-main/domain/deadlines';

const s = { timeZone: 'Asia/Shanghai', businessHours: { open: '09:00', close: '21:00' }, governmentReplyDays: 5 };
const sh = (iso: string) => Date.parse(`${iso}+08:00`);

describe('time limits (SPEC §4)', () => {
  it('phone: the same business day, closing time', () => {
    expect(
      handlingDeadline({ channel: 'phone', receivedAt: sh('2026-11-24T08:15:00'), extendedToNextDay: false }, s),
    ).toBe(sh('2026-11-24T21:00:00'));
    expect(
      handlingDeadline({ channel: 'phone', receivedAt: sh('2026-11-24T20:59:00'), extendedToNextDay: false }, s),
    ).toBe(sh('2026-11-24T21:00:00'));
  });

  it('a call after closing belongs to the next business day', () => {
    expect(
      handlingDeadline({ channel: 'phone', receivedAt: sh('2026-11-24T21:00:00'), extendedToNextDay: false }, s),
    ).toBe(sh('2026-11-25T21:00:00'));
    expect(
      handlingDeadline({ channel: 'email', receivedAt: sh('2026-11-24T23:50:00'), extendedToNextDay: false }, s),
    ).toBe(sh('2026-11-25T21:00:00'));
  });

  it('next day with a recorded reason or consent', () => {
    expect(
      handlingDeadline({ channel: 'in_store', receivedAt: sh('2026-11-24T15:00:00'), extendedToNextDay: true }, s),
    ).toBe(sh('2026-11-25T21:00:00'));
  });

  it('government body: a written reply within 5 days (a setting), working days by default', () => {
    // Tue 11-24 → 11-25, 26, 27, 30, 12-01 (the weekend does not count).
    expect(
      handlingDeadline({ channel: 'government', receivedAt: sh('2026-11-24T10:00:00'), extendedToNextDay: false }, s),
    ).toBe(sh('2026-12-01T21:00:00'));
    // Calendar days: 11-29 is a Sunday, so the period ends on Monday 11-30 (民法典 第二百零三条).
    expect(
      handlingDeadline(
        { channel: 'government', receivedAt: sh('2026-11-24T10:00:00'), extendedToNextDay: false },
        { ...s, governmentDayCount: 'calendar' },
      ),
    ).toBe(sh('2026-11-30T21:00:00'));
    expect(
      handlingDeadline(
        { channel: 'government', receivedAt: sh('2026-11-24T10:00:00'), extendedToNextDay: false },
        { ...s, governmentReplyDays: 7, governmentDayCount: 'calendar' },
      ),
    ).toBe(sh('2026-12-01T21:00:00'));
  });

  it('every unkept promise is a deadline of its own; feedback meets the handling limit', () => {
    const base = { channel: 'phone' as const, receivedAt: sh('2026-11-24T10:00:00'), extendedToNextDay: false };
    expect(currentDue({ ...base, firstFedBackAt: null, openPromises: [sh('2026-11-24T15:00:00')] }, s)).toEqual({
      at: sh('2026-11-24T15:00:00'),
      kind: 'promise',
    });
    expect(currentDue({ ...base, firstFedBackAt: null, openPromises: [sh('2026-11-26T15:00:00')] }, s)).toEqual({
      at: sh('2026-11-24T21:00:00'),
      kind: 'handling',
    });
    expect(currentDue({ ...base, firstFedBackAt: sh('2026-11-24T12:00:00'), openPromises: [] }, s)).toBeNull();
    expect(
      currentDue({ ...base, firstFedBackAt: sh('2026-11-24T12:00:00'), openPromises: [sh('2026-11-27T10:00:00')] }, s),
    ).toEqual({
      at: sh('2026-11-27T10:00:00'),
      kind: 'promise',
    });
  });

  it('business hours past midnight keep the small hours on the previous business day', () => {
    const late = { ...s, businessHours: { open: '10:00', close: '02:00' } };
    expect(businessDayOf(sh('2026-11-25T01:30:00'), late.businessHours, late.timeZone)).toBe('2026-11-24');
    expect(
      handlingDeadline({ channel: 'phone', receivedAt: sh('2026-11-25T01:30:00'), extendedToNextDay: false }, late),
    ).toBe(sh('2026-11-25T02:00:00'));
    expect(
      handlingDeadline({ channel: 'phone', receivedAt: sh('2026-11-24T11:00:00'), extendedToNextDay: false }, late),
    ).toBe(sh('2026-11-25T02:00:00'));
  });

  it('the numbering month is the local month, not the UTC one', () => {
    expect(localMonth(Date.parse('2026-11-30T16:30:00Z'), 'Asia/Shanghai')).toBe('202612');
    expect(localMonth(Date.parse('2026-11-30T16:30:00Z'), 'UTC')).toBe('202611');
  });
});
