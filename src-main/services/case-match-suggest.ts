// Issue 22 (contract commit): cases.suggestMatches — the service follows in the next commit.
import type { Actor } from '../domain/case-machine';
import type { MatchSuggestion } from '../shared/case-links';
import { SuggestMatchesInput } from '../shared/schemas/case-links';
import type { ServiceContext } from './context';
import { withInput } from './with-input';

export const suggestMatches = withInput(
  SuggestMatchesInput,
  (_c: ServiceContext, _a: Actor, _i: unknown): MatchSuggestion[] => [],
);
