// Product-wide problems across branches (issue 18 §2): items with at least N complaints in M days
// (the query, default 3 in 30), each with its cases by branch linking to the case page; a notice to
// every branch or the chosen ones (NoticeForm), and the notices sent with who acknowledged them where.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, InputNumber, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PRODUCT_PATHS,
  type ProductFlagRow,
  type ProductFlagsAnswer,
} from '../../../src-headoffice/console/api-contract';
import { getJson } from '../api';
import { shTime } from '../labels';
import { caseHref, go } from '../route';
import { ErrorAlert } from './ErrorAlert';
import { NoticeForm } from './NoticeForm';
import { NoticeList, noticesKey } from './NoticeList';

const int = (s: string | undefined, d: number) => (s && /^\d+$/.test(s) ? Number(s) : d);

export function ProductFlagsScreen({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation(['console', 'translation']);
  const qc = useQueryClient();
  const minCases = int(params.minCases, 3);
  const days = int(params.days, 30);
  const [notify, setNotify] = useState<ProductFlagRow | null>(null);
  const q = useQuery({
    queryKey: ['console', 'product-flags', minCases, days],
    queryFn: () => getJson<ProductFlagsAnswer>(PRODUCT_PATHS.flags, { minCases: String(minCases), days: String(days) }),
  });
  const set = (k: 'minCases' | 'days', v: number | null) =>
    go('/products', { minCases: String(minCases), days: String(days), [k]: v === null ? undefined : String(v) });

  return (
    <section aria-labelledby="products-title">
      <Typography.Title level={1} className="screen-title" id="products-title">
        {t('products.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('products.intro')}</Typography.Paragraph>
      <div className="filters">
        <div>
          <label htmlFor="p-min">{t('products.minCases')}</label>
          <InputNumber id="p-min" value={minCases} onChange={(v) => set('minCases', v)} />
        </div>
        <div>
          <label htmlFor="p-days">{t('products.days')}</label>
          <InputNumber id="p-days" value={days} onChange={(v) => set('days', v)} />
        </div>
      </div>
      {q.error && <ErrorAlert error={q.error} />}
      <Table<ProductFlagRow>
        size="small"
        rowKey="key"
        loading={q.isPending}
        dataSource={q.data?.flags ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('products.empty') }}
        data-testid="product-flags"
        columns={[
          {
            title: t('products.item'),
            key: 'item',
            render: (_: unknown, f) => (
              <>
                <strong>{f.name ?? f.label}</strong>
                {f.name && f.name !== f.label && <div style={{ color: '#595959', fontSize: 12 }}>{f.label}</div>}
              </>
            ),
          },
          { title: t('products.cases'), dataIndex: 'cases', width: 90 },
          {
            title: t('products.branches'),
            key: 'branches',
            render: (_: unknown, f) =>
              f.branches.map((b) => (
                <Tag key={b.branch}>
                  {b.branch} × {b.cases}
                </Tag>
              )),
          },
          {
            title: t('products.caseList'),
            key: 'cases',
            render: (_: unknown, f) => (
              <div className="flag-cases">
                {f.caseList.slice(0, 12).map((c) => (
                  <div key={`${c.branch}/${c.id}`}>
                    <a href={caseHref(c)} style={{ textDecoration: 'underline' }}>
                      {c.number}
                    </a>{' '}
                    <span style={{ color: '#595959', fontSize: 12 }}>
                      {shTime(c.receivedAt, i18n.language)} · {t(`status.${c.status}`, { ns: 'translation' })}
                    </span>
                  </div>
                ))}
              </div>
            ),
          },
          {
            title: '',
            key: 'notify',
            render: (_: unknown, f) => <Button onClick={() => setNotify(f)}>{t('products.notify')}</Button>,
          },
        ]}
      />
      {notify && (
        <NoticeForm
          key={notify.key}
          flag={notify}
          days={days}
          onClose={() => setNotify(null)}
          onSent={() => {
            setNotify(null);
            void qc.invalidateQueries({ queryKey: noticesKey });
          }}
        />
      )}
      <NoticeList />
    </section>
  );
}
