// The summary screen's comparison with the previous periods: one row per period, this one last.
import { Table, Typography } from 'antd';
import type { Summary } from '../../../../src-main/shared/summary-types';
import { yuan } from '../../../lib/format';
import type { SummaryLabels } from '../summary-labels';
import { Section } from './parts';

export function TrendSection({ summary: s, labels }: { summary: Summary; labels: SummaryLabels }) {
  const w = labels.words;
  return (
    <Section title={w.trendTitle} testId="table-trend">
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={s.trend}
        scroll={{ x: true }}
        columns={[
          { title: w.period, dataIndex: 'key' },
          { title: w.total, dataIndex: 'total', align: 'right' },
          { title: w.sameDay, dataIndex: 'sameDay', align: 'right' },
          { title: w.late, dataIndex: 'late', align: 'right' },
          { title: labels.satisfaction.satisfied, dataIndex: 'satisfied', align: 'right' },
          { title: labels.satisfaction.unsatisfied, dataIndex: 'unsatisfied', align: 'right' },
          { title: w.disputed, dataIndex: 'disputed', align: 'right' },
          { title: w.escalated, dataIndex: 'escalated', align: 'right' },
          { title: w.slips, dataIndex: 'slips', align: 'right' },
          { title: w.refundYuan, dataIndex: 'refundFen', align: 'right', render: (v: number) => yuan(v) },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }} data-testid="trend-note">
        {w.trendNote}
      </Typography.Paragraph>
    </Section>
  );
}
