// The console's 受理 card: accepted at intake (by whom, when) or 不予受理 with the reason in the words
// chosen, the grounds, the competent body the customer was told of, who decided and when — all from
// the case snapshot (names from its events: the snapshot carries user ids only).
import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConsoleCaseView } from '../../../src-headoffice/console/api-contract';
import { ToneTag } from '../../components/ToneTag';
import { shTime } from '../labels';

/** The name of whoever did the last event of this kind, if the snapshot has it. */
function lastActor(c: ConsoleCaseView, kind: string): string | null {
  const found = (c.events ?? []).filter((e) => e.kind === kind).at(-1);
  return found?.actorName ?? null;
}

export function CaseAcceptance({ c }: { c: ConsoleCaseView }) {
  const { t, i18n } = useTranslation(['console', 'translation']);
  const lang = i18n.language;
  const declined = c.status === 'not_accepted';
  const who = (name: string | null, at: number | null | undefined) =>
    [name, at != null ? shTime(at, lang) : null].filter(Boolean).join(' · ') || t('detail.none');
  const reason = lang === 'en' ? (c.declineReasonEn ?? c.declineReasonZh) : (c.declineReasonZh ?? c.declineReasonEn);
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('translation:acceptance.accepted')}</h2>}
      style={{ marginBottom: 12 }}
      data-testid="acceptance"
    >
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('translation:acceptance.accepted')}>
          <ToneTag tone={declined ? 'warn' : 'good'} testId="acceptance-decision">
            {declined ? t('translation:acceptance.notAccepted') : t('translation:acceptance.accepted')}
          </ToneTag>
        </Descriptions.Item>
        {declined ? (
          <>
            <Descriptions.Item label={t('translation:acceptance.reason')}>
              <span data-testid="decline-reason">{reason ?? t('detail.none')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('translation:acceptance.text')}>
              <span style={{ whiteSpace: 'pre-wrap' }} data-testid="decline-text">
                {c.declineText ?? t('detail.none')}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('translation:acceptance.referTo')}>
              <span data-testid="decline-refer-to">{c.declineReferTo ?? t('detail.none')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('translation:acceptance.decidedBy')}>
              <span data-testid="declined-by">{who(lastActor(c, 'decline'), c.declinedAt)}</span>
            </Descriptions.Item>
          </>
        ) : (
          <Descriptions.Item label={t('translation:acceptance.acceptedBy')}>
            <span data-testid="accepted-by">{who(lastActor(c, 'intake'), c.createdAt)}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
