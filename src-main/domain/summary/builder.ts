// The summary itself (SPEC §8): folds case facts and slips into the figures of one period and the
// trend of the earlier ones. Pure; the branch and head office feed it from their stores.
import { BODY_ANSWERS, CHANNELS, ESCALATION_KINDS, FINDINGS, SATISFACTIONS, SEVERITIES } from '../../shared/enums';
import { promiseState } from '../../shared/promise-state';
import {
  type CaseRef,
  CLOSINGS,
  type CountRow,
  FOLLOW_UP_TALLIES,
  type GovernmentSummary,
  type Period,
  type PromiseSummary,
  type SlipFacts,
  type Summary,
  type TrendPoint,
  WRITTEN_REPLIES,
} from '../../shared/summary-types';
import { periodContains } from '../report-period';
import type { SummaryFacts } from './case-facts';
import { ItemTally } from './item-tally';
import { addSlip, emptySlips, finishSlips } from './slip-tally';

export interface SummarizeOptions {
  asOf?: number;
  /** Slips linked to no case; in the case-month view they count in the period they were handled in. */
  standaloneSlips?: readonly SlipFacts[];
  /**
   * Every non-void slip whose slip date (handledAt) may fall in the period, linked to a case or not,
   * for the slip-date view. Omitted: the slips of `facts` and `standaloneSlips` (each once), which
   * misses the slips of cases received before the range; the stores pass their own list.
   */
  slips?: readonly SlipFacts[];
  listLimit?: number;
  /** How many items the 按商品 table lists (default 10). */
  itemLimit?: number;
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
  private readonly slipsByDate = emptySlips();
  private readonly followUps = zeros(FOLLOW_UP_TALLIES);
  private filedUnreachable = 0;
  private readonly items = new ItemTally();
  private readonly attention: SummaryFacts[] = [];
  private readonly typical: SummaryFacts[] = [];
  private total = 0;
  /** Issue 22: the period's matter keys (a case alone is its own matter). */
  private readonly matters = new Set<string>();
  private disputed = 0;
  private escalated = 0;
  private openOverdue = 0;

  constructor(
    private readonly period: Period,
    previous: readonly Period[],
    private readonly opts: Omit<SummarizeOptions, 'standaloneSlips' | 'slips'> = {},
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
    this.matters.add(f.matterKey);
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
    this.items.add(f.items, f.receivedAt, f.finding);
  }

  /**
   * Any non-void slip, linked or not, for the slip-date view: counted when its slip date falls in
   * this period, whenever its case was received. Each slip must be added once.
   */
  addSlip(s: SlipFacts): void {
    if (periodContains(this.period, s.handledAt)) addSlip(this.slipsByDate, s);
  }

  /** A slip linked to no case: counted in the case-month view and the trend in the period it was handled in. */
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
    const byTime = (a: SummaryFacts, b: SummaryFacts) =>
      a.receivedAt - b.receivedAt || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);
    const attention = [...this.attention].sort(byTime);
    const typical = [...this.typical].sort(byTime);
    const items = this.items.rows(this.opts.itemLimit ?? 10);
    return {
      period: this.period,
      previous: this.prev,
      asOf: this.opts.asOf ?? null,
      total: this.total,
      matters: this.matters.size,
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
      slips: finishSlips(this.slips),
      slipsByDate: finishSlips(this.slipsByDate),
      typical: typical.slice(0, listLimit).map(refOf),
      typicalTotal: typical.length,
      followUps: { ...this.followUps },
      filedUnreachable: this.filedUnreachable,
      trend: this.trend.map((t) => ({ ...t })),
      byItem: items.rows,
      byItemTotal: items.total,
    };
  }
}

/**
 * Summarises the cases received in `period`; cases received in `previous` (any order) feed
 * the trend, anything else is ignored. In `slips` (the case-month view) a case's slips count with
 * the case and slips without a case in the period they were handled in; in `slipsByDate` every
 * slip counts in the period of its slip date (opts.slips).
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
  for (const s of opts.slips ?? knownSlips(facts, opts.standaloneSlips ?? [])) b.addSlip(s);
  return b.build();
}

/** The slips of the facts and the standalone ones, each once (by slip id). */
function knownSlips(facts: readonly SummaryFacts[], standalone: readonly SlipFacts[]): SlipFacts[] {
  const byId = new Map<string, SlipFacts>();
  for (const f of facts) for (const s of f.slips) byId.set(s.slipId, s);
  for (const s of standalone) byId.set(s.slipId, s);
  return [...byId.values()];
}
