// The shapes of the weekly/monthly summary (SPEC §8), shared by main (domain/summary.ts computes
// them), the renderer (SummaryView shows them) and head office (its console shows the
// consolidated one). Types and constants only.
import type { OfferSummary } from './resolution-offer';
import type {
  BodyAnswer,
  Channel,
  EscalationKind,
  Finding,
  ResolutionType,
  Satisfaction,
  Severity,
  SlipType,
} from './enums';

export const PERIOD_TYPES = ['week', 'month'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export interface Period {
  type: PeriodType;
  /** `2026-W47` for an ISO week, `2026-11` for a month. */
  key: string;
  /** First local date of the period (ISO). */
  firstDate: string;
  /** Last local date of the period (ISO, inclusive). */
  lastDate: string;
  from: number;
  to: number;
}

/** How the handling limit (SPEC §4) was met: measured at the first feedback to the customer. */
/** How a case received in the period stands: closed in time, late, still open, or not accepted (不予受理, counted apart). */
/** duplicate (issue 22): merged into another case (closed as 重复), counted apart like not_accepted. */
export const CLOSINGS = ['same_day', 'next_day', 'within_limit', 'late', 'not_accepted', 'duplicate', 'open'] as const;
export type Closing = (typeof CLOSINGS)[number];

/** What the summary counts of follow-ups (回访): each outcome, and those not done yet. */
export const FOLLOW_UP_TALLIES = ['reached_satisfied', 'reached_unsatisfied', 'unreachable', 'open'] as const;
export type FollowUpTally = (typeof FOLLOW_UP_TALLIES)[number];

export interface SlipFacts {
  slipId: string;
  number: string;
  type: SlipType;
  handledAt: number;
  /** Value of the goods taken back (the amount the approval authority is measured on). */
  returnedFen: number;
  refundFen: number;
  qualityProblem: boolean;
  deductCommission: boolean;
  caseId: string | null;
}

export interface CountRow {
  key: string;
  count: number;
}

/** A case named in a list of the summary; no customer data. */
export interface CaseRef {
  caseId: string;
  number: string;
  receivedAt: number;
  channel: Channel;
  categoryCode: string;
  complainedUnitId: string | null;
  finding: Finding | null;
  resolutionType: ResolutionType | null;
  disputed: boolean;
  escalated: boolean;
}

export interface SlipSummary {
  count: number;
  returns: number;
  exchanges: number;
  returnedFen: number;
  refundFen: number;
  qualityCount: number;
  qualityFen: number;
  /** qualityCount / count (0 when there is no slip). */
  qualityShare: number;
  commissionCount: number;
  commissionFen: number;
}

/** Written reply to a government body against its limit (SPEC §4): none recorded yet, on time, late. */
export const WRITTEN_REPLIES = ['on_time', 'late', 'none'] as const;
export type WrittenReply = (typeof WRITTEN_REPLIES)[number];

/** The government-channel cases of the period: by the body's answer, and by the written reply against the limit. */
export interface GovernmentSummary {
  total: number;
  answers: Record<BodyAnswer | 'unanswered', number>;
  writtenReplies: Record<WrittenReply, number>;
}

/**
 * The promised reply times of the period's cases: made, answered by their time (kept), answered late
 * or unanswered past their time at `asOf` (missed), and not yet due (open).
 */
export interface PromiseSummary {
  made: number;
  kept: number;
  missed: number;
  open: number;
}

export interface TrendPoint {
  key: string;
  from: number;
  to: number;
  total: number;
  sameDay: number;
  late: number;
  satisfied: number;
  unsatisfied: number;
  disputed: number;
  escalated: number;
  slips: number;
  refundFen: number;
}

export interface Summary {
  period: Period;
  previous: Period[];
  /** The instant open cases were judged against for overdue; null when not given. */
  asOf: number | null;
  total: number;
  /** Issue 22: the matters the period's cases make — linked cases and merged duplicates count once ("3 cases, 2 matters");
   * absent from older summaries. */
  matters?: number;
  /** Sorted by count (descending), then key. Unit key '' = no unit recorded. */
  byCategory: CountRow[];
  /** Every channel, in the order of CHANNELS, zeros included. */
  byChannel: CountRow[];
  byUnit: CountRow[];
  bySeverity: Record<Severity, number>;
  closing: Record<Closing, number>;
  /** Open cases past their handling limit at `asOf` (a part of closing.open). */
  openOverdue: number;
  satisfaction: Record<Satisfaction | 'not_asked', number>;
  findings: Record<Finding | 'none', number>;
  disputed: number;
  escalated: number;
  escalationsByKind: Record<EscalationKind, number>;
  promises: PromiseSummary;
  government: GovernmentSummary;
  /** Disputed or escalated cases, oldest first, at most `listLimit`; attentionTotal counts them all. */
  attention: CaseRef[];
  attentionTotal: number;
  /** Returns section, case-month view: the slips of the cases received in the period, and slips linked to no case by their slip date. */
  slips: SlipSummary;
  /** Returns section, slip-date view (what finance reconciles): every slip whose slip date (handledAt) falls in the period. */
  slipsByDate: SlipSummary;
  typical: CaseRef[];
  typicalTotal: number;
  /** The follow-ups of this period's cases by outcome (open: not done yet). */
  followUps: Record<FollowUpTally, number>;
  /** This period's cases filed as "customer unreachable" (顾客无法联系). */
  filedUnreachable: number;
  /** The previous periods, oldest first, then this period. */
  trend: TrendPoint[];
  /** 纠正预防措施 of the period (domain/summary/capa-tally.ts); absent where the store keeps none (head office). */
  correctiveActions?: CapaSummary;
  /** Handling steps followed (domain/summary/steps-tally.ts); absent where the store keeps none (head office, older summaries). */
  handlingSteps?: HandlingStepsSummary;
  /** 按商品 (domain/summary/item-tally.ts): the most complained-about items, at most itemLimit; absent from older summaries. */
  byItem?: ItemRow[];
  /** How many distinct items the period's cases name (byItem lists the first of them). */
  byItemTotal?: number;
  /** 方案被接受 (domain/summary/offer-tally.ts): options offered and chosen; absent from older summaries. */
  offers?: OfferSummary;
}

/** An item's complaints in the period, counted by its key (domain/item-key.ts). No brand or supplier: cases record none. */
export interface ItemRow {
  key: string;
  /** The name typed most recently for this key (by the case's received time). */
  name: string;
  /** The counted code (normalised) when the key is a code; null for an item known by its name only. */
  code: string | null;
  /** Cases received in the period that name the item (a case counts once however many lines name it). */
  count: number;
  /** Of those, found founded or partly founded. */
  founded: number;
}

/** Handling steps followed (issue 21 §3) over the cases received in the period, by the library in force. */
export interface HandlingStepsSummary {
  /** The period's cases. */
  cases: number;
  /** Of those, the cases with every step for their channel ticked. */
  allSteps: number;
  /** Per step of the library: the period's cases it applies to (by channel) and those that ticked it. */
  steps: { key: string; title: { zh: string; en: string }; applicable: number; ticked: number }[];
}

/** Corrective actions set, done, confirmed and fallen overdue in a period. */
export interface CapaSummary {
  opened: number;
  done: number;
  confirmed: number;
  overdue: number;
}

/** A summary with what it needs to be shown or printed: the branch, and the names behind the keys. */
export interface SummaryReport {
  summary: Summary;
  /** One branch, or the consolidation at head office. */
  branch: { code: string; name: string };
  timeZone: string;
  generatedAt: number;
  names: {
    categories: Record<string, { zh: string; en: string }>;
    units: Record<string, string>;
  };
}

export const REPORT_JOB_STATES = ['running', 'done', 'cancelled', 'failed'] as const;
export type ReportJobState = (typeof REPORT_JOB_STATES)[number];

/** A summary being computed in main: progress in cases read, pushed as `reports.progress` and polled by `reports.status`. */
export interface ReportJobStatus {
  jobId: string;
  state: ReportJobState;
  done: number;
  total: number;
  period: Period;
  /** Why it failed, in both languages; null otherwise. */
  error: { zh: string; en: string } | null;
}
