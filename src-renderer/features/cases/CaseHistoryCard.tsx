// The case's own history from the audit log: who changed what and when, in words (field names
// and values from the catalogues; ids as names; content withheld where the case view withholds it).
import { useQuery } from '@tanstack/react-query';
import { Card, Spin, Typography } from 'antd';
import type { CaseHistoryEntry, HistoryValue } from '../../../src-main/shared/types';
import { pick } from '../../i18n';
import { call } from '../../lib/api';
import type { CaseFormat } from './case-format';

const ENUM_NS: Record<string, string> = {
  status: 'status',
  severity: 'severity',
  resolutionType: 'resolution',
  satisfaction: 'satisfaction',
  cause: 'cause',
  finding: 'finding',
  promiseState: 'promiseState',
  bodyAnswer: 'bodyAnswer',
  outcome: 'followUpOutcome',
  filingReason: 'filingReason',
};
const LISTS = new Set(['promises', 'escalations', 'instructions', 'slipNumbers', 'resolutionOffer']);
/** Fields whose label lives in another part's catalogue (the options offered: i18n/offer-catalogue.ts; issue 22's merge
 * pointer: i18n/links-catalogue.ts). */
const LABEL_KEYS: Record<string, string> = {
  resolutionOffer: 'offer.heading',
  mergedIntoNumber: 'links.history.mergedIntoNumber',
  mergedAt: 'links.history.mergedAt',
  mergedBy: 'links.history.mergedBy',
  mergeReason: 'links.history.mergeReason',
};
/** Ids no reader can use (issue 22: the matter's, the primary's — the event and mergedIntoNumber say it in words). */
const UNSHOWN = new Set(['matterId', 'mergedInto']);

function word(f: CaseFormat, field: string, v: HistoryValue, hidden: boolean): string {
  const { t } = f;
  if (hidden) return t('caseScreen.historyHidden');
  if (v === null) return t('caseScreen.nothing');
  if (typeof v === 'boolean') return f.yesNo(v) ?? '';
  if (LISTS.has(field) && typeof v === 'number') return t('caseScreen.historyList', { n: v });
  if (typeof v === 'number' && field.endsWith('At')) return f.time(v) ?? '';
  if (typeof v === 'number' && field.endsWith('Fen')) return f.money(v) ?? '';
  if (typeof v === 'string' && ENUM_NS[field]) return t(`${ENUM_NS[field]}.${v}`, { defaultValue: v });
  if (typeof v === 'string' && (field.endsWith('Id') || field.endsWith('By'))) return f.name(v) ?? v;
  return String(v);
}

function describe(f: CaseFormat, e: CaseHistoryEntry, contentHidden: boolean): string {
  const { t } = f;
  if (e.action === 'case.create') return t('caseScreen.historyCreated');
  return e.changes
    .filter((ch) => !UNSHOWN.has(ch.field))
    .map((ch) => {
      const hidden = contentHidden && (ch.field === 'content' || ch.field === 'expectedResolution');
      const label = t(LABEL_KEYS[ch.field] ?? `caseScreen.historyField.${ch.field}`, { defaultValue: ch.field });
      if (LISTS.has(ch.field)) return `${label}: ${word(f, ch.field, ch.after, hidden)}`;
      return `${label}: ${word(f, ch.field, ch.before, hidden)} → ${word(f, ch.field, ch.after, hidden)}`;
    })
    .join(' · ');
}

/** The change's name: the timeline's words; an escalation row that existed before is its outcome. */
function kindLabel(f: CaseFormat, e: CaseHistoryEntry): string {
  const { t } = f;
  if (e.action.startsWith('follow_up.')) return t(`followUpHistory.${e.action.slice('follow_up.'.length)}`);
  const escalations = e.changes.find((ch) => ch.field === 'escalations');
  if (e.action === 'case.escalate' && typeof escalations?.before === 'number' && escalations.before > 0)
    return t('action.escalation_outcome');
  return e.label ? pick(e.label) : e.action;
}

export function CaseHistoryCard({
  caseId,
  contentHidden,
  f,
}: {
  caseId: string;
  contentHidden: boolean;
  f: CaseFormat;
}) {
  const { t } = f;
  const q = useQuery({ queryKey: ['caseHistory', caseId], queryFn: () => call('cases.history', { caseId }) });
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('caseScreen.history')}</h2>}
      style={{ marginTop: 16 }}
    >
      {q.isPending && <Spin />}
      {q.data?.length === 0 && <Typography.Text type="secondary">{t('caseScreen.historyNone')}</Typography.Text>}
      <ol data-testid="case-history" style={{ margin: 0, paddingInlineStart: 20 }}>
        {(q.data ?? []).map((e) => (
          <li key={e.id} style={{ marginBottom: 6, overflowWrap: 'anywhere' }}>
            <strong>{f.time(e.at)}</strong> · {e.actorName} · {kindLabel(f, e)}
            <div style={{ color: '#4b5563' }}>{describe(f, e, contentHidden)}</div>
          </li>
        ))}
      </ol>
    </Card>
  );
}
