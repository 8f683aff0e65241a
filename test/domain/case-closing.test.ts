// The record form's 结案情况 (domain/case-closing.ts) is the summary's closing: same answer as caseFacts
// for every channel, extension, receipt time (before opening, during the day, after closing) and feedback time.
import { describe, expect, it } from 'vitest';
import { caseClosing, type ClosingFacts } from '../../src-main/domain/case-closing';
import { caseFacts } from '../../src-main/domain/summary';
import { CHANNELS } from '../../src-main/shared/enums';
import { DEFAULT_BRANCH_SETTINGS } from '../../src-main/shared/settings-schema';

const S = DEFAULT_BRANCH_SETTINGS;
const at = (local: string): number => Date.parse(`${local}+08:00`);
const base: ClosingFacts = {
  channel: 'phone',
  status: 'fed_back',
  receivedAt: at('2026-11-24T10:00:00'),
  extendedAt: null,
  firstFedBackAt: null,
  counterResolvedAt: null,
};

describe('caseClosing', () => {
  it('same day, next day with an extension, late without one, open until fed back', () => {
    expect(caseClosing({ ...base, firstFedBackAt: at('2026-11-24T20:59:00') }, S)).toBe('same_day');
    expect(
      caseClosing({ ...base, extendedAt: at('2026-11-24T18:00:00'), firstFedBackAt: at('2026-11-25T10:00:00') }, S),
    ).toBe('next_day');
    expect(caseClosing({ ...base, firstFedBackAt: at('2026-11-25T10:00:00') }, S)).toBe('late');
    expect(caseClosing({ ...base, status: 'resolved' }, S)).toBe('open');
    expect(caseClosing({ ...base, status: 'not_accepted', firstFedBackAt: null }, S)).toBe('not_accepted');
  });

  it('in store, resolving at the counter meets the limit before any feedback', () => {
    const c = { ...base, channel: 'in_store' as const, counterResolvedAt: at('2026-11-24T10:30:00') };
    expect(caseClosing({ ...c, firstFedBackAt: at('2026-11-27T10:00:00') }, S)).toBe('same_day');
    // Counter resolution counts in store only.
    expect(caseClosing({ ...c, channel: 'phone' }, S)).toBe('open');
  });

  it('a government case answered within its reply days is within the limit, after them late', () => {
    const g = { ...base, channel: 'government' as const };
    expect(caseClosing({ ...g, firstFedBackAt: at('2026-11-27T12:00:00') }, S)).toBe('within_limit');
    // 5 working days from Tuesday 11-24 (issue 21): 25, 26, 27, 30, 12-01 — 12-01 is within, 12-02 late.
    expect(caseClosing({ ...g, firstFedBackAt: at('2026-12-01T12:00:00') }, S)).toBe('within_limit');
    expect(caseClosing({ ...g, firstFedBackAt: at('2026-12-02T12:00:00') }, S)).toBe('late');
  });

  it('agrees with the summary’s closing for every combination', () => {
    const received = ['2026-11-24T08:30:00', '2026-11-24T10:00:00', '2026-11-24T20:59:59', '2026-11-24T21:30:00'];
    const fed = [
      null,
      '2026-11-24T11:00:00',
      '2026-11-24T21:00:00',
      '2026-11-25T09:30:00',
      '2026-11-25T20:00:00',
      '2026-11-25T21:30:00',
      '2026-11-29T20:00:00',
      '2026-12-02T10:00:00',
    ];
    let compared = 0;
    for (const channel of CHANNELS)
      for (const r of received)
        for (const f of fed)
          for (const extended of [false, true])
            for (const counter of [null, at(r) + 60_000]) {
              const c: ClosingFacts = {
                channel,
                status: 'fed_back',
                receivedAt: at(r),
                extendedAt: extended ? at(r) + 1000 : null,
                firstFedBackAt: f === null ? null : Math.max(at(f), at(r)),
                counterResolvedAt: counter,
              };
              const summary = caseFacts({ ...c, id: 'x', number: 'n', categoryCode: 'other' }, [], S).closing;
              expect(caseClosing(c, S), JSON.stringify({ channel, r, f, extended, counter })).toBe(summary);
              compared++;
            }
    expect(compared).toBe(CHANNELS.length * received.length * fed.length * 4);
  });
});
