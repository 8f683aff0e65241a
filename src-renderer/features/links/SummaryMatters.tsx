// The summary's "3 起个案,2 个事项" (issue 22 §2): under the key figures, the period's cases and the matters they
// make — cases linked as one matter count once as a matter and apart as cases. Shown only where the summary
// carries the matter count (a summary made before issue 22, or head office's without it, shows none).
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function SummaryMatters({ cases, matters }: { cases: number; matters: number | undefined }) {
  const { t } = useTranslation();
  if (matters === undefined || cases === 0) return null;
  return (
    <div data-testid="summary-matters" style={{ marginTop: 8 }}>
      <Typography.Text strong>{t('links.summaryLine', { cases, matters })}</Typography.Text>{' '}
      <Typography.Text type="secondary">{t('links.summaryHint')}</Typography.Text>
    </div>
  );
}
