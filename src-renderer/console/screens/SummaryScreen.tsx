// The consolidated summary (SPEC §8) over every branch or one, for the week or month that
// contains the chosen day (head office's time zone), shown by the branch's own SummaryView
// (charts and tables) with the console's names for categories.
import { useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';
import { todaySh } from '../labels';
import { healthQuery, summaryQuery } from '../queries';
import { go } from '../route';
import { drillHash, figureOf } from '../summary-figures';
import { summaryFileUrl } from '../summary-queries';
import { DEFAULT_CATEGORIES } from '../../../src-main/shared/enums';
import { CONSOLE_TIME_ZONE } from '../../../src-headoffice/console/api-contract';
import { asOfLabel } from '../../../src-main/shared/report-as-of';
import { SummaryView } from '../../features/reports/SummaryView';
import { useSummaryLabels } from '../../features/reports/summary-labels';
import { PeriodFields } from './PeriodFields';

/** Head office knows the default categories; a branch's own codes are shown as they are. */
const CATEGORY_NAMES = Object.fromEntries(DEFAULT_CATEGORIES.map((c) => [c.code, { zh: c.zh, en: c.en }]));

export function SummaryScreen({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation('console');
  const period = params.period === 'week' ? 'week' : 'month';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.date ?? '') ? (params.date as string) : todaySh();
  const branch = params.branch || undefined;
  const branches = useQuery(healthQuery);
  const labels = useSummaryLabels();
  const q = useQuery(summaryQuery(period, date, branch));
  const set = (k: string, v: string | undefined) => go('/summary', { period, date, branch, [k]: v });
  const scope = { period, date, branch } as const;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const summary = q.data?.summary;
  const asOf = summary?.asOf != null ? asOfLabel(summary.period, summary.asOf, CONSOLE_TIME_ZONE) : null;

  return (
    <section aria-labelledby="summary-title">
      <Typography.Title level={1} className="screen-title" id="summary-title">
        {t('summary.title')}
        {q.data && (
          <Typography.Text
            type="secondary"
            style={{ fontSize: 13, fontWeight: 400, marginLeft: 8 }}
            data-testid="summary-range"
          >
            {/* A running period reads as of when head office counted it (the summary's asOf). */}
            {asOf
              ? t('summary.rangeAsOf', { from: q.data.firstDate, to: q.data.lastDate, asOf })
              : t('summary.range', { from: q.data.firstDate, to: q.data.lastDate })}
          </Typography.Text>
        )}
      </Typography.Title>
      <div className="filters summary-filters">
        <PeriodFields idPrefix="s-" period={period} date={date} set={set} />
        <div>
          <label htmlFor="s-branch">{t('summary.branch')}</label>
          <Select
            id="s-branch"
            allowClear
            placeholder={t('summary.allBranches')}
            value={branch}
            onChange={(v?: string) => set('branch', v)}
            options={(branches.data?.branches ?? []).map((b) => ({ value: b.branch, label: b.branch }))}
            style={{ width: '100%' }}
          />
        </div>
      </div>
      <Space wrap className="summary-actions" style={{ marginBottom: 12 }}>
        <Button href={summaryFileUrl('pdf', scope, lang)} download>
          {t('summary.exportPdf')}
        </Button>
        <Button href={summaryFileUrl('csv', scope, lang)} download>
          {t('summary.exportCsv')}
        </Button>
        <Button href={summaryFileUrl('xlsx', scope, lang)} download>
          {t('summary.exportXlsx')}
        </Button>
        <Button href={summaryFileUrl('pdf', scope, lang, 'inline')} target="_blank" title={t('summary.printHint')}>
          {t('summary.print')}
        </Button>
        <Button onClick={() => go('/summary/branches', { period, date })}>{t('summary.compare')}</Button>
        <Typography.Text type="secondary">{t('summary.drillHint')}</Typography.Text>
      </Space>
      {q.isPending && <Spin />}
      {q.error && <ErrorAlert error={q.error} />}
      {q.data &&
        (q.data.cases === 0 ? (
          <Typography.Paragraph data-testid="summary-empty">{t('summary.empty')}</Typography.Paragraph>
        ) : (
          <SummaryView
            summary={q.data.summary}
            labels={labels}
            names={{ categories: CATEGORY_NAMES, units: q.data.names?.units ?? {} }}
            timeZone={CONSOLE_TIME_ZONE}
            figureHref={(section, key) => {
              const figure = figureOf(section, key);
              return figure ? drillHash(figure, scope) : undefined;
            }}
          />
        ))}
    </section>
  );
}
