// The home screen's 商品集中投诉: items with at least the set number of complaints in the set days
// (settings), the most complained about first; a click opens the item's cases and call list.
import { useQuery } from '@tanstack/react-query';
import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ToneTag } from '../../components/ToneTag';
import { call } from '../../lib/api';
import { navigate } from '../../lib/router';

export const productFlagsKey = ['products.flags'];

export function HomeProductFlags() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: productFlagsKey,
    queryFn: () => call('products.flags', {}),
    refetchInterval: 300_000,
  });
  if (!q.data || q.data.items.length === 0) return null;
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('products.homeTitle')}</h2>}
      extra={
        <Typography.Text type="secondary">
          {t('products.homeHint', { n: q.data.minCases, days: q.data.days })}
        </Typography.Text>
      }
      style={{ marginBottom: 12 }}
      data-testid="home-product-flags"
    >
      <List
        size="small"
        dataSource={q.data.items.slice(0, 5)}
        rowKey={(i) => i.key}
        renderItem={(i) => (
          <List.Item data-testid="home-product-flag">
            <button
              type="button"
              onClick={() => navigate(`/product/${encodeURIComponent(i.key)}`)}
              style={{ textAlign: 'left', background: 'none', border: 0, padding: 0, cursor: 'pointer', width: '100%' }}
            >
              <strong style={{ color: '#1d4ed8' }}>{i.name}</strong>{' '}
              {i.label !== i.name && <span style={{ color: '#595959' }}>{i.label} </span>}
              <ToneTag tone="warn">{t('products.cases', { n: i.cases })}</ToneTag>
            </button>
          </List.Item>
        )}
      />
    </Card>
  );
}
