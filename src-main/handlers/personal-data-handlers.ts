// Personal data through the contract (issue 20): reveal one case's or slip's contact with a reason and the
// access log (§1); the deletion request that anonymises a person early and the retention in force (§2, §3).
import { accessLogFor } from '../services/access-log';
import { anonymisePerson } from '../services/anonymise-person';
import { revealPersonalData } from '../services/personal-data-reveal';
import { effectiveRetentionYears } from '../services/retention';
import type { PrivateHandlers } from './types';

export const personalDataHandlers = {
  'personalData.reveal': (ctx, s, input) => revealPersonalData.parsed(ctx, s.actor, input),
  'personalData.accessLog': (ctx, s, input) => accessLogFor.parsed(ctx, s.actor, input),
  'personalData.anonymisePerson': (ctx, s, input) => anonymisePerson.parsed(ctx, s.actor, input),
  'personalData.retentionStatus': (ctx) => ({
    ...effectiveRetentionYears(ctx),
    branchYears: ctx.settings().retentionYears,
  }),
} satisfies Partial<PrivateHandlers>;
