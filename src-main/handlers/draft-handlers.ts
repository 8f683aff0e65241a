// Drafts belong to the signed-in user: the user id comes from main's session, never from input.
import { discardDraft, getDraft, saveDraft } from '../services/drafts';
import type { Handler } from './types';

export const draftHandlers = {
  'drafts.save': ((ctx, s, input) => saveDraft(ctx, s.actor.id, input)) as Handler<'drafts.save'>,
  'drafts.get': ((ctx, s, input) => getDraft(ctx, s.actor.id, input)) as Handler<'drafts.get'>,
  'drafts.discard': ((ctx, s, input) => discardDraft(ctx, s.actor.id, input)) as Handler<'drafts.discard'>,
};
