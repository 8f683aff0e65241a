// Issue 18 §3, §4 through the contract: a complainant sign on a case, and the double refunds across branches.
import { toView } from '../services/case-read';
import { recordComplainantSign } from '../services/complainant-signs';
import { doubleRefundsWaiting, slipDoubleRefunds } from '../services/cross-branch-refunds';
import type { PrivateHandlers } from './types';

export const crossBranchHandlers = {
  'cases.complainantSign': (ctx, s, input) => toView(ctx, s.actor, recordComplainantSign.parsed(ctx, s.actor, input)),
  'slips.doubleRefunds': (ctx, s, input) => slipDoubleRefunds.parsed(ctx, s.actor, input),
  'refunds.doubleWaiting': (ctx, s, input) => doubleRefundsWaiting.parsed(ctx, s.actor, input),
} satisfies Partial<PrivateHandlers>;
