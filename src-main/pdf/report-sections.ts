// The summary as titled tables of typed cells: one model for the PDF, the CSV and the
// spreadsheet, so the three never disagree. Money stays in fen until a writer formats it.
import { yuanFigure } from '../domain/slips';
import { CHANNELS } from '../shared/enums';
import { asOfLabel } from '../shared/report-as-of';
import { type CaseRef, FOLLOW_UP_TALLIES, type SlipSummary, type SummaryReport } from '../shared/summary-types';
import { formatInstant } from './format';
import type { ReportText } from './report-text';
import { capaReportText } from './report-text-capa';
import { stepsReportText } from './report-text-steps';
import { itemLabel, itemReportText } from './report-text-items';
import { offerSection } from './report-offer-section';

export type Cell =
  { t: 'text'; v: string } | { t: 'int'; v: number } | { t: 'yuan'; fen: number } | { t: 'share'; v: number };

export interface Section {
  id: string;
  title: string;
  columns: string[];
  rows: Cell[][];
  /** A line under the table (e.g. "first 200 of 512 shown"). */
  note?: string;
}

const text = (v: string): Cell => ({ t: 'text', v });
const int = (v: number): Cell => ({ t: 'int', v });
const yuan = (fen: number): Cell => ({ t: 'yuan', fen });
const share = (v: number): Cell => ({ t: 'share', v });

export const shareString = (v: number): string => `${(v * 100).toFixed(1)}%`;

/** The cell as printed text. */
export function cellText(c: Cell): string {
  switch (c.t) {
    case 'text':
      return c.v;
    case 'int':
      return String(c.v);
    case 'yuan':
      return yuanFigure(c.fen);
    case 'share':
      return shareString(c.v);
  }
}

export function categoryName(r: SummaryReport, code: string, lang: ReportText['lang']): string {
  const n = r.names.categories[code];
  return n ? (lang === 'en' ? n.en : n.zh) : code;
}

/** A channel's printed name; a key this version does not know prints as stored. */
function channelName(key: string, t: ReportText): string {
  const c = CHANNELS.find((x) => x === key);
  return c ? t.form.channel[c] : key;
}

export const unitName = (r: SummaryReport, id: string | null, t: ReportText): string =>
  id ? (r.names.units[id] ?? id) : t.summary.noUnit;

/** The period, with 截至 (as of) the generation time while it is still running. */
export const periodLine = (r: SummaryReport, t: ReportText): string =>
  t.summary.periodValue(
    r.summary.period.key,
    r.summary.period.firstDate,
    r.summary.period.lastDate,
    asOfLabel(r.summary.period, r.generatedAt, r.timeZone),
  );

const shareOf = (n: number, total: number) => (total === 0 ? 0 : n / total);

function caseRows(r: SummaryReport, t: ReportText, refs: CaseRef[], flags: boolean): Cell[][] {
  return refs.map((c) => {
    const row = [
      text(c.number),
      text(formatInstant(c.receivedAt, r.timeZone)),
      text(t.form.channel[c.channel]),
      text(categoryName(r, c.categoryCode, t.lang)),
      text(unitName(r, c.complainedUnitId, t)),
      text(c.finding ? t.form.finding[c.finding] : ''),
      text(c.resolutionType ? t.form.resolution[c.resolutionType] : ''),
    ];
    if (flags)
      row.push(
        text([c.disputed ? t.summary.disputed : '', c.escalated ? t.summary.escalated : ''].filter(Boolean).join('、')),
      );
    return row;
  });
}

/** The rows of the returns section: a label and the cell it takes from either view. */
function slipRows(t: ReportText): [string, (v: SlipSummary) => Cell][] {
  const w = t.summary.slips;
  return [
    [w.count, (v) => int(v.count)],
    [w.returns, (v) => int(v.returns)],
    [w.exchanges, (v) => int(v.exchanges)],
    [w.returnedYuan, (v) => yuan(v.returnedFen)],
    [w.refundYuan, (v) => yuan(v.refundFen)],
    [w.qualityCount, (v) => int(v.qualityCount)],
    [w.qualityYuan, (v) => yuan(v.qualityFen)],
    [w.qualityShare, (v) => share(v.qualityShare)],
    [w.commissionCount, (v) => int(v.commissionCount)],
    [w.commissionYuan, (v) => yuan(v.commissionFen)],
  ];
}

/** 纠正预防措施 of the period: set, done, confirmed, overdue (none where the summary carries no counts). */
function capaSection(c: SummaryReport['summary']['correctiveActions'], t: ReportText): Section[] {
  if (!c) return [];
  const w = capaReportText(t.lang);
  return [
    {
      id: 'correctiveActions',
      title: w.title,
      columns: [t.summary.item, t.summary.count],
      rows: (['opened', 'done', 'confirmed', 'overdue'] as const).map((k) => [text(w[k]), int(c[k])]),
    },
  ];
}

