// The returns section (退换货) on screen: two views side by side — by slip date (the slips handled
// in the period, what finance reconciles) and by the period the case was received (with head
// office's drill-down, which lists cases received in the period) — and the line saying what each counts.
import { Table, Typography } from 'antd';
import type { SlipSummary, Summary } from '../../../../src-main/shared/summary-types';
import { yuan } from '../../../lib/format';
import type { SummaryLabels } from '../summary-labels';
import { Figure, Section } from './parts';

interface SlipRow {
  key: string;
  name: string;
  byDate: string;
  byCase: string;
}

/** The rows: a key (head office's figure key), a label and the value taken from either view. */
function rowsOf(w: SummaryLabels['words'], byDate: SlipSummary, byCase: SlipSummary): SlipRow[] {
  const spec: [string, string, (v: SlipSummary) => string][] = [
    ['count', w.slipCount, (v) => String(v.count)],
    ['returns', w.returns, (v) => String(v.returns)],
    ['exchanges', w.exchanges, (v) => String(v.exchanges)],
    ['returned', w.returnedYuan, (v) => yuan(v.returnedFen)],
    ['refund', w.refundYuan, (v) => yuan(v.refundFen)],
    ['quality', w.qualityCount, (v) => String(v.qualityCount)],
    ['qualityShare', w.qualityShare, (v) => `${(v.qualityShare * 100).toFixed(1)}%`],
    ['commission', w.commissionCount, (v) => String(v.commissionCount)],
    ['commissionYuan', w.commissionYuan, (v) => yuan(v.commissionFen)],
  ];
  return spec.map(([key, name, of]) => ({ key, name, byDate: of(byDate), byCase: of(byCase) }));
}

export function SlipsSection({
  summary: s,
  labels,
  figureHref,
}: {
  summary: Summary;
  labels: SummaryLabels;
  figureHref?: ((section: string, key: string) => string | undefined) | undefined;
}) {
  const w = labels.words;
  return (
    <Section title={w.slipsTitle} testId="table-slips">
      <Table<SlipRow>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rowsOf(w, s.slipsByDate, s.slips)}
        columns={[
          { title: w.item, dataIndex: 'name' },
          { title: w.slipsByDate, dataIndex: 'byDate', align: 'right', width: 120 },
          {
            title: w.slipsByCase,
            dataIndex: 'byCase',
            align: 'right',
            width: 130,
            render: (v: string, r: SlipRow) => (
              <Figure value={v} href={v !== '0' ? figureHref?.('slips', r.key) : undefined} />
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }} data-testid="slips-note">
        {w.slipViewsNote}
      </Typography.Paragraph>
    </Section>
  );
}
