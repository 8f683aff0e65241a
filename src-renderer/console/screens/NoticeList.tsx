// The notices head office sent (通知), the newest first: to which branches, whether each has synced
// it, and who acknowledged it there and when.
import { useQuery } from '@tanstack/react-query';
import { Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type NoticesAnswer, PRODUCT_PATHS } from '../../../src-headoffice/console/api-contract';
import { getJson } from '../api';
import { shTime } from '../labels';

export const noticesKey = ['console', 'notices'];

export function NoticeList() {
  const { t, i18n } = useTranslation('console');
  const lang = i18n.language;
  const q = useQuery({
    queryKey: noticesKey,
    queryFn: () => getJson<NoticesAnswer>(PRODUCT_PATHS.notices),
    refetchInterval: 60_000,
  });
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('products.noticesTitle')}</h2>}
      style={{ marginTop: 16 }}
      data-testid="notices"
    >
      <List
        size="small"
        dataSource={q.data?.notices ?? []}
        rowKey={(n) => n.noticeId}
        locale={{ emptyText: <span style={{ color: '#595959' }}>{t('products.noticesEmpty')}</span> }}
        renderItem={(n) => (
          <List.Item data-testid="notice">
            <div style={{ width: '100%' }}>
              <strong>{n.title}</strong>
              <div style={{ whiteSpace: 'pre-wrap' }}>{n.text}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('products.sentBy', { who: n.reviewerName, at: shTime(n.sentAt, lang) })}
              </Typography.Text>
              <div style={{ marginTop: 4 }}>
                {n.branches.map((b) => (
                  <div key={b.branch} data-testid={`notice-branch-${b.branch}`}>
                    <Tag color={b.ack ? 'green' : b.receivedAt ? 'gold' : undefined}>{b.branch}</Tag>
                    {b.ack
                      ? t('products.acked', { name: b.ack.name, staffNo: b.ack.staffNo, at: shTime(b.ack.at, lang) })
                      : b.receivedAt
                        ? t('products.received')
                        : t('products.notReceived')}
                  </div>
                ))}
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
