// The 'anonymisation' record (issue 20 §2, §3): which cases, slips and tied records a branch
// anonymised, when and why. It carries ids and numbers only, never a personal value.
import { z } from 'zod';

export const ANONYMISATION_REASONS = ['retention', 'person_request'] as const;
export type AnonymisationReason = (typeof ANONYMISATION_REASONS)[number];

export const AnonymisationRecord = z.object({
  id: z.string().min(1),
  at: z.number().int(),
  reason: z.enum(ANONYMISATION_REASONS),
  cases: z.array(z.object({ id: z.string().min(1), number: z.string().min(1) })),
  slips: z.array(z.object({ id: z.string().min(1), number: z.string().min(1) })),
  followUpIds: z.array(z.string().min(1)).default([]),
  customerIds: z.array(z.string().min(1)).default([]),
  attachmentIds: z.array(z.string().min(1)).default([]),
  personalAttachmentIds: z.array(z.string().min(1)).default([]),
  counts: z.record(z.string(), z.number().int()).default({}),
});
export type AnonymisationRecord = z.infer<typeof AnonymisationRecord>;

/** Retention in years after filing (or after a not-accepted case's decline): the setting's bounds. */
export const RETENTION_YEARS_MIN = 1;
export const RETENTION_YEARS_MAX = 30;
export const DEFAULT_RETENTION_YEARS = 3;
