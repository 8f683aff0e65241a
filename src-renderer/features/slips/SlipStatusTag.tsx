// A slip's status as a coloured tag (void red, waiting amber, completed green), with its settlement.
import { useTranslation } from 'react-i18next';
import type { SlipRow } from '../../../src-main/shared/types';
import { ToneTag } from '../../components/ToneTag';

export function SlipStatusTag({ s }: { s: Pick<SlipRow, 'status' | 'settlementStatus'> }) {
  const { t } = useTranslation();
  return (
    <>
      <ToneTag tone={s.status === 'void' ? 'bad' : s.status === 'completed' ? 'good' : 'warn'}>
        {t(`slipStatus.${s.status}`)}
      </ToneTag>
      {s.status === 'completed' && (
        <ToneTag tone={s.settlementStatus === 'settled' ? 'plain' : 'info'}>
          {s.settlementStatus === 'settled' ? t('slips.settled') : t('slip.unsettled')}
        </ToneTag>
      )}
    </>
  );
}
