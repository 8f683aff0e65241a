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
  slipFacts,
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

/** Facts carry `#rid` as their id until the few cases a summary lists are looked up. */
const ridKey = (rid: number) => `#${rid}`;

type SlipRow = {
  case_rid: number | null;
  id: string;
  number: string;
  type: SlipSnapshot['type'];
  status: SlipSnapshot['status'];
  handled_at: number;
  returned_total_fen: number;
  refund_fen: number;
  quality_problem: number;
  deduct_commission: number;
  case_id: string | null;
};

const SLIP_COLUMNS =
  's.id, s.number, s.type, s.status, s.handled_at, s.returned_total_fen, s.refund_fen, s.quality_problem, s.deduct_commission, s.case_id';

const slipSnapshot = (r: SlipRow): SlipSnapshot => ({
  id: r.id,
  number: r.number,
  type: r.type,
  status: r.status,
  handledAt: r.handled_at,
  returnedTotalFen: r.returned_total_fen,
  refundFen: r.refund_fen,
  qualityProblem: r.quality_problem === 1,
  deductCommission: r.deduct_commission === 1,
  caseId: r.case_id,
});

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
    this.itemsOf = lean ? new Map() : this.windowItems(this.cursor, end);
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

  /**
   * The purchase lines of the window's cases (the 按商品 count; current period only). Not in the covering
   * index: the rows that name an item are fetched from the table, one window at a time.
   */
  private windowItems(from: number, to: number): Map<number, string> {
    const out = new Map<number, string>();
    for (const r of stmt(
      this.ctx.db,
      "SELECT rid, purchase_items FROM cases INDEXED BY cases_report WHERE received_at >= ? AND received_at < ? AND purchase_items <> '[]'",
    ).all(from, to) as { rid: number; purchase_items: string }[])
      out.set(r.rid, r.purchase_items);
    return out;
  }

  /** Follow-ups are read from the range's start on (none precedes its case); they are few next to the cases. */
  private loadFollowUps(): void {
    const db = this.ctx.db;
    for (const r of stmt(
      db,
      'SELECT c.rid, f.outcome, f.done_at FROM follow_ups f INDEXED BY follow_ups_created JOIN cases c ON c.id = f.case_id WHERE f.created_at >= ?',
    ).all(this.from) as { rid: number; outcome: FollowUpOutcome | null; done_at: number | null }[]) {
      const u = { outcome: r.outcome, doneAt: r.done_at };
      const list = this.followUps.get(r.rid);
      if (list) list.push(u);
      else this.followUps.set(r.rid, [u]);
    }
    for (const r of stmt(
      db,
      "SELECT rid FROM cases INDEXED BY cases_filed_unreachable WHERE filing_reason = 'customer_unreachable' AND received_at >= ? AND received_at < ?",
    ).all(this.from, this.to) as { rid: number }[])
      this.filedUnreachable.add(r.rid);
    // A merged duplicate's primary by its rowid key, as the cases' ids are here (ridKey).
    for (const r of stmt(
      db,
      `SELECT c.rid, c.matter_id, p.rid AS primary_rid FROM cases c INDEXED BY cases_merged_into
         JOIN cases p ON p.id = c.merged_into
        WHERE c.merged_into IS NOT NULL AND c.received_at >= ? AND c.received_at < ?`,
    ).all(this.from, this.to) as { rid: number; matter_id: string | null; primary_rid: number }[])
      this.links.set(r.rid, { matterId: r.matter_id, mergedInto: ridKey(r.primary_rid) });
    for (const r of stmt(
      db,
      'SELECT rid, matter_id FROM cases INDEXED BY cases_matter WHERE matter_id IS NOT NULL AND received_at >= ? AND received_at < ?',
    ).all(this.from, this.to) as { rid: number; matter_id: string }[])
      if (!this.links.has(r.rid)) this.links.set(r.rid, { matterId: r.matter_id, mergedInto: null });
  }

  private loadChildren(): void {
    const db = this.ctx.db;
    const esc = new Map<number, { kind: EscalationKind }[]>();
    for (const r of stmt(
      db,
      'SELECT c.rid, e.kind FROM case_escalations e INDEXED BY case_escalations_at JOIN cases c ON c.id = e.case_id WHERE e.at >= ?',
    ).all(this.from) as { rid: number; kind: EscalationKind }[]) {
      const list = esc.get(r.rid);
      if (list) list.push({ kind: r.kind });
      else esc.set(r.rid, [{ kind: r.kind }]);
    }
    const slips = new Map<number, SlipSnapshot[]>();
    for (const r of stmt(
      db,
      `SELECT c.rid AS case_rid, ${SLIP_COLUMNS} FROM slips s INDEXED BY slips_handled JOIN cases c ON c.id = s.case_id WHERE s.handled_at >= ?`,
    ).all(this.from) as SlipRow[]) {
      const rid = r.case_rid as number;
      const list = slips.get(rid);
      if (list) list.push(slipSnapshot(r));
      else slips.set(rid, [slipSnapshot(r)]);
    }
    for (const r of stmt(
      db,
      `SELECT NULL AS case_rid, ${SLIP_COLUMNS} FROM slips s INDEXED BY slips_handled WHERE s.handled_at >= ? AND s.handled_at < ? AND s.case_id IS NULL`,
    ).all(this.from, this.to) as SlipRow[]) {
      const f = slipFacts(slipSnapshot(r));
      if (f) this.builder.addStandaloneSlip(f);
    }
    // The slip-date view: every slip dated in the period, whenever (and whether) its case was received.
    for (const r of stmt(
      db,
      `SELECT NULL AS case_rid, ${SLIP_COLUMNS} FROM slips s INDEXED BY slips_handled WHERE s.handled_at >= ? AND s.handled_at < ?`,
    ).all(this.range.period.from, this.to) as SlipRow[]) {
      const f = slipFacts(slipSnapshot(r));
      if (f) this.builder.addSlip(f);
    }
    for (const r of stmt(
      db,
      `SELECT rid, body_answer, first_written_reply_date FROM cases INDEXED BY cases_government
       WHERE channel = 'government' AND received_at >= ? AND received_at < ?`,
    ).all(this.from, this.to) as {
      rid: number;
      body_answer: CaseSnapshot['bodyAnswer'];
      first_written_reply_date: string | null;
    }[]) {
      this.government.set(r.rid, { bodyAnswer: r.body_answer, firstWrittenReplyDate: r.first_written_reply_date });
    }
    // Promises count for the current period only (not the trend): those of its cases were made in it or after.
    const promises = new Map<number, PromiseTimes[]>();
    for (const r of stmt(
      db,
      'SELECT c.rid, p.promised_at, p.answered_at FROM case_promises p INDEXED BY case_promises_made JOIN cases c ON c.id = p.case_id WHERE p.made_at >= ?',
    ).all(this.range.period.from) as { rid: number; promised_at: number; answered_at: number | null }[]) {
      const p = { promisedAt: r.promised_at, answeredAt: r.answered_at };
      const list = promises.get(r.rid);
      if (list) list.push(p);
      else promises.set(r.rid, [p]);
    }
    this.escalations = esc;
    this.slips = slips;
    this.loadFollowUps();
    this.promises = promises;
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
