// A person's data through the contract (issue 20 §3): the deletion request that anonymises it early.
import { anonymisePerson } from '../services/anonymise-person';
import type { PrivateHandlers } from './types';

export const personalDataHandlers = {
  'personalData.anonymisePerson': (ctx, s, input) => anonymisePerson.parsed(ctx, s.actor, input),
} satisfies Partial<PrivateHandlers>;
