// The branch summary (SPEC §8) from the SQLite store. Reads only the columns the summary
// needs, through the received_at index of migration 0004, in keyset chunks so that a job can
// yield to the event loop between them (report-jobs.ts) and stop when cancelled.
import { correctiveActionsTouching } from '../db/repositories/corrective-action-repo';
import { offersReceivedIn } from './offer-summary';
import { tallyCorrectiveActions } from '../domain/summary/capa-tally';
import { tallyHandlingSteps } from '../domain/summary/steps-tally';
import { casesByChannel, ticksOfPeriod } from '../db/repositories/handling-step-repo';
import { phraseLibrary } from '../db/repositories/reference-repo';
import { stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { can } from '../domain/permissions';
import {
  type CaseRef,
  type CaseSnapshot,
  caseFacts,
  type Period,
  periodOfDate,
  previousPeriods,
  type PromiseTimes,
  type SlipSnapshot,
  SummaryBuilder,
  type SummaryFacts,
  type SummaryReport,
} from '../domain/summary';
import type { EscalationKind, FollowUpOutcome } from '../shared/enums';
import { refuse } from '../shared/errors';
import { ReportStartInput } from '../shared/schemas/report';
import type { BranchSettings } from '../shared/settings-schema';
import type { ServiceContext } from './context';
import { withInput, withInputOnly, type Parsed } from './with-input';
import {
  caseSlipsFrom,
  escalationsFrom,
  filedUnreachable,
  followUpsFrom,
  governmentAnswers,
  matterLinks,
  promisesMadeFrom,
  ridKey,
  slipsDated,
  standaloneSlips,
  windowItems,
} from './report-reads';
import type { DeadlineSettings } from '../domain/deadlines';
import { deadlineSettingsOf } from './working-calendar-cache';

export function requireReports(actor: Actor): void {
  if (!can(actor.role, 'reports')) {
    throw refuse(
      'FORBIDDEN',
      '只有秘书室、值班主管和店长可以查看汇总报表',
      'Only the secretary office, duty supervisors and the manager may see the summary reports',
    );
  }
}

export interface ReportRange {
  period: Period;
  previous: Period[];
}

export const reportRange = withInputOnly(
  ReportStartInput,
  function reportRange(
    settings: Pick<BranchSettings, 'timeZone'>,
    input: Parsed<typeof ReportStartInput>,
  ): ReportRange {
    const period = periodOfDate(input.periodType, input.date, settings.timeZone);
    return { period, previous: previousPeriods(period, input.previousCount, settings.timeZone) };
  },
);

// Exactly the columns of the covering index cases_report (migrations 0004, 0007, 0009), plus the rowid.
const CASE_COLUMNS = `rid, received_at, channel, category_code, complained_unit_id, severity, extended_at, first_fed_back_at,
  satisfaction, disputed, disputed_at, cause, finding, typical, resolution_type, counter_resolved_at, status`;

/** The same positions with NULL for what the trend does not use (see step()); such rows only ever reach the trend. */
const TREND_COLUMNS = `rid, received_at, channel, NULL, NULL, NULL, extended_at, first_fed_back_at,
  satisfaction, disputed, disputed_at, NULL, NULL, 0, NULL, counter_resolved_at, status`;

/** A row of CASE_COLUMNS as better-sqlite3 returns it in raw (array) mode. */
type CaseRow = [
  rid: number,
  receivedAt: number,
  channel: CaseSnapshot['channel'],
  categoryCode: string,
  complainedUnitId: string | null,
  severity: CaseSnapshot['severity'],
  extendedAt: number | null,
  firstFedBackAt: number | null,
  satisfaction: CaseSnapshot['satisfaction'],
  disputed: number | null,
  disputedAt: number | null,
  cause: CaseSnapshot['cause'],
  finding: CaseSnapshot['finding'],
  typical: number,
  resolutionType: CaseSnapshot['resolutionType'],
  counterResolvedAt: number | null,
  status: CaseSnapshot['status'],
];

/** Stored purchase lines (JSON) as the summary reads them; unreadable JSON names no item. */
function storedItems(json: string | undefined): { name?: string | null; code?: string | null }[] | null {
  if (!json) return null;
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v)
      ? v.filter((x): x is { name?: string; code?: string } => typeof x === 'object' && x !== null)
      : null;
  } catch {
    return null;
  }
}

/**
 * One summary computation, advanced chunk by chunk with step(). Cases are read window by
 * window of received_at; slips, escalations and promises of the range are read first (they are few
 * next to the cases).
 */
