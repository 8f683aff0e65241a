// GET /summary: the consolidated weekly/monthly summary (SPEC §8) of every branch or one,
// from the synced case and slip snapshots through the same pure caseFacts/summarize the
// branch uses, with the default branch settings (head office does not know each branch's
// business hours; see src-main/domain/summary.ts). Every payload is parsed with its sync-contract
// schema: a case, slip or unit record that does not parse is left out of the summary (it stays stored).
import {
  caseFacts,
  periodContains,
  periodOfDate,
  previousPeriods,
  slipFacts,
  type SlipSnapshot,
  summarize,
  type SummaryFacts,
} from '../../src-main/domain/summary';
import type { Period, SlipFacts } from '../../src-main/shared/summary-types';
import { tallyOffers } from '../../src-main/domain/summary/offer-tally';
import { offerOfJson, type ResolutionOffer } from '../../src-main/shared/resolution-offer';
import {
  CaseRecordSnapshot,
  FollowUpRecordSnapshot,
  SlipRecordSnapshot,
  UnitRecordSnapshot,
} from '../../src-main/sync/record-snapshots';
import type { HqStore, Param } from '../store';
import { publishedWorkingCalendar } from '../reference-store';
import { DEFAULT_BRANCH_SETTINGS } from '../../src-main/shared/settings-schema';
import { CONSOLE_TIME_ZONE, type ConsoleSummary, type SummaryQuery } from './api-contract';
import { readSnapshot } from './snapshots';
import { joinCrossBranchMatters } from './summary-matters';

const TREND_PERIODS = 3;

/** The summary's inputs: each case's facts with its branch and id, and the slips linked to no case. */
export interface ConsolidatedFacts {
  period: Period;
  previous: Period[];
  cases: { branch: string; id: string; facts: SummaryFacts; offer?: ResolutionOffer | null }[];
  standalone: { branch: string; slip: SlipFacts }[];
  /** Every non-void slip dated in the period (linked to a case or not), for the slip-date view. */
  datedSlips: { branch: string; slip: SlipFacts }[];
}

export async function consolidatedSummary(store: HqStore, q: SummaryQuery, now: number): Promise<ConsoleSummary> {
  const { period, previous, cases, standalone, datedSlips } = await consolidatedFacts(store, q);
  const summary = summarize(
    cases.map((c) => c.facts),
    period,
    previous,
    { asOf: now, standaloneSlips: standalone.map((s) => s.slip), slips: datedSlips.map((s) => s.slip) },
  );
  return {
    period: q.period,
    firstDate: period.firstDate,
    lastDate: period.lastDate,
    branch: q.branch ?? null,
    cases: summary.total,
    // 方案被接受 (issue 21 §3): the offers of the period's cases, as the branch counts them.
    summary: {
      ...summary,
      offers: tallyOffers(cases.filter((c) => periodContains(period, c.facts.receivedAt)).map((c) => c.offer ?? null)),
    },
    names: { units: await unitNames(store, q.branch) },
  };
}

