// Head office's list of receipts + items refunded at two branches or more (issue 18 §4), below the
// repeat complainants: every slip with its branch and when it was handled; the branches are told on sync.
import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONSOLE_PATHS, type DoubleRefundsAnswer } from '../../../src-headoffice/console/api-contract';
import type { CrossBranchRefund } from '../../../src-main/shared/cross-branch-protocol';
import { ToneTag } from '../../components/ToneTag';
import { getJson } from '../api';
import { shTime } from '../labels';
import { ErrorAlert } from './ErrorAlert';

export function DoubleRefunds() {
  const { t, i18n } = useTranslation(['console', 'translation']);
  const lang = i18n.language;
  const q = useQuery({
    queryKey: ['console', 'doubleRefunds'],
    queryFn: () => getJson<DoubleRefundsAnswer>(CONSOLE_PATHS.doubleRefunds),
  });
  return (
    <section aria-labelledby="double-refunds-title" style={{ marginTop: 24 }}>
      <Typography.Title level={2} id="double-refunds-title" style={{ fontSize: 18 }}>
        {t('doubleRefunds.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('doubleRefunds.intro')}
        {q.data ? ` ${t('doubleRefunds.asOf', { time: shTime(q.data.computedAt, lang) })}` : ''}
      </Typography.Paragraph>
      {q.error && <ErrorAlert error={q.error} />}
      <Table<CrossBranchRefund>
        size="small"
        rowKey={(r) => `${r.receiptKey}:${r.itemCode}`}
        loading={q.isPending}
        dataSource={q.data?.refunds ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('doubleRefunds.empty') }}
        data-testid="double-refunds"
        columns={[
          { title: t('doubleRefunds.receipt'), key: 'receipt', width: 180, render: (_, r) => r.receiptKey },
          { title: t('doubleRefunds.item'), key: 'item', width: 160, render: (_, r) => r.itemCode },
          {
            title: t('doubleRefunds.slips'),
            key: 'slips',
            render: (_, r) => (
              <ul className="history-list">
                {r.slips.map((s) => (
                  <li key={`${s.branch}/${s.number}`} style={{ padding: '2px 0', border: 0 }}>
                    <ToneTag tone="warn">{s.branch}</ToneTag> {s.number} ·{' '}
                    <span className="muted">{shTime(s.handledAt, lang)}</span>
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </section>
  );
}
