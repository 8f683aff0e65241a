// Drafts of unfinished forms, one per user and form (SPEC: nothing half-typed is lost to a
// crash or a power cut). Each save is its own small commit; the renderer saves a few hundred
// milliseconds after the clerk stops typing. A draft is offered back only to its author.
import { stmt } from '../db/statements';
import { DraftKeyInput, DraftSaveInput, type DraftView } from '../shared/schemas/draft';
import type { ServiceContext } from './context';
import { withInput, type Parsed } from './with-input';

/** Older drafts are dropped when next looked up: a month-old half-typed complaint is stale. */
export const DRAFT_KEEP_MS = 30 * 24 * 3600_000;

export const saveDraft = withInput(
  DraftSaveInput,
  function saveDraft(ctx: ServiceContext, userId: string, input: Parsed<typeof DraftSaveInput>): { savedAt: number } {
    const { form, value } = input;
    const savedAt = ctx.now();
    stmt(
      ctx.db,
      `INSERT INTO drafts (user_id, form, payload, saved_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (user_id, form) DO UPDATE SET payload = excluded.payload, saved_at = excluded.saved_at`,
    ).run(userId, form, JSON.stringify(value), savedAt);
    return { savedAt };
  },
);

export const getDraft = withInput(
  DraftKeyInput,
  function getDraft(ctx: ServiceContext, userId: string, input: Parsed<typeof DraftKeyInput>): DraftView | null {
    const { form } = input;
    const row = stmt(ctx.db, 'SELECT payload, saved_at FROM drafts WHERE user_id = ? AND form = ?').get(
      userId,
      form,
    ) as { payload: string; saved_at: number } | undefined;
    if (!row) return null;
    if (ctx.now() - row.saved_at > DRAFT_KEEP_MS) {
      stmt(ctx.db, 'DELETE FROM drafts WHERE user_id = ? AND form = ?').run(userId, form);
      return null;
    }
    return { form, savedAt: row.saved_at, value: JSON.parse(row.payload) as unknown };
  },
);

export const discardDraft = withInput(
  DraftKeyInput,
  function discardDraft(ctx: ServiceContext, userId: string, input: Parsed<typeof DraftKeyInput>): null {
    const { form } = input;
    stmt(ctx.db, 'DELETE FROM drafts WHERE user_id = ? AND form = ?').run(userId, form);
    return null;
  },
);
