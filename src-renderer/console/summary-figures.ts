// The summary's counts as drill-down figures (summary-contract.ts keys) and their names in words, for
// the summary screen's links, the list of cases behind a figure and the branches side by side.
import type { TFunction } from 'i18next';
import { splitFigure } from '../../src-headoffice/console/api-contract';
import type { SummaryLabels } from '../features/reports/summary-labels';

const STAT: Record<string, string> = {
  total: 'total',
  sameDay: 'closing:same_day',
  late: 'closing:late',
  disputed: 'disputed',
  escalated: 'escalated',
  slips: 'slips:count',
  notAccepted: 'closing:not_accepted',
};
const SLIPS: Record<string, string> = {
  count: 'slips:count',
  returns: 'slips:returns',
  exchanges: 'slips:exchanges',
  quality: 'slips:quality',
  commission: 'slips:commission',
};
const GOVERNMENT: Record<string, string> = {
  total: 'government',
  no_objection: 'body:no_objection',
  objection: 'body:objection',
  unanswered: 'body:unanswered',
  on_time: 'reply:on_time',
  late: 'reply:late',
  none: 'reply:none',
};

/** The figure behind a count of SummaryView (section and row key), or undefined for a count that is no figure. */
export function figureOf(section: string, key: string): string | undefined {
  switch (section) {
    case 'stat':
      return STAT[key];
    case 'slips':
      return SLIPS[key];
    case 'government':
      return GOVERNMENT[key];
    case 'category':
    case 'channel':
    case 'unit':
      return `${section}:${key}`;
    case 'closing':
      return key === 'overdue' ? 'overdue' : `closing:${key}`;
    case 'satisfaction':
      return `satisfaction:${key}`;
    case 'findings':
      return `finding:${key}`;
    case 'disputes':
      return key === 'disputed' || key === 'escalated' ? key : `escalation:${key}`;
    case 'promises':
      return `promises:${key}`;
    case 'followUps':
      return key === 'filed_unreachable' ? 'filed_unreachable' : `followups:${key}`;
    default:
      return undefined;
  }
}

export interface FigureNames {
  categories: Record<string, { zh: string; en: string }>;
  units: Record<string, string>;
}

/** A figure in words: "按表现方式:电话", "其中已超时未反馈". */
export function figureLabel(figure: string, l: SummaryLabels, t: TFunction, names: FigureNames): string {
  const f = splitFigure(figure);
  if (!f) return figure;
  const w = l.words;
  const v = f.value ?? '';
  const of = (title: string, name: string) => `${title}:${name}`;
  switch (f.family) {
    case 'total':
      return w.total;
    case 'category': {
      const n = names.categories[v];
      return of(w.byCategory, n ? (l.lang === 'en' ? n.en : n.zh) : v);
    }
    case 'channel':
      return of(w.byChannel, t(`channel.${v}`, { ns: 'translation' }));
    case 'unit':
      return of(w.byUnit, v === '-' ? w.noUnit : (names.units[v] ?? v));
    case 'severity':
      return t(`severity.${v}`, { ns: 'translation' });
    case 'closing':
      return of(w.closingTitle, t(`reports.summary.closing.${v}`, { ns: 'translation' }));
    case 'overdue':
      return of(w.closingTitle, w.openOverdue);
    case 'satisfaction':
      return of(w.satisfactionTitle, v === 'not_asked' ? w.notAsked : t(`satisfaction.${v}`, { ns: 'translation' }));
    case 'finding':
      return of(w.findingsTitle, v === 'none' ? w.noFinding : t(`finding.${v}`, { ns: 'translation' }));
    case 'cause':
      return v === 'none' ? w.noFinding : t(`cause.${v}`, { ns: 'translation' });
    case 'disputed':
      return w.disputed;
    case 'escalated':
      return w.escalated;
    case 'escalation':
      return `${w.escalated}:${t(`escalation.${v}`, { ns: 'translation' })}`;
    case 'typical':
      return w.typicalTitle;
    case 'attention':
      return w.attention;
    case 'government':
      return w.governmentTotal;
    case 'body':
      return of(
        w.governmentTitle,
        v === 'no_objection' ? w.bodyNoObjection : v === 'objection' ? w.bodyObjection : w.bodyUnanswered,
      );
    case 'reply':
      return of(w.governmentTitle, v === 'on_time' ? w.replyOnTime : v === 'late' ? w.replyLate : w.replyNone);
    case 'promises':
      return of(
        w.promisesTitle,
        v === 'made'
          ? w.promisesMade
          : v === 'kept'
            ? w.promisesKept
            : v === 'missed'
              ? w.promisesMissed
              : w.promisesOpen,
      );
    case 'followups':
      return of(w.followUpsTitle, w.followUpOutcome[v as keyof typeof w.followUpOutcome] ?? v);
    case 'filed_unreachable':
      return w.filedUnreachable;
    case 'slips':
      return of(
        w.slipsTitle,
        v === 'returns'
          ? w.returns
          : v === 'exchanges'
            ? w.exchanges
            : v === 'quality'
              ? w.qualityCount
              : v === 'commission'
                ? w.commissionCount
                : w.slipCount,
      );
    default:
      return figure;
  }
}

/** The hash of the list of cases behind a figure. */
export function drillHash(figure: string, q: { period: string; date: string; branch?: string | undefined }): string {
  const qs = new URLSearchParams({ period: q.period, date: q.date, figure });
  if (q.branch) qs.set('branch', q.branch);
  return `#/summary/cases?${qs.toString()}`;
}
