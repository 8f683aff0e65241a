// GET /summary/cases: the cases behind one figure of the consolidated summary, from the same per-case
// facts the summary counts (consolidatedFacts), so the list adds up to the figure exactly.
import { periodContains, type SummaryFacts } from '../../src-main/domain/summary';
import { promiseState } from '../../src-main/shared/promise-state';
import type { SlipFacts } from '../../src-main/shared/summary-types';
import type { HqStore } from '../store';
import { consolidatedFacts, unitNames } from './consolidated-summary';
import { type DrillRow, splitFigure, type SummaryDrillAnswer, type SummaryDrillQuery } from './api-contract';

/** What one case adds to a figure (0: not behind it), judged at `asOf` as the summary is. */
type Contribution = (f: SummaryFacts, asOf: number) => number;
const yes = (b: boolean) => (b ? 1 : 0);

const SLIP_TEST: Record<string, (s: SlipFacts) => boolean> = {
  count: () => true,
  returns: (s) => s.type === 'return',
  exchanges: (s) => s.type !== 'return',
  quality: (s) => s.qualityProblem,
  commission: (s) => s.deductCommission,
};

function contribution(family: string, value: string | null): { of: Contribution; slip?: (s: SlipFacts) => boolean } {
  const v = value ?? '';
  switch (family) {
    case 'category':
      return { of: (f) => yes(f.categoryCode === v) };
    case 'channel':
      return { of: (f) => yes(f.channel === v) };
    case 'unit':
      return { of: (f) => yes((f.complainedUnitId ?? '-') === v) };
    case 'severity':
      return { of: (f) => yes(f.severity === v) };
    case 'closing':
      return { of: (f) => yes(f.closing === v) };
    case 'overdue':
      return { of: (f, asOf) => yes(f.closing === 'open' && f.deadlineAt < asOf) };
    case 'satisfaction':
      return { of: (f) => yes((f.satisfaction ?? 'not_asked') === v) };
    case 'finding':
      return { of: (f) => yes((f.finding ?? 'none') === v) };
    case 'cause':
      return { of: (f) => yes((f.cause ?? 'none') === v) };
    case 'disputed':
      return { of: (f) => yes(f.disputed) };
    case 'escalated':
      return { of: (f) => yes(f.escalationKinds.length > 0) };
    case 'escalation':
      return { of: (f) => f.escalationKinds.filter((k) => k === v).length };
    case 'typical':
      return { of: (f) => yes(f.typical) };
    case 'attention':
      return { of: (f) => yes(f.disputed || f.escalationKinds.length > 0) };
    case 'government':
      return { of: (f) => yes(f.channel === 'government') };
    case 'body':
      return { of: (f) => yes(f.channel === 'government' && (f.bodyAnswer ?? 'unanswered') === v) };
    case 'reply':
      return { of: (f) => yes(f.channel === 'government' && (f.writtenReply ?? 'none') === v) };
    case 'promises':
      return {
        of: (f, asOf) =>
          v === 'made' ? f.promises.length : f.promises.filter((p) => promiseState(p, asOf) === v).length,
      };
    case 'followups':
      return { of: (f) => f.followUps.filter((u) => u === v).length };
    case 'filed_unreachable':
      return { of: (f) => yes(f.filedUnreachable) };
    case 'slips': {
      const test = SLIP_TEST[v] ?? (() => false);
      return { of: (f) => f.slips.filter(test).length, slip: test };
    }
    default:
      return { of: () => 1 };
  }
}

export async function summaryDrill(store: HqStore, q: SummaryDrillQuery, now: number): Promise<SummaryDrillAnswer> {
  const fig = splitFigure(q.figure);
  const { of, slip } = contribution(fig?.family ?? 'total', fig?.value ?? null);
  const { period, cases, standalone } = await consolidatedFacts(store, q);
  const rows: DrillRow[] = [];
  let total = 0;
  for (const c of cases) {
    const f = c.facts;
    if (!periodContains(period, f.receivedAt)) continue;
    const items = of(f, now);
    if (items === 0) continue;
    total += items;
    rows.push({
      branch: c.branch,
      id: c.id,
      number: f.number,
      receivedAt: f.receivedAt,
      channel: f.channel,
      categoryCode: f.categoryCode,
      unit: f.complainedUnitId,
      closing: f.closing,
      satisfaction: f.satisfaction,
      finding: f.finding,
      items,
      refundFen: f.slips.reduce((n, s) => n + s.refundFen, 0),
    });
  }
  const standaloneSlips = slip
    ? standalone.filter((s) => periodContains(period, s.slip.handledAt) && slip(s.slip)).length
    : 0;
  rows.sort((a, b) => a.receivedAt - b.receivedAt || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  return {
    figure: q.figure,
    firstDate: period.firstDate,
    lastDate: period.lastDate,
    branch: q.branch ?? null,
    total: total + standaloneSlips,
    standaloneSlips,
    rows,
    names: { units: await unitNames(store, q.branch) },
  };
}
