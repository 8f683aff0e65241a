import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../src-main/domain/business-calendar';
import { businessDayOf, closeOf } from '../../src-main/domain/business-time';
import { handlingDeadline } from '../../src-main/domain/deadlines';
import {
  type CaseSnapshot,
  caseFacts,
  periodContaining,
  periodOfDate,
  previousPeriods,
  type SlipSnapshot,
  slipFacts,
  summarize,
  type SummaryFacts,
} from '../../src-main/domain/summary';
import { CHANNELS, ESCALATION_KINDS, FINDINGS, SATISFACTIONS } from '../../src-main/shared/enums';

const TZ = 'Asia/Shanghai';
const s = { timeZone: TZ, businessHours: { open: '09:00', close: '21:00' }, governmentReplyDays: 5 };
const sh = (iso: string) => Date.parse(`${iso}+08:00`);

const kase = (
  n: number,
  over: Partial<CaseSnapshot> & Pick<CaseSnapshot, 'channel' | 'categoryCode' | 'receivedAt'>,
): CaseSnapshot => ({
  id: `c${n}`,
  number: `SH01-YY-202611-${String(n).padStart(4, '0')}`,
  ...over,
});
const slip = (id: string, over: Partial<SlipSnapshot>): SlipSnapshot => ({
  id,
  type: 'return',
  status: 'completed',
  handledAt: sh('2026-11-03T12:00:00'),
  ...over,
});

