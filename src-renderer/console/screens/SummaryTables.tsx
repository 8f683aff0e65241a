// The summary as tables (counts by category, channel, closing time, satisfaction; returns
// and exchanges; the trend), straight from head office's consolidated Summary.
import { Card, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Summary } from '../../../src-main/shared/summary-types';
import { yuan } from '../../lib/format';
import { categoryLabel } from '../labels';

interface Row {
  key: string;
  name: string;
  count: number | string;
}

function CountTable({ title, rows, testId }: { title: string; rows: Row[]; testId?: string }) {
  const { t } = useTranslation('console');
  return (
    <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>{title}</h2>} data-testid={testId}>
      <Table<Row>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        columns={[
          { title: t('summary.name'), dataIndex: 'name' },
          { title: t('summary.count'), dataIndex: 'count', align: 'right', width: 110 },
        ]}
      />
    </Card>
  );
}

export function SummaryTables({ summary: s }: { summary: Summary }) {
  const { t, i18n } = useTranslation(['console', 'translation']);
  const lang = i18n.language;
  const satisfaction = Object.entries(s.satisfaction ?? {}).map(([k, n]) => ({ key: k, name: k === 'not_asked' ? t('summary.notAsked') : t(`translation:satisfaction.${k}`), count: n }));

  return (
    <>
      <div className="stat-row">
        <Statistic title={t('summary.total')} value={s.total} />
        <Statistic title={t('summary.sameDay')} value={s.closing?.same_day ?? 0} />
        <Statistic title={t('summary.nextDay')} value={s.closing?.next_day ?? 0} />
        <Statistic title={t('summary.late')} value={s.closing?.late ?? 0} />
        <Statistic title={t('summary.open')} value={s.closing?.open ?? 0} />
        <Statistic title={t('summary.disputed')} value={s.disputed} />
        <Statistic title={t('summary.escalated')} value={s.escalated} />
      </div>
      <div className="summary-grid">
        <CountTable title={t('summary.byCategory')} testId="by-category" rows={(s.byCategory ?? []).map((r) => ({ key: r.key, name: categoryLabel(r.key, lang), count: r.count }))} />
        <CountTable title={t('summary.byChannel')} testId="by-channel" rows={(s.byChannel ?? []).map((r) => ({ key: r.key, name: t(`translation:channel.${r.key}`), count: r.count }))} />
        <CountTable title={t('summary.satisfaction')} rows={satisfaction} />
        <CountTable
          title={t('summary.slips')}
          rows={[
            { key: 'count', name: t('summary.slipCount'), count: s.slips?.count ?? 0 },
            { key: 'amount', name: t('summary.slipAmount'), count: yuan(s.slips?.refundFen ?? 0) },
            { key: 'quality', name: t('summary.qualityShare'), count: `${Math.round((s.slips?.qualityShare ?? 0) * 100)}%` },
            { key: 'commission', name: t('summary.commission'), count: s.slips?.commissionCount ?? 0 },
          ]}
        />
        <CountTable title={t('summary.trend')} rows={(s.trend ?? []).map((p) => ({ key: p.key, name: p.key, count: p.total }))} />
      </div>
    </>
  );
}
