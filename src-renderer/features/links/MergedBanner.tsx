// The top of a case screen after a merge (issue 22 §3): a duplicate says "已合并至 SH01-…" with the link, who merged
// it, when and why; a primary shows each government deadline a duplicate carried to it beside its own deadline, so a
// 12315 body's limit never drops out of sight.
import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../src-main/shared/types';
import { ToneTag } from '../../components/ToneTag';
import { formatTime } from '../../lib/format';
import { useSession } from '../shell/session';

export function MergedBanner({ c }: { c: CaseView }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSession();
  const m = c.mergedIntoCase;
  if (!m) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="merged-banner"
      style={{ marginBottom: 12 }}
      message={
        <>
          {t('links.mergedBanner')}
          {i18n.language === 'en' ? ' ' : ''}
          <a href={`#/case/${m.caseId}`} style={{ textDecoration: 'underline' }}>
            {m.number}
          </a>
        </>
      }
      description={
        <>
          <div>{t('links.mergedBannerRest')}</div>
          <div>
            {t('links.mergedBy', {
              name: m.byName,
              at: formatTime(m.at, settings.timeZone, i18n.language),
              reason: m.reason,
            })}
          </div>
          {m.differentCustomerConfirmed && <div>{t('links.differentConfirmed')}</div>}
        </>
      }
    />
  );
}

/** Beside the deadline badge: the government deadlines moved here with a merged duplicate. */
export function CarriedDeadlines({ c }: { c: CaseView }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSession();
  const carried = c.mergedFrom.filter((d) => d.carriedDueAt !== null);
  if (carried.length === 0) return null;
  return (
    <Space size={4} wrap>
      {carried.map((d) => (
        <ToneTag key={d.caseId} tone="warn" testId="carried-deadline">
          {d.govBody ? t(`govBody.${d.govBody}`) : t(`channel.${d.channel}`)}{' '}
          {t('links.due', { at: formatTime(d.carriedDueAt, settings.timeZone, i18n.language) })} ·{' '}
          {t('links.from', { number: d.number })}
        </ToneTag>
      ))}
    </Space>
  );
}
