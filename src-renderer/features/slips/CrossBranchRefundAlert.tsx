// On the slip screen (issue 18 §4): the same receipt and item refunded at another branch too, as head
// office said at the last sync, with the other branches' slips. Nothing when head office flagged none.
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { useSession } from '../shell/session';

export function CrossBranchRefundAlert({ slipId, branch }: { slipId: string; branch: string }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSession();
  const q = useQuery({
    queryKey: ['slipDoubleRefunds', slipId],
    queryFn: () => call('slips.doubleRefunds', { slipId }),
  });
  const asOf = q.data?.asOf;
  if (!q.data || asOf === null || asOf === undefined || q.data.refunds.length === 0) return null;
  const time = formatTime(asOf, settings.timeZone, i18n.language);
  return (
    <>
      {q.data.refunds.map((r) => (
        <Alert
          key={`${r.receiptKey}:${r.itemCode}`}
          type="error"
          showIcon
          data-testid="slip-double-refund"
          style={{ marginBottom: 12 }}
          message={t('crossBranch.slipAlert', {
            receipt: r.receiptKey,
            item: r.itemCode,
            list: r.slips
              .filter((s) => s.branch !== branch)
              .map((s) => `${s.branch} ${s.number}`)
              .join(i18n.language === 'en' ? ', ' : '、'),
            time,
          })}
        />
      ))}
    </>
  );
}
