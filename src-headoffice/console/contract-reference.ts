// The console's reference records (issue 21 §1, §4): the working calendar and the phrase library as head office
// holds them, publishing a new version, the audit and the preview of what branches receive. Paths, request
// schemas and answers; pure (zod and types) so that the console UI imports it too (re-exported by api-contract.ts).
import { z } from 'zod';
import {
  CalendarYear,
  PhraseLibrary,
  type ReferenceKind,
  type ReferenceOnPull,
  type ReferenceRecord,
} from '../../src-main/shared/reference-data';
import { CONSOLE_API, opt } from './contract-base';

export const REFERENCE_PATHS = {
  /** GET: every record head office holds, without bodies. */
  list: `${CONSOLE_API}/reference`,
  /** GET: one year (404 when head office holds none); PUT {body}: publish it. */
  calendarYear: `${CONSOLE_API}/reference/calendar/:year`,
  /** GET: the library; PUT {body}: publish it. */
  phrases: `${CONSOLE_API}/reference/phrases`,
  /** GET ?kind&key: who published what when, newest first. */
  audit: `${CONSOLE_API}/reference/audit`,
  /** GET ?after=SEQ: exactly what a branch whose cursor is SEQ receives on its next pull (0 or absent: a new branch). */
  preview: `${CONSOLE_API}/reference/preview`,
} as const;

/** The path of one year's calendar. */
export const calendarYearPath = (year: number): string => REFERENCE_PATHS.calendarYear.replace(':year', String(year));

/** The `:year` of the calendar routes. */
export const CalendarYearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** PUT reference/calendar/:year — the whole year as it should be (its `year` must be the path's). */
export const PublishCalendarBody = z.strictObject({ body: CalendarYear });
export type PublishCalendarBody = z.infer<typeof PublishCalendarBody>;

/** PUT reference/phrases — the whole library as it should be. */
export const PublishPhrasesBody = z.strictObject({ body: PhraseLibrary });
export type PublishPhrasesBody = z.infer<typeof PublishPhrasesBody>;

export const ReferenceAuditQuery = z.object({
  kind: opt(z.enum(['calendar', 'phrases'])),
  key: opt(z.string().trim().min(1).max(20)),
});
export type ReferenceAuditQuery = z.infer<typeof ReferenceAuditQuery>;

export const ReferencePreviewQuery = z.object({ after: opt(z.coerce.number().int().min(0)) });
export type ReferencePreviewQuery = z.infer<typeof ReferencePreviewQuery>;

/** One record head office holds, without its body. */
export interface ReferenceListRow {
  kind: ReferenceKind;
  key: string;
  version: number;
  /** ISO instant. */
  publishedAt: string;
  /** The reviewer's name; '随应用发布 shipped' for a version 1 head office seeded from the shipped data. */
  publishedBy: string;
  /** False for the shipped version 1, which branches already have and which is never sent. */
  published: boolean;
  /** Calendar years: whether the year is provisional (statutory days only); null for the library. */
  provisional: boolean | null;
}

export interface ReferenceListAnswer {
  records: ReferenceListRow[];
  /** Whether the signed-in reviewer may publish (reviewers.edits_reference). */
  mayEdit: boolean;
}

/** GET reference/calendar/:year, GET reference/phrases, and the answer of each PUT (201). */
export interface ReferenceRecordAnswer {
  record: ReferenceRecord;
  published: boolean;
  mayEdit: boolean;
}

/** One publication, as the append-only log holds it. */
export interface ReferenceAuditRow {
  seq: number;
  kind: ReferenceKind;
  key: string;
  version: number;
  /** ISO instant. */
  publishedAt: string;
  reviewer: string;
  reviewerName: string;
}

export interface ReferenceAuditAnswer {
  entries: ReferenceAuditRow[];
}

/** Exactly the pull answer's `reference` and `referenceCursor` for a branch at `after`. */
export interface ReferencePreviewAnswer {
  after: number;
  reference: ReferenceOnPull[];
  referenceCursor: number;
}

/** The shipped version's publisher, as listed. */
export const SHIPPED_PUBLISHER = '随应用发布 shipped';
