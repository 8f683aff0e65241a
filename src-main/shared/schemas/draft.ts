import { z } from 'zod';

/** A form's draft slot, e.g. `intake.phone` or `slip.<case id>`; one per user and form. */
export const DraftForm = z.string().regex(/^[a-z][a-z0-9_]{0,31}(\.[a-zA-Z0-9_-]{1,64})?$/);

/** Large enough for any form a clerk types; a bigger value is a bug, not a draft. */
export const DRAFT_MAX_BYTES = 64 * 1024;

export const DraftKeyInput = z.strictObject({ form: DraftForm });
export const DraftSaveInput = z.strictObject({
  form: DraftForm,
  value: z.json().refine((v) => Buffer.byteLength(JSON.stringify(v), 'utf8') <= DRAFT_MAX_BYTES, {
    params: {
      zh: `草稿过大(最多 ${DRAFT_MAX_BYTES / 1024} KB)`,
      en: `is too large (at most ${DRAFT_MAX_BYTES / 1024} KB)`,
    },
  }),
});

export interface DraftView {
  form: string;
  savedAt: number;
  value: unknown;
}
