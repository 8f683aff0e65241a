// Guided handling (issue 21 §3) through the contract: the phrase library in force for every signed-in
// role, and a step ticked or unticked on a case, answered with the case as this user may see it.
import { toView } from '../services/case-read';
import { guidanceLibrary, tickHandlingStep } from '../services/handling-steps';
import type { PrivateHandlers } from './types';

export const guidanceHandlers = {
  'guidance.library': (ctx) => guidanceLibrary(ctx),
  'cases.tickStep': (ctx, s, input) => toView(ctx, s.actor, tickHandlingStep.parsed(ctx, s.actor, input)),
} satisfies Partial<PrivateHandlers>;
