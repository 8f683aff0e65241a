// Issue 22 through the contract: cases of one matter suggested, linked, unlinked, merged and a merge undone;
// each change answered with the case as this user may see it.
import { toView } from '../services/case-read';
import { linkCases, mergeCases, undoMerge, unlinkCase } from '../services/case-links';
import { suggestMatches } from '../services/case-match-suggest';
import { crossBranchMatter } from '../services/matter-notices';
import type { PrivateHandlers } from './types';

export const caseLinkHandlers = {
  'cases.suggestMatches': (ctx, s, input) => suggestMatches.parsed(ctx, s.actor, input),
  'cases.link': (ctx, s, input) => toView(ctx, s.actor, linkCases.parsed(ctx, s.actor, input)),
  'cases.unlink': (ctx, s, input) => toView(ctx, s.actor, unlinkCase.parsed(ctx, s.actor, input)),
  'cases.merge': (ctx, s, input) => toView(ctx, s.actor, mergeCases.parsed(ctx, s.actor, input)),
  'cases.undoMerge': (ctx, s, input) => toView(ctx, s.actor, undoMerge.parsed(ctx, s.actor, input)),
  // issue 22 §4 (part C): head office's cross-branch matter notice, read through the case view.
  'cases.crossBranchMatter': (ctx, s, input) => crossBranchMatter.parsed(ctx, s.actor, input),
} satisfies Partial<PrivateHandlers>;
