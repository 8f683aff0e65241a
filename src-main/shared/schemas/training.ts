// Inputs of the secretary's training-text channels (issue 17 §6): the queue, the draft, approve and send back.
import { z } from 'zod';
import { Id } from './common';

const Text = (max: number) => z.string().trim().max(max);

export const TrainingQueueInput = z.strictObject({});

/**
 * The edited words of a training sheet. Lists follow the draft's order (one entry per note,
 * escalation and instruction); an emptied entry is left off the sheet.
 */
export const TrainingApproveInput = z.strictObject({
  caseId: Id,
  content: Text(5000),
  expectedResolution: Text(2000),
  resolutionSummary: Text(2000),
  reviewText: Text(2000),
  notes: z.array(Text(2000)).max(500),
  escalations: z.array(Text(2000)).max(100),
  instructions: z.array(Text(2000)).max(100),
});
export type TrainingApproveInput = z.input<typeof TrainingApproveInput>;

export const TrainingReturnInput = z.strictObject({ caseId: Id, reason: Text(500).min(1) });