export class SummaryComputation {
  readonly range: ReportRange;
  readonly total: number;
  done = 0;
  private readonly from: number;
  private readonly to: number;
  private readonly settings: BranchSettings;
  /** The branch's settings with the working calendar in force when the run began (one object: case-facts memoises by it). */
  private readonly deadlineSettings: DeadlineSettings;
  private readonly builder: SummaryBuilder;
  private cursor: number;
  /** Length of the time window one step reads: adapted after each step to hold about chunkSize cases. */
  private windowMs: number;
  private readonly maxWindowMs: number;
  private finished = false;
  private escalations: Map<number, { kind: EscalationKind }[]> | null = null;
  private slips: Map<number, SlipSnapshot[]> | null = null;
  /** Follow-ups by case rowid, and the cases filed as "customer unreachable" (migration 0011's indexes). */
  private followUps = new Map<number, { outcome: FollowUpOutcome | null; doneAt: number | null }[]>();
  private filedUnreachable = new Set<number>();
  /** Issue 22: the range's linked cases and merged duplicates by rowid (the partial indexes of migration 0032). */
  private links = new Map<number, { matterId: string | null; mergedInto: string | null }>();
  private promises: Map<number, PromiseTimes[]> | null = null;
  /** Government cases' body answer and first written reply (migration 0010's partial index), by rowid. */
  /** The purchase lines of the current window's cases that name an item (rid → stored JSON); refilled each step. */
  private itemsOf = new Map<number, string>();
  private government = new Map<number, Pick<CaseSnapshot, 'bodyAnswer' | 'firstWrittenReplyDate'>>();

  constructor(
    private readonly ctx: ServiceContext,
    range: ReportRange,
    private readonly chunkSize = 1000,
  ) {
    this.range = range;
    this.settings = ctx.settings();
    this.deadlineSettings = deadlineSettingsOf(ctx, this.settings);
    this.from = range.previous[0]?.from ?? range.period.from;
    this.to = range.period.to;
    this.total = (
      stmt(ctx.db, 'SELECT count(*) AS n FROM cases WHERE received_at >= ? AND received_at < ?').get(
        this.from,
        this.to,
      ) as { n: number }
    ).n;
    this.cursor = this.from;
    // Facts are folded in as they are read, not kept: 100,000 of them would only feed the GC.
    this.builder = new SummaryBuilder(range.period, range.previous, { asOf: ctx.now() });
    const span = this.to - this.from;
    this.windowMs = Math.max(60_000, Math.ceil((span * chunkSize) / Math.max(this.total, 1)));
    // Empty stretches grow the window; past them it must not swallow a busy month at once.
    this.maxWindowMs = this.windowMs * 4;
  }

  get isFinished(): boolean {
    return this.finished;
  }

  /** Reads and folds one chunk; true when everything is read. */
  step(): boolean {
    if (this.finished) return true;
    if (this.escalations === null) {
      this.loadChildren();
      return false;
    }
    const db = this.ctx.db;
    // Order does not matter to the aggregation, so each step reads one time window through
    // the covering index without sorting; windows are short enough to hold a few thousand cases.
    // The earlier periods only feed the trend, which needs no category, unit, severity, cause,
    // finding or resolution: their windows read the lean column list (a third fewer values).
    const current = this.range.period.from;
    const lean = this.cursor < current;
    const end = Math.min(lean ? current : this.to, this.cursor + this.windowMs);
    const rows = (
      lean
        ? stmt(
            db,
            `SELECT ${TREND_COLUMNS} FROM cases INDEXED BY cases_report WHERE received_at >= ? AND received_at < ?`,
          )
            .raw()
            .all(this.cursor, end)
        : stmt(
            db,
            `SELECT ${CASE_COLUMNS} FROM cases INDEXED BY cases_report WHERE received_at >= ? AND received_at < ?`,
          )
            .raw()
            .all(this.cursor, end)
    ) as CaseRow[];
    this.itemsOf = lean ? new Map() : windowItems(this.ctx.db, this.cursor, end);
    for (const r of rows) this.builder.add(this.factsOf(r));
    this.done += rows.length;
    // Small windows keep each chunk's rows short-lived (young-generation garbage only); the
    // density of cases varies (busy months, quiet ones), so the next window follows this one's.
    const scale = rows.length === 0 ? 4 : Math.min(4, Math.max(0.25, this.chunkSize / rows.length));
    this.windowMs = Math.min(this.maxWindowMs, Math.max(60_000, Math.round((end - this.cursor) * scale)));
    this.cursor = end;
    if (end >= this.to) this.finished = true;
    return this.finished;
  }

