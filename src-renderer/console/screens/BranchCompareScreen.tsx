// Branches side by side for one period: a row per measure, a column per branch, each count a link
// to the cases behind it (the branch's own drill-down).
import { useQuery } from '@tanstack/react-query';
import { Button, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BranchColumn } from '../../../src-headoffice/console/api-contract';
import { yuan } from '../../lib/format';
import { ErrorAlert } from './ErrorAlert';
import { todaySh } from '../labels';
import { go } from '../route';
import { drillHash } from '../summary-figures';
import { compareQuery } from '../summary-queries';
import { PeriodFields } from './PeriodFields';

/** The measures in order, with the figure each count drills into (none for a rate or an amount). */
const MEASURES: { key: keyof Omit<BranchColumn, 'branch'>; figure?: string }[] = [
  { key: 'cases', figure: 'total' },
  { key: 'onTime' },
  { key: 'late', figure: 'closing:late' },
  { key: 'open', figure: 'closing:open' },
  { key: 'openOverdue', figure: 'overdue' },
  { key: 'notAccepted', figure: 'closing:not_accepted' },
  { key: 'major', figure: 'severity:major' },
  { key: 'satisfied', figure: 'satisfaction:satisfied' },
  { key: 'basicallySatisfied', figure: 'satisfaction:basically_satisfied' },
  { key: 'unsatisfied', figure: 'satisfaction:unsatisfied' },
  { key: 'satisfactionRate' },
  { key: 'disputed', figure: 'disputed' },
  { key: 'escalated', figure: 'escalated' },
  { key: 'slips', figure: 'slips:count' },
  { key: 'refundFen' },
];

export function BranchCompareScreen({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation('console');
  const period = params.period === 'week' ? 'week' : 'month';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.date ?? '') ? (params.date as string) : todaySh();
  const q = useQuery(compareQuery(period, date));
  const set = (k: string, v: string) => go('/summary/branches', { period, date, [k]: v });
  const branches = q.data?.branches ?? [];

  const cell = (b: BranchColumn, m: (typeof MEASURES)[number]) => {
    const v = b[m.key];
    if (m.key === 'satisfactionRate') return typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : t('compare.noRate');
    if (m.key === 'refundFen') return yuan(typeof v === 'number' ? v : 0);
    if (m.figure && typeof v === 'number' && v > 0)
      return (
        <a href={drillHash(m.figure, { period, date, branch: b.branch })} className="summary-figure">
          {v}
        </a>
      );
    return v;
  };

  return (
    <section aria-labelledby="compare-title">
      <Typography.Title level={1} className="screen-title" id="compare-title">
        {t('compare.title')}
        {q.data && (
          <Typography.Text
            type="secondary"
            style={{ fontSize: 13, fontWeight: 400, marginLeft: 8 }}
            data-testid="compare-range"
          >
            {t('summary.range', { from: q.data.firstDate, to: q.data.lastDate })}
          </Typography.Text>
        )}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('compare.intro')}</Typography.Paragraph>
      <div className="filters summary-filters">
        <PeriodFields idPrefix="c-" period={period} date={date} set={set} />
        <div>
          <Button onClick={() => go('/summary', { period, date })}>{t('compare.back')}</Button>
        </div>
      </div>
      {q.isPending && <Spin />}
      {q.error && <ErrorAlert error={q.error} />}
      {q.data &&
        (branches.length === 0 ? (
          <Typography.Paragraph>{t('compare.noBranches')}</Typography.Paragraph>
        ) : (
          <Table<(typeof MEASURES)[number]>
            size="small"
            bordered
            pagination={false}
            rowKey="key"
            data-testid="compare-table"
            dataSource={MEASURES}
            scroll={{ x: true }}
            columns={[
              {
                title: t('compare.measure'),
                dataIndex: 'key',
                render: (k: string) => t(`compare.${k === 'refundFen' ? 'refund' : k}`),
              },
              ...branches.map((b) => ({
                title: b.branch,
                key: b.branch,
                align: 'right' as const,
                render: (_: unknown, m: (typeof MEASURES)[number]) => cell(b, m),
              })),
            ]}
          />
        ))}
    </section>
  );
}
