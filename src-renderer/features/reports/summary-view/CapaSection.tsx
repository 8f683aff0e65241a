// The summary's 纠正预防措施 table on screen: set, done, effect confirmed and fallen overdue in the period.
// Shown only where the summary carries the counts (the branch's; head office's consolidated one has none).
import { useTranslation } from 'react-i18next';
import type { CapaSummary } from '../../../../src-main/shared/summary-types';
import type { SummaryLabels } from '../summary-labels';
import { CountTable, Section } from './parts';

export function CapaSection({ c, labels }: { c: CapaSummary; labels: SummaryLabels }) {
  const { t } = useTranslation();
  const rows = (['opened', 'done', 'confirmed', 'overdue'] as const).map((k) => ({
    key: k,
    name: t(`capa.summary.${k}`),
    count: c[k],
    share: '',
  }));
  return (
    <Section title={t('capa.group')} testId="table-correctiveActions">
      <CountTable rows={rows} labels={labels} />
    </Section>
  );
}
