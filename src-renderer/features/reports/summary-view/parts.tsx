// The building blocks of the summary screen: a titled card, a figure that may link to the cases
// behind it (head office's drill-down), and a table of counts with their shares.
import { Card, Table } from 'antd';
import type { ReactNode } from 'react';
import type { SummaryLabels } from '../summary-labels';

export interface CountRow {
  key: string;
  name: string;
  count: number;
  share: string;
}

export const pct = (n: number, total: number) => (total === 0 ? '0.0%' : `${((100 * n) / total).toFixed(1)}%`);

export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{title}</h2>}
      data-testid={testId}
      style={{ height: '100%' }}
    >
      {children}
    </Card>
  );
}

/** A count as a link to the cases behind it when there are any and the caller drills down. */
export function Figure({ value, href }: { value: ReactNode; href: string | undefined }) {
  return href ? (
    <a href={href} className="summary-figure">
      {value}
    </a>
  ) : (
    <>{value}</>
  );
}

export function CountTable({
  rows,
  labels,
  href,
}: {
  rows: CountRow[];
  labels: SummaryLabels;
  href?: ((key: string) => string | undefined) | undefined;
}) {
  const w = labels.words;
  return (
    <Table<CountRow>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      columns={[
        { title: w.item, dataIndex: 'name' },
        {
          title: w.count,
          dataIndex: 'count',
          align: 'right',
          width: 90,
          render: (v: number, r: CountRow) => <Figure value={v} href={v > 0 ? href?.(r.key) : undefined} />,
        },
        { title: w.share, dataIndex: 'share', align: 'right', width: 90 },
      ]}
    />
  );
}
