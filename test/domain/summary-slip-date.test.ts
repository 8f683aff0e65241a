// summarize()'s two returns views, pure: `slipsByDate` counts every non-void slip by its slip date
// (handledAt in the period, branch time zone), `slips` by the period its case was received in.
import { describe, expect, it } from 'vitest';
import {
  caseFacts,
  periodOfDate,
  previousPeriods,
  type SlipSnapshot,
  slipFacts,
  summarize,
} from '../../src-main/domain/summary';

const TZ = 'Asia/Shanghai';
const sh = (iso: string) => Date.parse(`${iso}+08:00`);
const nov = periodOfDate('month', '2026-11-15', TZ);
const prev = previousPeriods(nov, 2, TZ);
const slip = (id: string, at: string, fen: number, over: Partial<SlipSnapshot> = {}): SlipSnapshot => ({
  id,
  type: 'return',
  status: 'completed',
  handledAt: sh(at),
  refundFen: fen,
  returnedTotalFen: fen,
  ...over,
});
const kase = (id: string, at: string) =>
  ({ id, number: id, channel: 'phone', categoryCode: 'price', receivedAt: sh(at) }) as const;

// October case, November slip; November case, slip at 00:30 on 1 December (Shanghai); a void November slip.
const oct = caseFacts(kase('a', '2026-10-28T10:00:00'), [slip('s1', '2026-11-03T11:00:00', 100)]);
const late = caseFacts(kase('b', '2026-11-29T10:00:00'), [slip('s2', '2026-12-01T00:30:00', 200)]);
const voided = caseFacts(kase('c', '2026-11-10T10:00:00'), [
  slip('s3', '2026-11-10T12:00:00', 400, { status: 'void' }),
]);
const standalone = slipFacts(slip('s4', '2026-11-20T10:00:00', 800, { type: 'exchange' }));

describe('returns by slip date and by case month', () => {
  it("counts each slip in its own view's month; a void slip in neither; a slip without a case in both", () => {
    const s = summarize([oct, late, voided], nov, prev, { standaloneSlips: standalone ? [standalone] : [] });
    expect(s.slipsByDate).toMatchObject({ count: 2, returns: 1, exchanges: 1, refundFen: 900 });
    expect(s.slips).toMatchObject({ count: 2, returns: 1, exchanges: 1, refundFen: 1000 });
  });

  it("takes the stores' own slip list when given (a slip of a case received long before)", () => {
    const old = slipFacts(slip('s5', '2026-11-05T10:00:00', 1600, { caseId: 'from-may' }));
    const s = summarize([oct], nov, prev, { slips: old ? [old] : [] });
    expect(s.slipsByDate).toMatchObject({ count: 1, refundFen: 1600 });
    expect(s.slips.count).toBe(0);
  });

  it('a slip both linked in facts and listed standalone counts once by date', () => {
    const s1 = oct.slips[0];
    const s = summarize([oct], nov, prev, { standaloneSlips: s1 ? [s1] : [] });
    expect(s.slipsByDate.count).toBe(1);
  });

  it('December by slip date has the 1 December 00:30 slip; its case month (November) does not', () => {
    const dec = periodOfDate('month', '2026-12-10', TZ);
    const s = summarize([oct, late], dec, previousPeriods(dec, 2, TZ));
    expect(s.slipsByDate).toMatchObject({ count: 1, refundFen: 200 });
    expect(s.slips.count).toBe(0);
  });
});