/** Handling steps followed (issue 21 §3): the cases with every step ticked, then per step (none where the summary carries no counts). */
function stepsSection(h: SummaryReport['summary']['handlingSteps'], t: ReportText): Section[] {
  if (!h) return [];
  const w = stepsReportText(t.lang);
  return [
    {
      id: 'handlingSteps',
      title: w.title,
      columns: [w.step, w.applicable, w.ticked, t.summary.share],
      rows: [
        [text(w.allSteps), int(h.cases), int(h.allSteps), share(shareOf(h.allSteps, h.cases))],
        ...h.steps.map((x) => [
          text(t.lang === 'en' ? x.title.en : x.title.zh),
          int(x.applicable),
          int(x.ticked),
          share(shareOf(x.ticked, x.applicable)),
        ]),
      ],
    },
  ];
}

/** 按商品: the most complained-about items (shares of the period's cases); none where the summary carries no counts. */
function itemSection(s: SummaryReport['summary'], t: ReportText): Section[] {
  if (!s.byItem) return [];
  const w = itemReportText(t.lang);
  const total = s.byItemTotal ?? s.byItem.length;
  return [
    {
      id: 'byItem',
      title: w.title,
      columns: [w.item, w.cases, w.founded, w.share],
      rows: s.byItem.map((x) => [
        text(itemLabel(x.name, x.code)),
        int(x.count),
        int(x.founded),
        share(shareOf(x.count, s.total)),
      ]),
      note: [total > s.byItem.length ? w.more(s.byItem.length, total) : '', w.note].filter(Boolean).join(w.sep),
    },
  ];
}

