// The weekly/monthly summary (顾客异议处理月报表 / 周汇总, SPEC §8). Pure: the branch builds
// the facts from its SQLite store, head office from the synced snapshots, and both call
// summarize(). Snapshots leave null fields out, so every input field may be absent or null.
//
// Deadlines need the branch's business hours and time zone. The branch passes its settings;
// head office, which does not know them, passes DEFAULT_BRANCH_SETTINGS (the default when the
// argument is omitted), so its same-day/next-day split can differ from the branch's for a
// branch with other hours or another zone.
import type {
  BodyAnswer,
  Cause,
  Channel,
  EscalationKind,
  FilingReason,
  Finding,
  FollowUpOutcome,
  ResolutionType,
  Satisfaction,
  Severity,
} from '../shared/enums';
import { BODY_ANSWERS, CHANNELS, ESCALATION_KINDS, FINDINGS, SATISFACTIONS, SEVERITIES } from '../shared/enums';
import { promiseState } from '../shared/promise-state';
import { DEFAULT_BRANCH_SETTINGS } from '../shared/settings-schema';
import {
  type CaseRef,
  type Closing,
  CLOSINGS,
  type CountRow,
  FOLLOW_UP_TALLIES,
  type FollowUpTally,
  type GovernmentSummary,
  type Period,
  type PromiseSummary,
  type SlipFacts,
  type SlipSummary,
  type Summary,
  type TrendPoint,
  WRITTEN_REPLIES,
  type WrittenReply,
} from '../shared/summary-types';
import type { CaseRecord, SlipRecord } from '../shared/types';
import { BusinessCalendar } from './business-calendar';
import type { DeadlineSettings } from './deadlines';
import { periodContains } from './report-period';

export * from './report-period';
export * from '../shared/summary-types';

type Loose<T> = { [K in keyof T]?: T[K] | null };

/** A case as the branch store or a synced snapshot has it: only these five are always present. */
export type CaseSnapshot = Pick<CaseRecord, 'id' | 'number' | 'channel' | 'categoryCode' | 'receivedAt'> &
  Loose<
    Pick<
      CaseRecord,
      | 'severity'
      | 'complainedUnitId'
      | 'extendedAt'
      | 'firstFedBackAt'
      | 'satisfaction'
      | 'disputed'
      | 'disputedAt'
      | 'cause'
      | 'finding'
      | 'typical'
      | 'resolutionType'
      | 'counterResolvedAt'
      | 'status'
      | 'bodyAnswer'
      | 'firstWrittenReplyDate'
    >
  > & {
    escalations?: readonly { kind: EscalationKind }[] | null;
    /** answeredAt; keptAt in snapshots written before promises were answered one by one. */
    promises?: readonly PromiseTimes[] | null;
    /** The case's follow-ups (回访): the branch reads them from its store, head office from the follow-up records. */
    followUps?: readonly { outcome?: FollowUpOutcome | null; doneAt?: number | null }[] | null;
    filingReason?: FilingReason | null;
  };

/** A promise as the summary needs it. */
export interface PromiseTimes {
  promisedAt: number;
  answeredAt?: number | null;
  keptAt?: number | null;
}

/** A return/exchange slip as stored or synced. */
export type SlipSnapshot = Pick<SlipRecord, 'id' | 'type' | 'status' | 'handledAt'> &
  Loose<
    Pick<SlipRecord, 'number' | 'returnedTotalFen' | 'refundFen' | 'qualityProblem' | 'deductCommission' | 'caseId'>
  >;

export interface SummaryFacts {
  caseId: string;
  number: string;
  receivedAt: number;
  channel: Channel;
  categoryCode: string;
  /** null when no unit was recorded. */
  complainedUnitId: string | null;
  severity: Severity;
  /** The handling limit for this case (same day, next day, or the government reply days). */
  deadlineAt: number;
  closing: Closing;
  satisfaction: Satisfaction | null;
  cause: Cause | null;
  finding: Finding | null;
  disputed: boolean;
  escalationKinds: EscalationKind[];
  typical: boolean;
  resolutionType: ResolutionType | null;
  /** The case's slips that are not void. */
  slips: SlipFacts[];
  /** Each follow-up's outcome, or open while not done (free-text follow-ups from before outcome codes are left out). */
  followUps: readonly FollowUpTally[];
  /** Filed as "customer unreachable" (顾客无法联系). */
  filedUnreachable: boolean;
  /** Its promised reply times and when each was answered (null: not yet). */
  promises: readonly { promisedAt: number; answeredAt: number | null }[];
  /** Government channel only (null otherwise): the body's answer, and the first written reply against the limit. */
  bodyAnswer: BodyAnswer | null;
  writtenReply: WrittenReply | null;
}

