// The home screen's 其他门店重复退款 (issue 18 §4): receipts + items head office found refunded here and at
// another branch, as of the last sync, each with every branch's slip; this branch's slips open on a click.
// Shown only to whom may see those slips (main filters by unit scope).
import { useQuery } from '@tanstack/react-query';
import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { navigate } from '../../lib/router';
import { useSession } from '../shell/session';

export function HomeDoubleRefunds() {
  const { t, i18n } = useTranslation();
  const { settings } = useSession();
  // Polled: a sync in the background may bring new flags while the home screen is open.
  const q = useQuery({
    queryKey: ['doubleRefunds'],
    queryFn: () => call('refunds.doubleWaiting', {}),
    refetchInterval: 60_000,
  });
  const asOf = q.data?.asOf;
  if (!q.data || asOf === null || asOf === undefined || q.data.refunds.length === 0) return null;
  const time = (at: number) => formatTime(at, settings.timeZone, i18n.language);
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('crossBranch.refundsTitle')}</h2>}
      extra={<Typography.Text type="secondary">{t('crossBranch.refundsAsOf', { time: time(asOf) })}</Typography.Text>}
      style={{ marginBottom: 12, borderColor: '#ffa39e' }}
      data-testid="home-double-refunds"
    >
      <Typography.Paragraph style={{ marginBottom: 4 }}>{t('crossBranch.refundsHint')}</Typography.Paragraph>
      <List
        size="small"
        dataSource={q.data.refunds}
        rowKey={(r) => `${r.receiptKey}:${r.itemCode}`}
        renderItem={(r) => (
          <List.Item data-testid="home-double-refund">
            <div>
              <strong>{t('crossBranch.refundLine', { receipt: r.receiptKey, item: r.itemCode })}</strong>
              <div>
                {r.slips.map((s) => {
                  const local = r.localSlips.find((l) => l.number === s.number);
                  const words = t('crossBranch.refundSlip', {
                    branch: s.branch,
                    number: s.number,
                    time: time(s.handledAt),
                  });
                  return (
                    <div key={`${s.branch}:${s.number}`}>
                      {local ? (
                        <a
                          href={`#/slip/${local.id}`}
                          onClick={(e) => {
                            e.preventDefault();
                            navigate(`/slip/${local.id}`);
                          }}
                          style={{ textDecoration: 'underline' }}
                        >
                          {words}
                        </a>
                      ) : (
                        words
                      )}
                    </div>
                  );
                })}
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