/** Reads the period's (and the trend's) cases, slips and follow-ups into the facts the summary counts. */
export async function consolidatedFacts(store: HqStore, q: SummaryQuery): Promise<ConsolidatedFacts> {
  const period = periodOfDate(q.period, q.date, CONSOLE_TIME_ZONE);
  const previous = previousPeriods(period, TREND_PERIODS, CONSOLE_TIME_ZONE);
  const from = (previous[0] ?? period).from;
  const branchCond = q.branch ? ' AND c.branch = ?' : '';
  const p: Param[] = [from, period.to, ...(q.branch ? [q.branch] : [])];
  const cases = await store.all<{ branch: string; id: string; payload: string }>(
    `SELECT c.branch, c.id, r.payload FROM hq_cases c JOIN records r ON r.branch = c.branch AND r.type = 'case' AND r.id = c.id
     WHERE c.received_at >= ? AND c.received_at < ?${branchCond}`,
    p,
  );
  const slips = await store.all<{ branch: string; parent_id: string | null; payload: string }>(
    `SELECT branch, parent_id, payload FROM records WHERE type = 'slip'${q.branch ? ' AND branch = ?' : ''}`,
    q.branch ? [q.branch] : [],
  );
  const slipsOf = new Map<string, SlipSnapshot[]>();
  const standalone: ConsolidatedFacts['standalone'] = [];
  const datedSlips: ConsolidatedFacts['datedSlips'] = [];
  for (const s of slips) {
    const snap = readSnapshot(SlipRecordSnapshot, s.payload);
    if (!snap) continue;
    const dated = slipFacts(snap);
    if (dated && periodContains(period, dated.handledAt)) datedSlips.push({ branch: s.branch, slip: dated });
    if (s.parent_id)
      slipsOf.set(`${s.branch}/${s.parent_id}`, [...(slipsOf.get(`${s.branch}/${s.parent_id}`) ?? []), snap]);
    else {
      const f = slipFacts(snap);
      if (f && f.handledAt >= from && f.handledAt < period.to) standalone.push({ branch: s.branch, slip: f });
    }
  }
  // Follow-ups (回访) are records of their own: their outcomes join their case's facts.
  const followUps = await store.all<{ branch: string; parent_id: string | null; payload: string }>(
    `SELECT branch, parent_id, payload FROM records WHERE type = 'follow_up'${q.branch ? ' AND branch = ?' : ''}`,
    q.branch ? [q.branch] : [],
  );
  const followUpsOf = new Map<string, FollowUpRecordSnapshot[]>();
  for (const u of followUps) {
    const snap = readSnapshot(FollowUpRecordSnapshot, u.payload);
    if (!snap || !u.parent_id) continue;
    const key = `${u.branch}/${u.parent_id}`;
    followUpsOf.set(key, [...(followUpsOf.get(key) ?? []), snap]);
  }
  // One settings object for the whole run (caseFacts keeps its business calendar per object): the default
  // hours with the chain's published working calendar.
  const settings = { ...DEFAULT_BRANCH_SETTINGS, calendar: await publishedWorkingCalendar(store) };
  const facts: ConsolidatedFacts['cases'] = [];
  for (const c of cases) {
    const snap = readSnapshot(CaseRecordSnapshot, c.payload);
    const key = `${c.branch}/${c.id}`;
    if (!snap) continue;
    const unit = snap.complainedUnitId ? unitKey(c.branch, snap.complainedUnitId, q.branch) : null;
    facts.push({
      branch: c.branch,
      id: c.id,
      facts: caseFacts(
        { ...snap, complainedUnitId: unit, followUps: followUpsOf.get(key) ?? null },
        slipsOf.get(key) ?? [],
        settings,
      ),
      offer: offerOfJson(snap.resolutionOffer),
    });
  }
  // Cases head office linked across branches count as one matter (issue 22 §4).
  return { period, previous, cases: await joinCrossBranchMatters(store, facts), standalone, datedSlips };
}

/**
 * Unit ids belong to a branch's store, and two stores may share one (a store cloned from another): over
 * several branches a unit is (branch, unit) — keyed "SH01/<id>" — and its name says whose unit it is.
 */
const unitKey = (branch: string, unitId: string, onlyBranch: string | undefined): string =>
  onlyBranch ? unitId : `${branch}/${unitId}`;

/** The names of the units, keyed as unitKey keys them. */
export async function unitNames(store: HqStore, branch: string | undefined): Promise<Record<string, string>> {
  const units = await store.all<{ branch: string; id: string; payload: string }>(
    `SELECT branch, id, payload FROM records WHERE type = 'unit'${branch ? ' AND branch = ?' : ''}`,
    branch ? [branch] : [],
  );
  const names: Record<string, string> = {};
  for (const u of units) {
    const unit = readSnapshot(UnitRecordSnapshot, u.payload);
    if (unit) names[unitKey(u.branch, u.id, branch)] = branch ? unit.name : `${u.branch} ${unit.name}`;
  }
  return names;
}