/** Shared empties: most cases have no escalation and no slip, and a 100,000-case run should not allocate 200,000 empty arrays. */
const NO_ESCALATIONS: EscalationKind[] = [];
const NO_FOLLOW_UPS: FollowUpTally[] = [];
const NO_SLIPS: SlipFacts[] = [];
const NO_PROMISES: SummaryFacts['promises'] = [];

const calendars = new WeakMap<DeadlineSettings, BusinessCalendar>();
function calendarFor(s: DeadlineSettings): BusinessCalendar {
  let cal = calendars.get(s);
  if (!cal) {
    cal = new BusinessCalendar(s.businessHours, s.timeZone);
    calendars.set(s, cal);
  }
  return cal;
}

/** What the summary counts of a case's follow-ups: the outcome of each done one, open for the rest. */
function followUpTallies(list: CaseSnapshot['followUps']): FollowUpTally[] {
  if (!list || list.length === 0) return NO_FOLLOW_UPS;
  const out: FollowUpTally[] = [];
  for (const u of list) {
    if (u.outcome) out.push(u.outcome);
    else if (u.doneAt == null) out.push('open');
  }
  return out;
}

/** A slip's facts, or null for a void slip (it counts nowhere). */
export function slipFacts(s: SlipSnapshot): SlipFacts | null {
  if (s.status === 'void') return null;
  return {
    slipId: s.id,
    number: s.number ?? '',
    type: s.type,
    handledAt: s.handledAt,
    returnedFen: s.returnedTotalFen ?? 0,
    refundFen: s.refundFen ?? 0,
    qualityProblem: s.qualityProblem === true,
    deductCommission: s.deductCommission === true,
    caseId: s.caseId ?? null,
  };
}

/**
 * The facts of one case for the summary. `settings` are the branch's (business hours, time
 * zone, government reply days); pass the same object for every case of a run, the calendar
 * behind it is memoised per settings object.
 */
export function caseFacts(
  c: CaseSnapshot,
  slips: readonly SlipSnapshot[],
  settings: DeadlineSettings = DEFAULT_BRANCH_SETTINGS,
): SummaryFacts {
  const cal = calendarFor(settings);
  const day = cal.dayOf(c.receivedAt);
  const sameDayClose = day.close;
  const nextDayClose = day.nextClose;
  // Same rule as deadlines.ts handlingDeadline (property-tested to agree).
  const deadlineAt =
    c.channel === 'government'
      ? cal.closeOf(cal.addDays(day.date, settings.governmentReplyDays))
      : c.extendedAt != null
        ? nextDayClose
        : sameDayClose;
  // In store, resolving at the counter with the customer there meets the limit; otherwise feedback does.
  const fed = (c.channel === 'in_store' ? c.counterResolvedAt : null) ?? c.firstFedBackAt ?? null;
  let closing: Closing = 'open';
  // 不予受理 closes the case without a handling limit: counted apart, neither open nor late.
  if (c.status === 'not_accepted') closing = 'not_accepted';
  else if (fed !== null) {
    if (fed > deadlineAt) closing = 'late';
    else if (fed <= sameDayClose) closing = 'same_day';
    else if (fed <= nextDayClose) closing = 'next_day';
    else closing = 'within_limit';
  }
  // A government body's limit is a written reply within the reply days; the reply date is a local date (branch time).
  const writtenReply: WrittenReply | null =
    c.channel !== 'government'
      ? null
      : c.firstWrittenReplyDate == null
        ? 'none'
        : c.firstWrittenReplyDate <= cal.addDays(day.date, settings.governmentReplyDays)
          ? 'on_time'
          : 'late';
  let facts = NO_SLIPS;
  for (const s of slips) {
    const f = slipFacts(s);
    if (f) facts = facts === NO_SLIPS ? [f] : [...facts, f];
  }
  return {
    caseId: c.id,
    number: c.number,
    receivedAt: c.receivedAt,
    channel: c.channel,
    categoryCode: c.categoryCode,
    complainedUnitId: c.complainedUnitId ?? null,
    severity: c.severity ?? 'general',
    deadlineAt,
    closing,
    satisfaction: c.satisfaction ?? null,
    cause: c.cause ?? null,
    finding: c.finding ?? null,
    // A dispute resolved later still counts: the period had a disputed case.
    disputed: c.disputed === true || c.disputedAt != null,
    escalationKinds: c.escalations && c.escalations.length > 0 ? c.escalations.map((e) => e.kind) : NO_ESCALATIONS,
    typical: c.typical === true,
    resolutionType: c.resolutionType ?? null,
    slips: facts,
    followUps: followUpTallies(c.followUps),
    filedUnreachable: c.filingReason === 'customer_unreachable',
    promises:
      c.promises && c.promises.length > 0
        ? c.promises.map((p) => ({ promisedAt: p.promisedAt, answeredAt: p.answeredAt ?? p.keptAt ?? null }))
        : NO_PROMISES,
    bodyAnswer: c.channel === 'government' ? (c.bodyAnswer ?? null) : null,
    writtenReply,
  };
}

