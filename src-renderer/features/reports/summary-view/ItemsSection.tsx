// The summary's 按商品 table on screen (issue 18 §2): the most complained-about items of the period, each
// with its cases, how many were founded or partly founded, and its share of the period's cases.
import { Table, Typography } from 'antd';
import type { ItemRow } from '../../../../src-main/shared/summary-types';
import type { SummaryLabels } from '../summary-labels';
import { pct, Section } from './parts';

type Words = SummaryLabels['items'];

/** An item as shown: its name, and its code in brackets when it has one. */
const itemLabel = (r: ItemRow) => (r.code && r.code !== r.name ? `${r.name} (${r.code})` : r.name);

export function ItemsSection({ rows, total, cases, w }: { rows: ItemRow[]; total: number; cases: number; w: Words }) {
  return (
    <Section title={w.title} testId="table-byItem">
      <Table<ItemRow>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        locale={{ emptyText: w.empty }}
        columns={[
          { title: w.item, key: 'item', render: (_: unknown, r: ItemRow) => itemLabel(r) },
          { title: w.cases, dataIndex: 'count', align: 'right', width: 90 },
          { title: w.founded, dataIndex: 'founded', align: 'right', width: 110 },
          {
            title: w.share,
            key: 'share',
            align: 'right',
            width: 80,
            render: (_: unknown, r: ItemRow) => pct(r.count, cases),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
        {total > rows.length && <span data-testid="byItem-more">{w.more(rows.length, total)}</span>}
        {total > rows.length && w.sep}
        {w.note}
      </Typography.Paragraph>
    </Section>
  );
}
