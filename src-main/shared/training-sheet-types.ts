// The secretary's approval of training text (issue 17 §6): the text of a typical case as the library
// shows it, and the queue of cases waiting for approval. Shared by main and the screens.
import type { EscalationKind } from './enums';

export const TRAINING_SHEET_STATUSES = ['pending', 'approved', 'returned'] as const;
export type TrainingSheetStatus = (typeof TRAINING_SHEET_STATUSES)[number];

/** Every free text of the training sheet. Timestamps and kinds come from the case; only the words are edited. */
export interface TrainingText {
  content: string;
  expectedResolution: string;
  resolutionSummary: string;
  reviewText: string;
  notes: { at: number; text: string }[];
  escalations: { at: number; kind: EscalationKind; text: string }[];
  instructions: { at: number; text: string }[];
}

/** The words of a training text as the secretary's edit sends them (times and kinds stay the case's). */
export interface TrainingWords {
  content: string;
  expectedResolution: string;
  resolutionSummary: string;
  reviewText: string;
  notes: string[];
  escalations: string[];
  instructions: string[];
}

/** The words of `t`, which approve it unchanged: one mapping for the screen, the demo and the tests. */
export const wordsOf = (t: TrainingText): TrainingWords => ({
  content: t.content,
  expectedResolution: t.expectedResolution,
  resolutionSummary: t.resolutionSummary,
  reviewText: t.reviewText,
  notes: t.notes.map((n) => n.text),
  escalations: t.escalations.map((e) => e.text),
  instructions: t.instructions.map((i) => i.text),
});

/** A typical case in the secretary's queue (pending) or sent back. */
export interface TrainingQueueRow {
  caseId: string;
  number: string;
  receivedAt: number;
  categoryName: { zh: string; en: string };
  status: Exclude<TrainingSheetStatus, 'approved'>;
  returnReason: string | null;
  decidedAt: number | null;
}

/** What the secretary edits: the redacted proposal, or the text last approved or sent back. */
export interface TrainingDraft {
  caseId: string;
  number: string;
  status: TrainingSheetStatus;
  returnReason: string | null;
  decidedByName: string | null;
  decidedAt: number | null;
  text: TrainingText;
}