export interface SummarizeOptions {
  asOf?: number;
  /** Slips linked to no case; they count in the period they were handled in. */
  standaloneSlips?: readonly SlipFacts[];
  listLimit?: number;
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function emptyTrend(p: Period): TrendPoint {
  return {
    key: p.key,
    from: p.from,
    to: p.to,
    total: 0,
    sameDay: 0,
    late: 0,
    satisfied: 0,
    unsatisfied: 0,
    disputed: 0,
    escalated: 0,
    slips: 0,
    refundFen: 0,
  };
}

function emptySlips(): SlipSummary {
  return {
    count: 0,
    returns: 0,
    exchanges: 0,
    returnedFen: 0,
    refundFen: 0,
    qualityCount: 0,
    qualityFen: 0,
    qualityShare: 0,
    commissionCount: 0,
    commissionFen: 0,
  };
}

function addSlip(s: SlipSummary, f: SlipFacts): void {
  s.count++;
  if (f.type === 'return') s.returns++;
  else s.exchanges++;
  s.returnedFen += f.returnedFen;
  s.refundFen += f.refundFen;
  if (f.qualityProblem) {
    s.qualityCount++;
    s.qualityFen += f.returnedFen;
  }
  if (f.deductCommission) {
    s.commissionCount++;
    s.commissionFen += f.returnedFen;
  }
}

const sortRows = (m: Map<string, number>): CountRow[] =>
  [...m.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

const refOf = (f: SummaryFacts): CaseRef => ({
  caseId: f.caseId,
  number: f.number,
  receivedAt: f.receivedAt,
  channel: f.channel,
  categoryCode: f.categoryCode,
  complainedUnitId: f.complainedUnitId,
  finding: f.finding,
  resolutionType: f.resolutionType,
  disputed: f.disputed,
  escalated: f.escalationKinds.length > 0,
});

/**
 * Folds facts one at a time into a summary, so that a caller reading 100,000 cases does not
 * have to keep them all (the branch's job feeds it chunk by chunk). summarize() is this over
 * an array.
 */
export class SummaryBuilder {
  private readonly periods: Period[];
  private readonly prev: Period[];
  private readonly trend: TrendPoint[];
  private readonly current: number;
  private readonly byCategory = new Map<string, number>();
  private readonly byChannel = new Map<string, number>(CHANNELS.map((c) => [c, 0]));
  private readonly byUnit = new Map<string, number>();
  private readonly bySeverity = zeros(SEVERITIES);
  private readonly closing = zeros(CLOSINGS);
  private readonly satisfaction = zeros([...SATISFACTIONS, 'not_asked'] as const);
  private readonly findings = zeros([...FINDINGS, 'none'] as const);
  private readonly escalationsByKind = zeros(ESCALATION_KINDS);
  private readonly promises: PromiseSummary = { made: 0, kept: 0, missed: 0, open: 0 };
  private readonly government: GovernmentSummary = {
    total: 0,
    answers: zeros([...BODY_ANSWERS, 'unanswered'] as const),
    writtenReplies: zeros(WRITTEN_REPLIES),
  };
  private readonly slips = emptySlips();
  private readonly followUps = zeros(FOLLOW_UP_TALLIES);
  private filedUnreachable = 0;
  private readonly attention: SummaryFacts[] = [];
  private readonly typical: SummaryFacts[] = [];
  private total = 0;
  private disputed = 0;
  private escalated = 0;
  private openOverdue = 0;

  constructor(
    private readonly period: Period,
    previous: readonly Period[],
    private readonly opts: Omit<SummarizeOptions, 'standaloneSlips'> = {},
  ) {
    this.prev = [...previous].sort((a, b) => a.from - b.from);
    this.periods = [...this.prev, period];
    this.trend = this.periods.map(emptyTrend);
    this.current = this.periods.length - 1;
  }

  private bucketOf(ms: number): number {
    for (let i = this.periods.length - 1; i >= 0; i--) if (periodContains(this.periods[i] as Period, ms)) return i;
    return -1;
  }

  /** A case: counted in this period's figures if received in it, in the trend if in an earlier one, else ignored. */
  add(f: SummaryFacts): void {
    const b = this.bucketOf(f.receivedAt);
    if (b < 0) return;
    const t = this.trend[b] as TrendPoint;
    const isEscalated = f.escalationKinds.length > 0;
    t.total++;
    if (f.closing === 'same_day') t.sameDay++;
    if (f.closing === 'late') t.late++;
    if (f.satisfaction === 'satisfied') t.satisfied++;
    if (f.satisfaction === 'unsatisfied') t.unsatisfied++;
    if (f.disputed) t.disputed++;
    if (isEscalated) t.escalated++;
    for (const s of f.slips) {
      t.slips++;
      t.refundFen += s.refundFen;
    }
    if (b !== this.current) return;

    this.total++;
    bump(this.byCategory, f.categoryCode);
    bump(this.byChannel, f.channel);
    bump(this.byUnit, f.complainedUnitId ?? '');
    this.bySeverity[f.severity]++;
    this.closing[f.closing]++;
    if (f.closing === 'open' && this.opts.asOf !== undefined && f.deadlineAt < this.opts.asOf) this.openOverdue++;
    this.satisfaction[f.satisfaction ?? 'not_asked']++;
    this.findings[f.finding ?? 'none']++;
    if (f.disputed) this.disputed++;
    if (isEscalated) this.escalated++;
    for (const k of f.escalationKinds) this.escalationsByKind[k]++;
    for (const p of f.promises) {
      this.promises.made++;
      // Without asOf an unanswered promise counts as open.
      this.promises[promiseState(p, this.opts.asOf ?? -Infinity)]++;
    }
    if (f.channel === 'government') {
      this.government.total++;
      this.government.answers[f.bodyAnswer ?? 'unanswered']++;
      this.government.writtenReplies[f.writtenReply ?? 'none']++;
    }
    if (f.disputed || isEscalated) this.attention.push(f);
    if (f.typical) this.typical.push(f);
    for (const s of f.slips) addSlip(this.slips, s);
    for (const u of f.followUps) this.followUps[u]++;
    if (f.filedUnreachable) this.filedUnreachable++;
  }

  /** A slip linked to no case: counted in the period it was handled in. */
  addStandaloneSlip(s: SlipFacts): void {
    const b = this.bucketOf(s.handledAt);
    if (b < 0) return;
    const t = this.trend[b] as TrendPoint;
    t.slips++;
    t.refundFen += s.refundFen;
    if (b === this.current) addSlip(this.slips, s);
  }

  build(): Summary {
    const listLimit = this.opts.listLimit ?? 200;
    const slips = {
      ...this.slips,
      qualityShare: this.slips.count === 0 ? 0 : this.slips.qualityCount / this.slips.count,
    };
    const byTime = (a: SummaryFacts, b: SummaryFacts) =>
      a.receivedAt - b.receivedAt || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);
    const attention = [...this.attention].sort(byTime);
    const typical = [...this.typical].sort(byTime);
    return {
      period: this.period,
      previous: this.prev,
      asOf: this.opts.asOf ?? null,
      total: this.total,
      byCategory: sortRows(this.byCategory),
      byChannel: CHANNELS.map((c) => ({ key: c, count: this.byChannel.get(c) ?? 0 })),
      byUnit: sortRows(this.byUnit),
      bySeverity: { ...this.bySeverity },
      closing: { ...this.closing },
      openOverdue: this.openOverdue,
      satisfaction: { ...this.satisfaction },
      findings: { ...this.findings },
      disputed: this.disputed,
      escalated: this.escalated,
      escalationsByKind: { ...this.escalationsByKind },
      promises: { ...this.promises },
      government: {
        total: this.government.total,
        answers: { ...this.government.answers },
        writtenReplies: { ...this.government.writtenReplies },
      },
      attention: attention.slice(0, listLimit).map(refOf),
      attentionTotal: attention.length,
      slips,
      typical: typical.slice(0, listLimit).map(refOf),
      typicalTotal: typical.length,
      followUps: { ...this.followUps },
      filedUnreachable: this.filedUnreachable,
      trend: this.trend.map((t) => ({ ...t })),
    };
  }
}

/**
 * Summarises the cases received in `period`; cases received in `previous` (any order) feed
 * the trend, anything else is ignored. A case's slips count with the case; slips without a
 * case count in the period they were handled in.
 */
export function summarize(
  facts: readonly SummaryFacts[],
  period: Period,
  previous: readonly Period[],
  opts: SummarizeOptions = {},
): Summary {
  const b = new SummaryBuilder(period, previous, opts);
  for (const f of facts) b.add(f);
  for (const s of opts.standaloneSlips ?? []) b.addStandaloneSlip(s);
  return b.build();
}