describe('periods', () => {
  it('ISO week starts on Monday, month is the calendar month, both in the branch time zone', () => {
    const w = periodContaining('week', sh('2026-11-22T23:30:00'), TZ); // a Sunday
    expect(w.key).toBe('2026-W47');
    expect(w.firstDate).toBe('2026-11-16');
    expect(w.lastDate).toBe('2026-11-22');
    expect(w.from).toBe(sh('2026-11-16T00:00:00'));
    expect(w.to).toBe(sh('2026-11-23T00:00:00'));
    const m = periodOfDate('month', '2026-11-30', TZ);
    expect([m.key, m.from, m.to]).toEqual(['2026-11', sh('2026-11-01T00:00:00'), sh('2026-12-01T00:00:00')]);
    expect(periodOfDate('week', '2027-01-01', TZ).key).toBe('2026-W53');
    const prev = previousPeriods(m, 2, TZ);
    expect(prev.map((p) => p.key)).toEqual(['2026-09', '2026-10']);
  });

  it('previous periods are contiguous and each contains its own start (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('week' as const, 'month' as const),
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom(TZ, 'Europe/Berlin', 'America/New_York'),
        (type, ms, tz) => {
          const p = periodContaining(type, ms, tz);
          expect(ms >= p.from && ms < p.to).toBe(true);
          const prev = previousPeriods(p, 6, tz);
          const all = [...prev, p];
          for (let i = 1; i < all.length; i++) expect((all[i - 1] as typeof p).to).toBe((all[i] as typeof p).from);
          expect(periodContaining(type, p.from, tz).key).toBe(p.key);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('business calendar and deadlines agree with business-time.ts', () => {
  it('an overnight day beginning on a spring-forward day closes at 02:00 the next morning (found by the property)', () => {
    const h = { open: '10:00', close: '02:00' };
    const tz = 'America/New_York';
    // 2024-03-10 has no 02:00 (clocks jump to 03:00); its business day still closes at 02:00 EDT on the 11th.
    expect(new Date(closeOf('2024-03-10', h, tz)).toISOString()).toBe('2024-03-11T06:00:00.000Z');
    const atClose = Date.parse('2024-03-11T06:00:00Z');
    expect(businessDayOf(atClose, h, tz)).toBe('2024-03-11');
    expect(new BusinessCalendar(h, tz).businessDayOf(atClose)).toBe('2024-03-11');
  });

  it('businessDayOf and handlingDeadline (property, normal and overnight hours, other zones)', () => {
    const hours = fc.constantFrom(
      { open: '09:00', close: '21:00' },
      { open: '10:00', close: '02:00' },
      { open: '08:30', close: '22:15' },
    );
    fc.assert(
      fc.property(
        hours,
        fc.constantFrom(TZ, 'Europe/Berlin', 'America/New_York'),
        fc.array(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 11, 31) }), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.constantFrom(...CHANNELS),
        fc.boolean(),
        (h, tz, instants, channel, extended) => {
          const cal = new BusinessCalendar(h, tz);
          const settings = { timeZone: tz, businessHours: h, governmentReplyDays: 5 };
          for (const ms of instants) {
            expect(cal.businessDayOf(ms)).toBe(businessDayOf(ms, h, tz));
            expect(cal.dayOf(ms).date).toBe(businessDayOf(ms, h, tz));
            const f = caseFacts(
              {
                id: 'x',
                number: 'n',
                channel,
                categoryCode: 'other',
                receivedAt: ms,
                extendedAt: extended ? ms : null,
              },
              [],
              settings,
            );
            expect(f.deadlineAt).toBe(
              handlingDeadline({ channel, receivedAt: ms, extendedToNextDay: extended }, settings),
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('summarize: a hand-checked month', () => {
  const month = periodOfDate('month', '2026-11-15', TZ);
  const prev = previousPeriods(month, 2, TZ);
  const cases: [CaseSnapshot, SlipSnapshot[]][] = [
    [
      kase(1, {
        channel: 'phone',
        categoryCode: 'product_quality',
        complainedUnitId: 'U1',
        receivedAt: sh('2026-11-03T10:00:00'),
        firstFedBackAt: sh('2026-11-03T15:00:00'),
        satisfaction: 'satisfied',
        finding: 'founded',
      }),
      [
        slip('s1', {
          type: 'return',
          returnedTotalFen: 10000,
          refundFen: 10000,
          qualityProblem: true,
          deductCommission: false,
          caseId: 'c1',
        }),
      ],
    ],
    [
      kase(2, {
        channel: 'in_store',
        categoryCode: 'service_attitude',
        complainedUnitId: 'U2',
        receivedAt: sh('2026-11-03T20:30:00'),
        extendedAt: sh('2026-11-03T20:40:00'),
        firstFedBackAt: sh('2026-11-04T10:00:00'),
        satisfaction: 'basically_satisfied',
      }),
      [
        slip('s2', {
          type: 'exchange',
          returnedTotalFen: 5000,
          refundFen: 0,
          qualityProblem: false,
          deductCommission: true,
          caseId: 'c2',
        }),
        slip('s2v', {
          type: 'return',
          status: 'void',
          returnedTotalFen: 99999,
          refundFen: 99999,
          qualityProblem: true,
          deductCommission: true,
          caseId: 'c2',
        }),
      ],
    ],
    [
      // After closing: the business day is the 6th, so feedback on the 6th is "same day".
      kase(3, {
        channel: 'phone',
        categoryCode: 'product_quality',
        complainedUnitId: 'U1',
        receivedAt: sh('2026-11-05T22:00:00'),
        firstFedBackAt: sh('2026-11-06T20:00:00'),
        satisfaction: 'unsatisfied',
        disputed: true,
        disputedAt: sh('2026-11-06T20:00:00'),
        escalations: [{ kind: 'duty_supervisor' }],
        typical: true,
        finding: 'unfounded',
      }),
      [],
    ],
    [
      kase(4, {
        channel: 'government',
        categoryCode: 'other',
        receivedAt: sh('2026-11-10T10:00:00'),
        firstFedBackAt: sh('2026-11-13T10:00:00'),
      }),
      [],
    ],
    [
      kase(5, {
        channel: 'phone',
        categoryCode: 'price',
        complainedUnitId: 'U1',
        receivedAt: sh('2026-11-12T10:00:00'),
        firstFedBackAt: sh('2026-11-13T10:00:00'),
      }),
      [],
    ],
    // The first instant of the month belongs to it; still open.
    [
      kase(6, { channel: 'letter', categoryCode: 'other', receivedAt: sh('2026-11-01T00:00:00'), severity: 'major' }),
      [],
    ],
    [
      kase(7, {
        channel: 'phone',
        categoryCode: 'price',
        receivedAt: sh('2026-10-15T10:00:00'),
        firstFedBackAt: sh('2026-10-16T10:00:00'),
      }),
      [],
    ],
    // The first instant of December is not November's.
    [kase(8, { channel: 'phone', categoryCode: 'price', receivedAt: sh('2026-12-01T00:00:00') }), []],
  ];
  const facts = cases.map(([c, sl]) => caseFacts(c, sl, s));
  const standalone = slipFacts(
    slip('s9', {
      type: 'return',
      handledAt: sh('2026-11-15T11:00:00'),
      returnedTotalFen: 2000,
      refundFen: 2000,
      qualityProblem: true,
      deductCommission: true,
    }),
  );
  const sum = summarize(facts, month, prev, {
    asOf: sh('2026-11-25T12:00:00'),
    standaloneSlips: standalone ? [standalone] : [],
  });

  it('counts by category, channel, unit and severity', () => {
    expect(sum.total).toBe(6);
    expect(sum.byCategory).toEqual([
      { key: 'other', count: 2 },
      { key: 'product_quality', count: 2 },
      { key: 'price', count: 1 },
      { key: 'service_attitude', count: 1 },
    ]);
    expect(Object.fromEntries(sum.byChannel.map((r) => [r.key, r.count]))).toEqual({
      phone: 3,
      in_store: 1,
      government: 1,
      letter: 1,
      online: 0,
      email: 0,
      other: 0,
    });
    expect(sum.byUnit).toEqual([
      { key: 'U1', count: 3 },
      { key: '', count: 2 },
      { key: 'U2', count: 1 },
    ]);
    expect(sum.bySeverity).toEqual({ general: 5, major: 1 });
  });

  it('closing against the limits, satisfaction, findings, disputes and escalations', () => {
    expect(sum.closing).toEqual({
      same_day: 2,
      next_day: 1,
      within_limit: 1,
      late: 1,
      open: 1,
      not_accepted: 0,
      duplicate: 0,
    });
    expect(sum.openOverdue).toBe(1);
    expect(sum.satisfaction).toEqual({ satisfied: 1, basically_satisfied: 1, unsatisfied: 1, not_asked: 3 });
    expect(sum.findings).toEqual({ founded: 1, partly_founded: 0, unfounded: 1, none: 4 });
    expect([sum.disputed, sum.escalated, sum.escalationsByKind.duty_supervisor]).toEqual([1, 1, 1]);
    expect(sum.attention.map((r) => r.number)).toEqual(['SH01-YY-202611-0003']);
    expect(sum.typical.map((r) => r.number)).toEqual(['SH01-YY-202611-0003']);
    expect(sum.typicalTotal).toBe(1);
  });

  it('returns and exchanges: void slips count nowhere, standalone slips by the day handled', () => {
    expect(sum.slips).toEqual({
      count: 3,
      returns: 2,
      exchanges: 1,
      returnedFen: 17000,
      refundFen: 12000,
      qualityCount: 2,
      qualityFen: 12000,
      qualityShare: 2 / 3,
      commissionCount: 2,
      commissionFen: 7000,
    });
  });

  it('trend: previous periods oldest first, then this one', () => {
    expect(sum.trend.map((t) => [t.key, t.total, t.late, t.sameDay, t.slips])).toEqual([
      ['2026-09', 0, 0, 0, 0],
      ['2026-10', 1, 1, 0, 0],
      ['2026-11', 6, 1, 2, 3],
    ]);
  });
});

const ENDS = { from: Date.UTC(2026, 7, 1), to: Date.UTC(2027, 1, 1) };
const caseArb = fc.record({
  channel: fc.constantFrom(...CHANNELS),
  categoryCode: fc.constantFrom('product_quality', 'service_attitude', 'price', 'other'),
  receivedAt: fc.integer({ min: ENDS.from, max: ENDS.to }),
  complainedUnitId: fc.option(fc.constantFrom('U1', 'U2', 'U3'), { nil: undefined }),
  feedbackAfterMs: fc.option(fc.integer({ min: 0, max: 10 * 86_400_000 }), { nil: undefined }),
  extended: fc.boolean(),
  satisfaction: fc.option(fc.constantFrom(...SATISFACTIONS), { nil: null }),
  finding: fc.option(fc.constantFrom(...FINDINGS), { nil: undefined }),
  disputed: fc.option(fc.boolean(), { nil: undefined }),
  escalations: fc.array(fc.constantFrom(...ESCALATION_KINDS), { maxLength: 2 }),
  typical: fc.boolean(),
  slips: fc.array(
    fc.record({
      type: fc.constantFrom('return' as const, 'exchange' as const),
      status: fc.constantFrom('completed' as const, 'void' as const, 'pending_approval' as const),
      returnedTotalFen: fc.nat(100_000),
      refundFen: fc.nat(100_000),
      qualityProblem: fc.boolean(),
      deductCommission: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
});

describe('summarize: totals are consistent (property)', () => {
  it('every breakdown sums to the total; the trend ends with this period; slips add up', () => {
    fc.assert(
      fc.property(
        fc.array(caseArb, { maxLength: 80 }),
        fc.constantFrom('week' as const, 'month' as const),
        fc.integer({ min: 0, max: 6 }),
        (rows, type, nPrev) => {
          const facts: SummaryFacts[] = rows.map((r, i) =>
            caseFacts(
              {
                id: `c${i}`,
                number: `N${i}`,
                channel: r.channel,
                categoryCode: r.categoryCode,
                receivedAt: r.receivedAt,
                complainedUnitId: r.complainedUnitId,
                firstFedBackAt: r.feedbackAfterMs === undefined ? undefined : r.receivedAt + r.feedbackAfterMs,
                extendedAt: r.extended ? r.receivedAt : null,
                satisfaction: r.satisfaction,
                finding: r.finding,
                disputed: r.disputed,
                escalations: r.escalations.map((kind) => ({ kind })),
                typical: r.typical,
              },
              r.slips.map((x, j) => ({ id: `s${i}-${j}`, handledAt: r.receivedAt, caseId: `c${i}`, ...x })),
            ),
          );
          const p = periodContaining(type, Date.UTC(2026, 10, 15), TZ);
          const sum = summarize(facts, p, previousPeriods(p, nPrev, TZ), { asOf: Date.UTC(2026, 11, 1) });
          const inP = facts.filter((f) => f.receivedAt >= p.from && f.receivedAt < p.to);
          const add = (xs: { count: number }[]) => xs.reduce((a, x) => a + x.count, 0);
          const vals = (o: Record<string, number>) => Object.values(o).reduce((a, x) => a + x, 0);
          expect(sum.total).toBe(inP.length);
          expect(add(sum.byCategory)).toBe(sum.total);
          expect(add(sum.byChannel)).toBe(sum.total);
          expect(add(sum.byUnit)).toBe(sum.total);
          expect(vals(sum.closing)).toBe(sum.total);
          expect(vals(sum.satisfaction)).toBe(sum.total);
          expect(vals(sum.findings)).toBe(sum.total);
          expect(vals(sum.bySeverity)).toBe(sum.total);
          expect(sum.openOverdue).toBeLessThanOrEqual(sum.closing.open);
          expect(sum.attentionTotal).toBe(inP.filter((f) => f.disputed || f.escalationKinds.length > 0).length);
          expect(sum.typicalTotal).toBe(inP.filter((f) => f.typical).length);
          const live = inP.flatMap((f) => f.slips);
          expect(sum.slips.count).toBe(live.length);
          expect(sum.slips.returns + sum.slips.exchanges).toBe(sum.slips.count);
          expect(sum.slips.refundFen).toBe(live.reduce((a, x) => a + x.refundFen, 0));
          expect(sum.slips.qualityCount).toBeLessThanOrEqual(sum.slips.count);
          expect(sum.slips.qualityShare).toBeGreaterThanOrEqual(0);
          expect(sum.slips.qualityShare).toBeLessThanOrEqual(1);
          expect(sum.trend).toHaveLength(nPrev + 1);
          const last = sum.trend[nPrev];
          expect(last?.key).toBe(p.key);
          expect(last?.total).toBe(sum.total);
          expect(last?.slips).toBe(sum.slips.count);
        },
      ),
      { numRuns: 150 },
    );
  });
});
