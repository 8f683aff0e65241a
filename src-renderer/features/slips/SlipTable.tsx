// Slips as a table (queues, search results): number, status, customer, receipt, unit, amounts, date, case.
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SlipRow } from '../../../src-main/shared/types';
import { formatTime, yuan } from '../../lib/format';
import { useSession } from '../shell/session';
import { SlipStatusTag } from './SlipStatusTag';

export function SlipTable({ rows, loading, label }: { rows: SlipRow[]; loading: boolean; label: string }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSession();
  const money = (fen: number) => t('common.yuan', { v: yuan(fen) });
  return (
    <Table<SlipRow>
      aria-label={label}
      size="small"
      rowKey="id"
      loading={loading}
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: t('slips.empty') }}
      columns={[
        {
          title: t('slips.col.number'),
          dataIndex: 'number',
          render: (v: string, r) => <a href={`#/slip/${r.id}`}>{v}</a>,
        },
        { title: t('slip.type'), dataIndex: 'type', render: (v: SlipRow['type']) => t(`slip.${v}`) },
        { title: t('slip.statusLabel'), key: 'status', render: (_, r) => <SlipStatusTag s={r} /> },
        {
          title: t('slips.col.customer'),
          key: 'customer',
          render: (_, r) => [r.customerName, r.customerPhoneMasked].filter(Boolean).join(' ') || t('common.none'),
        },
        { title: t('slip.receiptNo'), dataIndex: 'receiptNo' },
        { title: t('slip.unit'), dataIndex: 'unitName' },
        { title: t('slip.returnedTotal'), dataIndex: 'returnedTotalFen', align: 'right', render: money },
        { title: t('slips.col.refund'), dataIndex: 'refundFen', align: 'right', render: money },
        {
          title: t('slips.col.date'),
          dataIndex: 'handledAt',
          render: (v: number) => formatTime(v, settings.timeZone, i18n.language),
        },
        {
          title: t('slip.linkedCase'),
          key: 'case',
          render: (_, r) => (r.caseId && r.caseNumber ? <a href={`#/case/${r.caseId}`}>{r.caseNumber}</a> : null),
        },
      ]}
    />
  );
}
