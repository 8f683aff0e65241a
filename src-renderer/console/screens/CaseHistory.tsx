// A case's full history as head office received it: the branch's timeline, the audit trail
// (who changed what), slips, follow-ups and the instructions already given.
import { Card, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseHistoryEntry } from '../../../src-headoffice/console/api-contract';
import { eventLabel, timelineWords } from '../../../src-main/shared/event-label';
import { fieldLabel } from '../../../src-main/shared/i18n/field-labels';
import { ToneTag } from '../../components/ToneTag';
import { pick } from '../../i18n';
import { yuan } from '../../lib/format';
import { shTime } from '../labels';

const h2 = (text: string) => <h2 style={{ fontSize: 15, margin: 0 }}>{text}</h2>;

/** Bookkeeping, and 不予受理's reason code and English twin (its Chinese words tell it once), as the branch's history skips them. */
const SKIPPED = ['version', 'updatedAt', 'createdAt', 'events', 'declineReasonCode', 'declineReasonEn'];

/** An audit change in words: `状态: 处理中 → 已处理`. Ids (assignee, unit…) mean nothing to a reviewer and are left out. */
function changes(before: Record<string, unknown> | null, after: Record<string, unknown> | null, t: TFunction): string {
  const keys = Object.keys(after ?? before ?? {}).filter((k) => !SKIPPED.includes(k) && !/Ids?$/.test(k) && k !== 'id');
  const show = (k: string, v: unknown) => {
    if (v === null || v === undefined) return '∅';
    if (k === 'status' && typeof v === 'string') return t(`translation:status.${v}`);
    if (k === 'channel' && typeof v === 'string') return t(`translation:channel.${v}`);
    return typeof v === 'object' ? JSON.stringify(v).slice(0, 60) : String(v).slice(0, 60);
  };
  return keys
    .slice(0, 6)
    .map((k) => `${label(k, t)}: ${before ? `${show(k, before[k])} → ` : ''}${show(k, after?.[k])}`)
    .join(';');
}

/** The shared field labels, and the list's words for the fields they do not name. */
const OWN: Record<string, string> = {
  status: 'list.status',
  channel: 'list.channel',
  categoryCode: 'list.category',
  dueAt: 'list.deadline',
  receivedAt: 'list.receivedAt',
};
function label(k: string, t: TFunction): string {
  const own = OWN[k];
  return own ? t(own) : pick(fieldLabel(k));
}

/** `case.forward` → 转交处理 (the branch's event words, as the case words them); other actions as they are. */
function actionLabel(a: CaseHistoryEntry, channel: string | null): string {
  const [entity, verb] = a.action.split('.');
  if (entity !== 'case' || !verb) return a.action;
  const status = a.after?.status;
  const label = eventLabel(verb === 'create' ? 'intake' : verb, channel, typeof status === 'string' ? status : null);
  return label ? pick(label) : a.action;
}

export function CaseHistory({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation(['console', 'translation']);
  const lang = i18n.language;
  const events = detail.case.events ?? [];
  const words = timelineWords({ channel: detail.case.channel, status: detail.case.status ?? '', events });
  const none = <Typography.Text type="secondary">{t('detail.none')}</Typography.Text>;

  return (
    <>
      <Card size="small" title={h2(t('detail.instructions'))} style={{ marginBottom: 12 }} data-testid="instructions">
        {detail.instructions.length === 0 ? (
          none
        ) : (
          <ul className="history-list">
            {detail.instructions.map((i) => (
              <li key={i.instructionId}>
                <div style={{ whiteSpace: 'pre-wrap' }}>{i.text}</div>
                <div className="meta">
                  {t('detail.by', { who: i.reviewerName, at: shTime(Date.parse(i.instructedAt), lang) })}{' '}
                  <ToneTag tone={i.appliedByBranch ? 'good' : 'warn'}>
                    {i.appliedByBranch ? t('detail.delivered') : t('detail.pending')}
                  </ToneTag>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card size="small" title={h2(t('detail.timeline'))} style={{ marginBottom: 12 }} data-testid="timeline">
        {events.length === 0 ? (
          none
        ) : (
          <Timeline
            items={events.map((e, i) => ({
              key: e.id,
              children: (
                <>
                  <strong>{t(`translation:event.${words[i] ?? e.kind}`, { defaultValue: e.kind })}</strong> ·{' '}
                  {e.actorName} · {shTime(e.at, lang)}
                  {e.text && <div style={{ whiteSpace: 'pre-wrap' }}>{e.text}</div>}
                </>
              ),
            }))}
          />
        )}
      </Card>
      <Card size="small" title={h2(t('detail.slips'))} style={{ marginBottom: 12 }}>
        {detail.slips.length === 0 ? (
          none
        ) : (
          <ul className="history-list">
            {detail.slips.map((s) => (
              <li key={s.id}>
                {t('detail.slipLine', {
                  number: s.number ?? '',
                  type: s.type ? t(`translation:slip.${s.type}`) : '',
                  amount: yuan(s.refundFen ?? s.returnedTotalFen ?? 0),
                  status: s.status ? t(`translation:slipStatus.${s.status}`) : '',
                })}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card size="small" title={h2(t('detail.followUps'))} style={{ marginBottom: 12 }}>
        {detail.followUps.length === 0 ? (
          none
        ) : (
          <ul className="history-list">
            {detail.followUps.map((f) => (
              <li key={f.id}>
                {t('detail.followUpLine', {
                  due: f.dueDate ?? '',
                  state: f.outcome
                    ? t(`translation:followUpOutcome.${f.outcome}`)
                    : f.doneAt
                      ? t('detail.followUpDone')
                      : t('detail.followUpOpen'),
                })}
                {f.result && <div style={{ whiteSpace: 'pre-wrap' }}>{f.result}</div>}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card size="small" title={h2(t('detail.audit'))} data-testid="audit">
        {detail.history.length === 0 ? (
          none
        ) : (
          <ul className="history-list">
            {detail.history.map((a) => (
              <li key={a.id}>
                <div>
                  <strong title={a.action}>{actionLabel(a, detail.case.channel)}</strong>{' '}
                  <span className="meta">{t('detail.by', { who: a.actorName, at: shTime(a.at, lang) })}</span>
                </div>
                <div className="meta" style={{ wordBreak: 'break-all' }}>
                  {changes(a.before, a.after, t)}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
