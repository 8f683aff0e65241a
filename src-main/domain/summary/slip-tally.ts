// A return/exchange slip summary (退换货) built up one slip at a time; used for both views of the
// returns section (by slip date, by the month the case was received).
import type { SlipFacts, SlipSummary } from '../../shared/summary-types';

export function emptySlips(): SlipSummary {
  return {
    count: 0,
    returns: 0,
    exchanges: 0,
    returnedFen: 0,
    refundFen: 0,
    qualityCount: 0,
    qualityFen: 0,
    qualityShare: 0,
    commissionCount: 0,
    commissionFen: 0,
  };
}

export function addSlip(s: SlipSummary, f: SlipFacts): void {
  s.count++;
  if (f.type === 'return') s.returns++;
  else s.exchanges++;
  s.returnedFen += f.returnedFen;
  s.refundFen += f.refundFen;
  if (f.qualityProblem) {
    s.qualityCount++;
    s.qualityFen += f.returnedFen;
  }
  if (f.deductCommission) {
    s.commissionCount++;
    s.commissionFen += f.returnedFen;
  }
}

/** The finished summary: the quality share filled in (0 when there is no slip). */
export const finishSlips = (s: SlipSummary): SlipSummary => ({
  ...s,
  qualityShare: s.count === 0 ? 0 : s.qualityCount / s.count,
});
