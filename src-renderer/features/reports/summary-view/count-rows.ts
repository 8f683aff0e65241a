// The count tables of the summary screen (category, channel, unit, time limits, satisfaction,
// findings, disputes, promises, follow-ups, government bodies) as rows with their shares.
import { FOLLOW_UP_TALLIES, type Summary } from '../../../../src-main/shared/summary-types';
import type { SummaryLabels } from '../summary-labels';
import { type CountRow, pct } from './parts';

export const CLOSING_KEYS = ['same_day', 'next_day', 'within_limit', 'late', 'open'] as const;

export interface CountTables {
  category: CountRow[];
  channel: CountRow[];
  unit: CountRow[];
  closing: CountRow[];
  satisfaction: CountRow[];
  findings: CountRow[];
  disputes: CountRow[];
  promises: CountRow[];
  followUps: CountRow[];
  government: CountRow[];
}

/** Shares are of the period's cases, except promises (of those made), follow-ups (of those counted) and government (of its cases). */
export function countTables(
  s: Summary,
  labels: SummaryLabels,
  categoryName: (code: string) => string,
  unitName: (id: string) => string,
): CountTables {
  const w = labels.words;
  const rows = (list: { key: string; name: string; count: number }[]): CountRow[] =>
    list.map((r) => ({ ...r, share: pct(r.count, s.total) }));
  const followUpTotal = FOLLOW_UP_TALLIES.reduce((n, k) => n + s.followUps[k], 0);
  const g = s.government;
  return {
    category: rows(s.byCategory.map((r) => ({ key: r.key, name: categoryName(r.key), count: r.count }))),
    channel: rows(
      s.byChannel.map((r) => ({
        key: r.key,
        name: labels.channel[r.key as keyof SummaryLabels['channel']] ?? r.key,
        count: r.count,
      })),
    ),
    unit: rows(s.byUnit.map((r) => ({ key: r.key || '-', name: unitName(r.key), count: r.count }))),
    closing: [
      ...rows(CLOSING_KEYS.map((k) => ({ key: k, name: labels.closing[k], count: s.closing[k] }))),
      { key: 'overdue', name: w.openOverdue, count: s.openOverdue, share: pct(s.openOverdue, s.total) },
    ],
    satisfaction: rows([
      { key: 'satisfied', name: labels.satisfaction.satisfied, count: s.satisfaction.satisfied },
      {
        key: 'basically_satisfied',
        name: labels.satisfaction.basically_satisfied,
        count: s.satisfaction.basically_satisfied,
      },
      { key: 'unsatisfied', name: labels.satisfaction.unsatisfied, count: s.satisfaction.unsatisfied },
      { key: 'not_asked', name: w.notAsked, count: s.satisfaction.not_asked },
    ]),
    findings: rows([
      { key: 'founded', name: labels.finding.founded, count: s.findings.founded },
      { key: 'partly_founded', name: labels.finding.partly_founded, count: s.findings.partly_founded },
      { key: 'unfounded', name: labels.finding.unfounded, count: s.findings.unfounded },
      { key: 'none', name: w.noFinding, count: s.findings.none },
    ]),
    disputes: rows([
      { key: 'disputed', name: w.disputed, count: s.disputed },
      { key: 'escalated', name: w.escalated, count: s.escalated },
      ...(Object.keys(s.escalationsByKind) as (keyof typeof s.escalationsByKind)[]).map((k) => ({
        key: k,
        name: `${w.escalated}:${labels.escalation[k]}`,
        count: s.escalationsByKind[k],
      })),
    ]),
    promises: (
      [
        ['made', w.promisesMade],
        ['kept', w.promisesKept],
        ['missed', w.promisesMissed],
        ['open', w.promisesOpen],
      ] as const
    ).map(([k, name]) => ({ key: k, name, count: s.promises[k], share: pct(s.promises[k], s.promises.made) })),
    followUps: [
      ...FOLLOW_UP_TALLIES.map((k) => ({
        key: k,
        name: w.followUpOutcome[k],
        count: s.followUps[k],
        share: pct(s.followUps[k], followUpTotal),
      })),
      {
        key: 'filed_unreachable',
        name: w.filedUnreachable,
        count: s.filedUnreachable,
        share: pct(s.filedUnreachable, s.total),
      },
    ],
    government: [
      { key: 'total', name: w.governmentTotal, count: g.total },
      { key: 'no_objection', name: w.bodyNoObjection, count: g.answers.no_objection },
      { key: 'objection', name: w.bodyObjection, count: g.answers.objection },
      { key: 'unanswered', name: w.bodyUnanswered, count: g.answers.unanswered },
      { key: 'on_time', name: w.replyOnTime, count: g.writtenReplies.on_time },
      { key: 'late', name: w.replyLate, count: g.writtenReplies.late },
      { key: 'none', name: w.replyNone, count: g.writtenReplies.none },
    ].map((r) => ({ ...r, share: pct(r.count, g.total) })),
  };
}
