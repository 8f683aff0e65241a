// The options offered to the customer and the one she chose (issue 21 §3), read only: the branch's case
// screen and the console's case view show the same list (1. kind · words · ¥amount, the chosen one marked;
// "none accepted" with its reason).
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResolutionOffer } from '../../src-main/shared/resolution-offer';
import { yuan } from '../lib/format';

export function OfferList({ offer }: { offer: ResolutionOffer | null }) {
  const { t } = useTranslation('translation');
  if (!offer) return <span style={{ color: '#6b7280' }}>{t('offer.none')}</span>;
  return (
    <div data-testid="offer-list">
      <ol style={{ margin: 0, paddingInlineStart: 20 }}>
        {offer.options.map((o, i) => {
          const chosen = offer.chosen === i;
          const parts = [
            t(`offer.kindLabel.${o.kind}`),
            o.text,
            o.amountFen === null ? null : t('common.yuan', { v: yuan(o.amountFen) }),
          ];
          return (
            <li key={i} data-chosen={chosen || undefined} style={chosen ? { fontWeight: 600 } : undefined}>
              {parts.filter(Boolean).join(' · ')}
              {chosen && (
                <Tag color="green" style={{ marginInlineStart: 8 }}>
                  {t('offer.chosen')}
                </Tag>
              )}
            </li>
          );
        })}
      </ol>
      {offer.chosen === null && (
        <div>
          <Tag color="orange">{t('offer.noneAccepted')}</Tag>
          {offer.note}
        </div>
      )}
    </div>
  );
}
