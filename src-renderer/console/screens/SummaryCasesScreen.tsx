// The cases behind one figure of the consolidated summary (drill-down): as many as the figure
// counts, each linking to its case; slips linked to no case are named apart.
import { useQuery } from '@tanstack/react-query';
import { Button, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DrillRow } from '../../../src-headoffice/console/api-contract';
import { DEFAULT_CATEGORIES } from '../../../src-main/shared/enums';
import { useSummaryLabels } from '../../features/reports/summary-labels';
import { yuan } from '../../lib/format';
import { ErrorAlert } from './ErrorAlert';
import { categoryLabel, shTime, todaySh } from '../labels';
import { caseHref, go, rememberList } from '../route';
import { figureLabel } from '../summary-figures';
import { drillQuery } from '../summary-queries';

const CATEGORY_NAMES = Object.fromEntries(DEFAULT_CATEGORIES.map((c) => [c.code, { zh: c.zh, en: c.en }]));

export function SummaryCasesScreen({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation(['console', 'translation']);
  const lang = i18n.language;
  const labels = useSummaryLabels();
  const period = params.period === 'week' ? 'week' : 'month';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.date ?? '') ? (params.date as string) : todaySh();
  const branch = params.branch || undefined;
  const figure = params.figure ?? 'total';
  const q = useQuery(drillQuery({ period, date, branch }, figure));
  const units = q.data?.names.units ?? {};
  const name = figureLabel(figure, labels, t, { categories: CATEGORY_NAMES, units });

  return (
    <section aria-labelledby="drill-title">
      <Typography.Title level={1} className="screen-title" id="drill-title">
        {t('summaryCases.title')}
      </Typography.Title>
      <Button onClick={() => go('/summary', { period, date, branch })} style={{ marginBottom: 12 }}>
        {t('summaryCases.back')}
      </Button>
      {q.isPending && <Spin />}
      {q.error && <ErrorAlert error={q.error} />}
      {q.data && (
        <>
          <Typography.Paragraph strong data-testid="drill-total">
            {t('summaryCases.total', {
              figure: name,
              total: q.data.total,
              from: q.data.firstDate,
              to: q.data.lastDate,
              branch: q.data.branch ?? t('summary.allBranches'),
            })}
          </Typography.Paragraph>
          {q.data.standaloneSlips > 0 && (
            <Typography.Paragraph type="secondary" data-testid="drill-standalone">
              {t('summaryCases.standalone', { n: q.data.standaloneSlips })}
            </Typography.Paragraph>
          )}
          <Table<DrillRow>
            size="small"
            rowKey={(r) => `${r.branch}/${r.id}`}
            dataSource={q.data.rows}
            data-testid="drill-table"
            locale={{ emptyText: t('summaryCases.empty') }}
            pagination={q.data.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            scroll={{ x: true }}
            columns={[
              { title: t('summaryCases.branch'), dataIndex: 'branch', width: 70 },
              {
                title: t('summaryCases.number'),
                dataIndex: 'number',
                render: (v: string, r) => (
                  <a href={caseHref(r)} onClick={() => rememberList()}>
                    {v}
                  </a>
                ),
              },
              { title: t('summaryCases.receivedAt'), dataIndex: 'receivedAt', render: (v: number) => shTime(v, lang) },
              {
                title: t('summaryCases.channel'),
                dataIndex: 'channel',
                render: (v: string) => t(`channel.${v}`, { ns: 'translation' }),
              },
              {
                title: t('summaryCases.category'),
                dataIndex: 'categoryCode',
                render: (v: string) => categoryLabel(v, lang),
              },
              {
                title: t('summaryCases.unit'),
                dataIndex: 'unit',
                render: (v: string | null) => (v ? (units[v] ?? v) : labels.words.noUnit),
              },
              {
                title: t('summaryCases.closing'),
                dataIndex: 'closing',
                render: (v: DrillRow['closing']) => labels.closing[v],
              },
              {
                title: t('summaryCases.satisfaction'),
                dataIndex: 'satisfaction',
                render: (v: DrillRow['satisfaction']) => (v ? labels.satisfaction[v] : ''),
              },
              {
                title: t('summaryCases.finding'),
                dataIndex: 'finding',
                render: (v: DrillRow['finding']) => (v ? labels.finding[v] : ''),
              },
              { title: t('summaryCases.items'), dataIndex: 'items', align: 'right' },
              {
                title: t('summaryCases.refund'),
                dataIndex: 'refundFen',
                align: 'right',
                render: (v: number) => (v > 0 ? yuan(v) : ''),
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
