// A case's full history as head office received it: the branch's timeline, the audit trail
// (who changed what), slips, follow-ups and the instructions already given.
import { Card, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../src-headoffice/console/api-contract';
import { type AuditFormat, auditActionLabel, auditChanges } from '../../../src-main/shared/audit-words';
import { isLinkEvent, linkEventLabel } from '../../../src-main/shared/case-links';
import { timelineWords } from '../../../src-main/shared/event-label';
import { yuan } from '../../lib/format';
import { shTime } from '../labels';
import { CaseSlips } from './CaseSlips';
import { InstructionVersions } from './InstructionVersions';

const h2 = (text: string) => <h2 style={{ fontSize: 15, margin: 0 }}>{text}</h2>;

export function CaseHistory({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation(['console', 'translation']);
  const lang = i18n.language;
  const events = detail.case.events ?? [];
  const words = timelineWords({ channel: detail.case.channel, status: detail.case.status ?? '', events });
  const none = <Typography.Text type="secondary">{t('detail.none')}</Typography.Text>;
  const auditLang = lang === 'en' ? 'en' : 'zh';
  const auditFormat: AuditFormat = {
    lang: auditLang,
    time: (ms) => shTime(ms, lang),
    name: (id) => detail.names[id] ?? null,
    money: (fen) => `¥${yuan(fen)}`,
  };

  return (
    <>
      <Card size="small" title={h2(t('detail.instructions'))} style={{ marginBottom: 12 }} data-testid="instructions">
        <InstructionVersions branch={detail.branch} caseId={detail.case.id} instructions={detail.instructions} />
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
                  <strong>
                    {isLinkEvent(e.kind)
                      ? linkEventLabel(e.kind, e.data)[lang === 'en' ? 'en' : 'zh']
                      : t(`translation:event.${words[i] ?? e.kind}`, { defaultValue: e.kind })}
                  </strong>{' '}
                  · {e.actorName} · {shTime(e.at, lang)}
                  {e.text && <div style={{ whiteSpace: 'pre-wrap' }}>{e.text}</div>}
                </>
              ),
            }))}
          />
        )}
      </Card>
      <CaseSlips slips={detail.slips} />
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
                  <strong>{auditActionLabel(a.action, detail.case.channel, a.after, auditLang)}</strong>{' '}
                  <span className="meta">{t('detail.by', { who: a.actorName, at: shTime(a.at, lang) })}</span>
                </div>
                {auditChanges(a.entity, a.before, a.after, auditFormat).map((ch, n) => (
                  <div key={n} className="meta" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                    {ch.label}: {ch.before} → {ch.after}
                  </div>
                ))}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