export function reportSections(r: SummaryReport, t: ReportText): Section[] {
  const s = r.summary;
  const w = t.summary;
  const cs = w.caseCols;
  const counted = (rows: { label: string; count: number }[]): Cell[][] =>
    rows.map((x) => [text(x.label), int(x.count), share(shareOf(x.count, s.total))]);
  const countCols = [w.item, w.count, w.share];
  return [
    {
      id: 'overview',
      title: w.overview,
      columns: [w.item, w.count],
      rows: [
        [text(w.total), int(s.total)],
        // Absent from a summary made before issue 22.
        ...(s.matters === undefined ? [] : [[text(w.matters), int(s.matters)]]),
        [text(w.severityMajor), int(s.bySeverity.major)],
        [text(w.disputed), int(s.disputed)],
        [text(w.escalated), int(s.escalated)],
        [text(w.typicalTitle), int(s.typicalTotal)],
        [text(w.slips.count), int(s.slipsByDate.count)],
      ],
    },
    {
      id: 'category',
      title: w.byCategory,
      columns: countCols,
      rows: counted(s.byCategory.map((x) => ({ label: categoryName(r, x.key, t.lang), count: x.count }))),
    },
    {
      id: 'channel',
      title: w.byChannel,
      columns: countCols,
      rows: counted(s.byChannel.map((x) => ({ label: channelName(x.key, t), count: x.count }))),
    },
    {
      id: 'unit',
      title: w.byUnit,
      columns: countCols,
      rows: counted(s.byUnit.map((x) => ({ label: unitName(r, x.key || null, t), count: x.count }))),
    },
    ...itemSection(s, t),
    {
      id: 'closing',
      title: w.closingTitle,
      columns: countCols,
      rows: [
        ...counted(
          // Open last: the row after it is "of which overdue".
          (['same_day', 'next_day', 'within_limit', 'late', 'not_accepted', 'duplicate', 'open'] as const).map((k) => ({
            label: w.closing[k],
            count: s.closing[k],
          })),
        ),
        [text(w.openOverdue), int(s.openOverdue), share(shareOf(s.openOverdue, s.total))],
      ],
    },
    {
      id: 'satisfaction',
      title: w.satisfactionTitle,
      columns: countCols,
      rows: counted([
        { label: t.form.satisfaction.satisfied, count: s.satisfaction.satisfied },
        { label: t.form.satisfaction.basically_satisfied, count: s.satisfaction.basically_satisfied },
        { label: t.form.satisfaction.unsatisfied, count: s.satisfaction.unsatisfied },
        { label: w.notAsked, count: s.satisfaction.not_asked },
      ]),
    },
    {
      id: 'findings',
      title: w.findingsTitle,
      columns: countCols,
      rows: counted([
        { label: t.form.finding.founded, count: s.findings.founded },
        { label: t.form.finding.partly_founded, count: s.findings.partly_founded },
        { label: t.form.finding.unfounded, count: s.findings.unfounded },
        { label: w.noFinding, count: s.findings.none },
      ]),
    },
    {
      id: 'disputes',
      title: w.disputesTitle,
      columns: countCols,
      rows: counted([
        { label: w.disputed, count: s.disputed },
        { label: w.escalated, count: s.escalated },
        ...(Object.keys(s.escalationsByKind) as (keyof typeof s.escalationsByKind)[]).map((k) => ({
          label: `${w.escalated}:${t.form.escalation[k]}`,
          count: s.escalationsByKind[k],
        })),
      ]),
    },
    {
      // Promises answered by their time or not (shares of the promises made).
      id: 'promises',
      title: w.promisesTitle,
      columns: countCols,
      rows: (['made', 'kept', 'missed', 'open'] as const).map((k) => [
        text(w.promises[k]),
        int(s.promises[k]),
        share(shareOf(s.promises[k], s.promises.made)),
      ]),
    },
    {
      // Follow-ups (回访) of the period's cases by outcome (shares of the follow-ups), and the cases filed as unreachable.
      id: 'followUps',
      title: w.followUpsTitle,
      columns: countCols,
      rows: [
        ...FOLLOW_UP_TALLIES.map((k) => {
          const all = FOLLOW_UP_TALLIES.reduce((n, x) => n + s.followUps[x], 0);
          return [text(w.followUps[k]), int(s.followUps[k]), share(shareOf(s.followUps[k], all))];
        }),
        [text(w.filedUnreachable), int(s.filedUnreachable), share(shareOf(s.filedUnreachable, s.total))],
      ],
    },
    ...capaSection(s.correctiveActions, t),
    ...offerSection(s.offers, s.total, t),
    ...stepsSection(s.handlingSteps, t),
    {
      // Government bodies' cases: the body's answer, and the written reply against the limit (shares of those cases).
      id: 'government',
      title: w.governmentTitle,
      columns: countCols,
      rows: [
        { label: w.government.total, count: s.government.total },
        { label: w.government.noObjection, count: s.government.answers.no_objection },
        { label: w.government.objection, count: s.government.answers.objection },
        { label: w.government.unanswered, count: s.government.answers.unanswered },
        { label: w.government.onTime, count: s.government.writtenReplies.on_time },
        { label: w.government.late, count: s.government.writtenReplies.late },
        { label: w.government.none, count: s.government.writtenReplies.none },
      ].map((r) => [text(r.label), int(r.count), share(shareOf(r.count, s.government.total))]),
    },
    {
      // Two views side by side: by slip date first (finance reconciles a month's slips), then by the case's month.
      id: 'slips',
      title: w.slipsTitle,
      columns: [w.item, w.slipViews.byDate, w.slipViews.byCase],
      rows: slipRows(t).map(([label, cell]) => [text(label), cell(s.slipsByDate), cell(s.slips)]),
      note: w.slipViews.note,
    },
    {
      id: 'trend',
      title: w.trendTitle,
      columns: [
        w.trendCols.period,
        w.trendCols.total,
        w.trendCols.sameDay,
        w.trendCols.late,
        w.trendCols.satisfied,
        w.trendCols.unsatisfied,
        w.trendCols.disputed,
        w.trendCols.escalated,
        w.trendCols.slips,
        w.trendCols.refundYuan,
      ],
      rows: s.trend.map((p) => [
        text(p.key),
        int(p.total),
        int(p.sameDay),
        int(p.late),
        int(p.satisfied),
        int(p.unsatisfied),
        int(p.disputed),
        int(p.escalated),
        int(p.slips),
        yuan(p.refundFen),
      ]),
      note: w.trendNote,
    },
    {
      id: 'typical',
      title: w.typicalTitle,
      columns: [cs.number, cs.receivedAt, cs.channel, cs.category, cs.unit, cs.finding, cs.resolution],
      rows: caseRows(r, t, s.typical, false),
      ...(s.typicalTotal > s.typical.length ? { note: w.attentionMore(s.typical.length, s.typicalTotal) } : {}),
    },
    {
      id: 'attention',
      title: w.attention,
      columns: [cs.number, cs.receivedAt, cs.channel, cs.category, cs.unit, cs.finding, cs.resolution, cs.flags],
      rows: caseRows(r, t, s.attention, true),
      ...(s.attentionTotal > s.attention.length ? { note: w.attentionMore(s.attention.length, s.attentionTotal) } : {}),
    },
  ];
}

/** The header lines every output starts with. */
export function reportHeaderLines(r: SummaryReport, t: ReportText): [string, string][] {
  return [
    [t.summary.branch, `${r.branch.name} (${r.branch.code})`],
    [t.summary.period, periodLine(r, t)],
    [t.summary.generatedAt, formatInstant(r.generatedAt, r.timeZone)],
  ];
}

export const reportFileBase = (r: SummaryReport, t: ReportText): string =>
  `${t.summary.title[r.summary.period.type]}-${r.branch.code}-${r.summary.period.key}`;
