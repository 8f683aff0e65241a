// Inputs of the report and training-library channels (SPEC §8, §3 典型范例).
import { z } from 'zod';
import { PERIOD_TYPES } from '../summary-types';
import { Id, LocalDate } from './common';

export const ReportStartInput = z.strictObject({
  periodType: z.enum(PERIOD_TYPES),
  /** Any local date inside the wanted week or month. */
  date: LocalDate,
  /** How many earlier periods the trend shows. */
  previousCount: z.number().int().min(0).max(12).default(6),
});
export type ReportStartInput = z.input<typeof ReportStartInput>;

export const ReportJobInput = z.strictObject({ jobId: z.uuid() });

export const REPORT_FORMATS = ['pdf', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const ReportExportInput = z.strictObject({
  jobId: z.uuid(),
  format: z.enum(REPORT_FORMATS),
  lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
});

export const TrainingListInput = z.strictObject({
  categoryCode: z.string().trim().max(40).optional(),
  q: z.string().trim().max(50).optional(),
});

export const TrainingCaseInput = z.strictObject({ caseId: Id });
