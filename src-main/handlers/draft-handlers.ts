// Drafts belong to the signed-in user: the user id comes from main's session, never from input.
import { discardDraft, getDraft, saveDraft } from '../services/drafts';
import type { PrivateHandlers } from './types';

export const draftHandlers = {
  'drafts.save': (ctx, s, input) => saveDraft.parsed(ctx, s.actor.id, input),
  'drafts.get': (ctx, s, input) => getDraft.parsed(ctx, s.actor.id, input),
  'drafts.discard': (ctx, s, input) => discardDraft.parsed(ctx, s.actor.id, input),
} satisfies Partial<PrivateHandlers>;
