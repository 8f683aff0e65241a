// The summary's 方案被接受 table on screen (issue 21 §3): cases with options offered (share of the period's
// cases), accepted, first option chosen, none accepted (shares of those offered), then each kind chosen
// (shares of those accepted). Shown where the summary carries the counts (branch and head office alike).
import { useTranslation } from 'react-i18next';
import { OFFER_KINDS, type OfferSummary } from '../../../../src-main/shared/resolution-offer';
import type { SummaryLabels } from '../summary-labels';
import { CountTable, pct, Section } from './parts';

export function OfferSection({ o, total, labels }: { o: OfferSummary; total: number; labels: SummaryLabels }) {
  const { t } = useTranslation('translation');
  const rows = [
    { key: 'offered', name: t('offer.summary.offered'), count: o.offered, share: pct(o.offered, total) },
    { key: 'accepted', name: t('offer.summary.accepted'), count: o.accepted, share: pct(o.accepted, o.offered) },
    {
      key: 'firstChosen',
      name: t('offer.summary.firstChosen'),
      count: o.firstChosen,
      share: pct(o.firstChosen, o.offered),
    },
    { key: 'none', name: t('offer.noneAccepted'), count: o.noneAccepted, share: pct(o.noneAccepted, o.offered) },
    ...OFFER_KINDS.filter((k) => o.chosenKinds[k] > 0).map((k) => ({
      key: `kind-${k}`,
      name: t('offer.summary.chosenKind', { kind: t(`offer.kindLabel.${k}`) }),
      count: o.chosenKinds[k],
      share: pct(o.chosenKinds[k], o.accepted),
    })),
  ];
  return (
    <Section title={t('offer.summary.title')} testId="table-offers">
      <CountTable rows={rows} labels={labels} />
    </Section>
  );
}
