// The console's contract for the consolidated summary: GET /summary, its files (PDF, CSV, xlsx), the
// cases behind a figure and the branches side by side. Re-exported by api-contract.ts.
import { z } from 'zod';
import {
  BODY_ANSWERS,
  CAUSES,
  CHANNELS,
  ESCALATION_KINDS,
  FINDINGS,
  SATISFACTIONS,
  SEVERITIES,
  type Channel,
  type Finding,
  type Satisfaction,
} from '../../src-main/shared/enums';
import {
  type Closing,
  CLOSINGS,
  FOLLOW_UP_TALLIES,
  type Summary,
  WRITTEN_REPLIES,
} from '../../src-main/shared/summary-types';
import { branchCode, CONSOLE_API, day, FORM_LANGUAGES, opt } from './contract-base';

/**
 * GET /summary — the week (ISO, Monday start) or the month containing `date`, in
 * CONSOLE_TIME_ZONE, over every branch or one. `summary` is the `Summary` computed by
 * src-main/domain/summary.ts (types in src-main/shared/summary-types.ts), with the three
 * previous periods in its trend.
 */
export const SummaryQuery = z.object({
  period: z.enum(['week', 'month']),
  date: day,
  branch: opt(branchCode),
});
export type SummaryQuery = z.infer<typeof SummaryQuery>;

export interface ConsoleSummary {
  period: 'week' | 'month';
  /** First and last day of the period (inclusive), yyyy-mm-dd. */
  firstDate: string;
  lastDate: string;
  branch: string | null;
  cases: number;
  summary: Summary;
  /** Names behind the summary's unit ids (byUnit, complainedUnitId): "SH01 鞋部" when the summary spans branches. */
  names?: { units: Record<string, string> };
}

export const SUMMARY_FILE_FORMATS = ['pdf', 'csv', 'xlsx'] as const;
export type SummaryFileFormat = (typeof SUMMARY_FILE_FORMATS)[number];

export const SUMMARY_PATHS = {
  /** GET SummaryDrillQuery → SummaryDrillAnswer: the cases behind one figure of the summary. */
  drill: `${CONSOLE_API}/summary/cases`,
  /** GET SummaryQuery (branch ignored) → BranchCompareAnswer: one column per branch. */
  compare: `${CONSOLE_API}/summary/branches`,
  /** GET SummaryFileQuery → the summary as a PDF, CSV or xlsx file (the branch's exporters). */
  file: (f: SummaryFileFormat) => `${CONSOLE_API}/summary.${f}`,
} as const;

/**
 * The figures a reviewer can drill into, "family" or "family:value". A value of `null` family
 * takes no value; `'any'` takes any code (a category code, a unit key — "-" for no unit).
 */
export const FIGURE_FAMILIES: Record<string, readonly string[] | 'any' | null> = {
  total: null,
  category: 'any',
  channel: CHANNELS,
  unit: 'any',
  severity: SEVERITIES,
  closing: CLOSINGS,
  overdue: null,
  satisfaction: [...SATISFACTIONS, 'not_asked'],
  finding: [...FINDINGS, 'none'],
  cause: [...CAUSES, 'none'],
  disputed: null,
  escalated: null,
  escalation: ESCALATION_KINDS,
  typical: null,
  attention: null,
  government: null,
  body: [...BODY_ANSWERS, 'unanswered'],
  reply: WRITTEN_REPLIES,
  promises: ['made', 'kept', 'missed', 'open'],
  followups: FOLLOW_UP_TALLIES,
  filed_unreachable: null,
  slips: ['count', 'returns', 'exchanges', 'quality', 'commission'],
};

export const figureKey = (family: string, value?: string): string =>
  value === undefined ? family : `${family}:${value === '' ? '-' : value}`;

export function splitFigure(f: string): { family: string; value: string | null } | null {
  const i = f.indexOf(':');
  const family = i < 0 ? f : f.slice(0, i);
  const value = i < 0 ? null : f.slice(i + 1);
  const allowed = FIGURE_FAMILIES[family];
  if (allowed === undefined) return null;
  if (allowed === null) return value === null ? { family, value } : null;
  if (value === null || value === '') return null;
  if (allowed === 'any') return { family, value };
  return allowed.includes(value) ? { family, value } : null;
}

export const SummaryDrillQuery = SummaryQuery.extend({
  figure: z
    .string()
    .max(200)
    .refine((f) => splitFigure(f) !== null, {
      params: { zh: '不是汇总表中的数字', en: 'is not a figure of the summary' },
    }),
});
export type SummaryDrillQuery = z.infer<typeof SummaryDrillQuery>;

export const SummaryFileQuery = SummaryQuery.extend({
  lang: z.enum(FORM_LANGUAGES).optional(),
  /** attachment: a download; inline: opened in the browser's PDF viewer to be printed. */
  disposition: z.enum(['attachment', 'inline']).optional(),
});
export type SummaryFileQuery = z.infer<typeof SummaryFileQuery>;

/** A case behind a figure; `items` is what it adds to the figure (1 for a case, its slips, promises or follow-ups). */
export interface DrillRow {
  branch: string;
  id: string;
  number: string;
  receivedAt: number;
  channel: Channel;
  categoryCode: string;
  /** Keyed as the summary keys units (see ConsoleSummary.names). */
  unit: string | null;
  closing: Closing;
  satisfaction: Satisfaction | null;
  finding: Finding | null;
  items: number;
  refundFen: number;
}

export interface SummaryDrillAnswer {
  figure: string;
  firstDate: string;
  lastDate: string;
  branch: string | null;
  /** The figure as the summary shows it: the rows' items plus the matching slips linked to no case. */
  total: number;
  /** Slips of the figure linked to no case (no case to list). */
  standaloneSlips: number;
  rows: DrillRow[];
  names: { units: Record<string, string> };
}

/** One branch's column of the side-by-side view, counted by the same summary as /summary?branch=. */
export interface BranchColumn {
  branch: string;
  cases: number;
  /** Closed the same day, the next day or within the limit. */
  onTime: number;
  late: number;
  open: number;
  openOverdue: number;
  notAccepted: number;
  major: number;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
  /** (satisfied + basically satisfied) / asked; null when nobody was asked. */
  satisfactionRate: number | null;
  disputed: number;
  escalated: number;
  slips: number;
  refundFen: number;
}

export interface BranchCompareAnswer {
  period: 'week' | 'month';
  firstDate: string;
  lastDate: string;
  branches: BranchColumn[];
}