  private loadChildren(): void {
    const db = this.ctx.db;
    const { from, to } = this;
    this.escalations = escalationsFrom(db, from);
    this.slips = caseSlipsFrom(db, from);
    for (const f of standaloneSlips(db, from, to)) this.builder.addStandaloneSlip(f);
    // The slip-date view: every slip dated in the period, whenever (and whether) its case was received.
    for (const f of slipsDated(db, this.range.period.from, to)) this.builder.addSlip(f);
    this.government = governmentAnswers(db, from, to);
    // Promises count for the current period only (not the trend): those of its cases were made in it or after.
    this.promises = promisesMadeFrom(db, this.range.period.from);
    this.followUps = followUpsFrom(db, from);
    this.filedUnreachable = filedUnreachable(db, from, to);
    this.links = matterLinks(db, from, to);
  }

  private factsOf(r: CaseRow): SummaryFacts {
    const [
      rid,
      receivedAt,
      channel,
      categoryCode,
      complainedUnitId,
      severity,
      extendedAt,
      firstFedBackAt,
      satisfaction,
      disputed,
      disputedAt,
      cause,
      finding,
      typical,
      resolutionType,
      counterResolvedAt,
      status,
    ] = r;
    return caseFacts(
      {
        id: ridKey(rid),
        number: '',
        channel,
        categoryCode,
        receivedAt,
        complainedUnitId,
        severity,
        extendedAt,
        firstFedBackAt,
        satisfaction,
        disputed: disputed === null ? null : disputed === 1,
        disputedAt,
        cause,
        finding,
        typical: typical === 1,
        resolutionType,
        counterResolvedAt,
        status,
        escalations: this.escalations?.get(rid) ?? null,
        followUps: this.followUps.get(rid) ?? null,
        filingReason: this.filedUnreachable.has(rid) ? 'customer_unreachable' : null,
        promises: this.promises?.get(rid) ?? null,
        purchaseItems: storedItems(this.itemsOf.get(rid)),
        ...this.links.get(rid),
        ...(channel === 'government' ? this.government.get(rid) : undefined),
      },
      this.slips?.get(rid) ?? [],
      this.deadlineSettings,
    );
  }

  /** The finished report. */
  report(): SummaryReport {
    if (!this.finished) throw new Error('summary not finished');
    const summary = this.builder.build();
    // Only the listed cases need their id and number: a few hundred lookups by rowid.
    const byRid = stmt(this.ctx.db, 'SELECT id, number FROM cases WHERE rid = ?');
    const named = (refs: CaseRef[]) =>
      refs
        .map((ref) => ({ ...ref, ...(byRid.get(Number(ref.caseId.slice(1))) as { id: string; number: string }) }))
        .map(({ id, ...ref }) => ({ ...ref, caseId: id }));
    const { from, to } = this.range.period;
    const correctiveActions = tallyCorrectiveActions(
      correctiveActionsTouching(this.ctx.db, from, to),
      this.range.period,
      this.ctx.now(),
    );
    const handlingSteps = tallyHandlingSteps(
      phraseLibrary(this.ctx.db).library,
      casesByChannel(this.ctx.db, from, to),
      ticksOfPeriod(this.ctx.db, from, to),
    );
    return {
      summary: {
        ...summary,
        attention: named(summary.attention),
        typical: named(summary.typical),
        correctiveActions,
        offers: offersReceivedIn(this.ctx.db, from, to),
        handlingSteps,
      },
      ...reportHeader(this.ctx, this.settings),
    };
  }
}

function reportHeader(ctx: ServiceContext, s: BranchSettings): Omit<SummaryReport, 'summary'> {
  const categories: SummaryReport['names']['categories'] = {};
  for (const r of stmt(ctx.db, 'SELECT code, name_zh, name_en FROM categories').all() as {
    code: string;
    name_zh: string;
    name_en: string;
  }[]) {
    categories[r.code] = { zh: r.name_zh, en: r.name_en };
  }
  const units: Record<string, string> = {};
  for (const r of stmt(ctx.db, 'SELECT id, name FROM units').all() as { id: string; name: string }[])
    units[r.id] = r.name;
  return {
    branch: { code: s.branchCode, name: s.branchName },
    timeZone: s.timeZone,
    generatedAt: ctx.now(),
    names: { categories, units },
  };
}

/** The whole summary at once (CLI, tests, and the basis of the job). */
export const computeSummary = withInput(
  ReportStartInput,
  function computeSummary(ctx: ServiceContext, actor: Actor, input: Parsed<typeof ReportStartInput>): SummaryReport {
    requireReports(actor);
    const c = new SummaryComputation(ctx, reportRange.parsed(ctx.settings(), input));
    while (!c.step());
    return c.report();
  },
);
