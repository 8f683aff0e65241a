// A person's data through the contract (issue 20 §2, §3): the deletion request that anonymises it
// early, and the retention in force (the settings screen shows head office's as imposed).
import { anonymisePerson } from '../services/anonymise-person';
import { effectiveRetentionYears } from '../services/retention';
import type { PrivateHandlers } from './types';

export const personalDataHandlers = {
  'personalData.anonymisePerson': (ctx, s, input) => anonymisePerson.parsed(ctx, s.actor, input),
  'personalData.retentionStatus': (ctx) => ({
    ...effectiveRetentionYears(ctx),
    branchYears: ctx.settings().retentionYears,
  }),
} satisfies Partial<PrivateHandlers>;
