// The weekly/monthly summary (SPEC §8) on screen: key figures, charts (echarts, SVG) and the
// tables. Pure presentation of a Summary with the words passed in — no data fetching — so
// the head-office console shows its consolidated summary with the same component. The sections
// live in summary-view/ (count rows, chart options, returns, trend, case lists).
import { Card, Col, Empty, Row, Statistic } from 'antd';
import { useMemo } from 'react';
import type { Summary, SummaryReport } from '../../../src-main/shared/summary-types';
import { EChart } from '../../components/EChart';
import { SummaryMatters } from '../links/SummaryMatters';
import { OfferSection } from './summary-view/OfferSection';
import { CapaSection } from './summary-view/CapaSection';
import { HandlingStepsSection } from './summary-view/HandlingStepsSection';
import { AttentionSection, TypicalSection } from './summary-view/CaseSections';
import { chartOptions, RED } from './summary-view/chart-options';
import { countTables } from './summary-view/count-rows';
import { ItemsSection } from './summary-view/ItemsSection';
import { CountTable, Figure, Section } from './summary-view/parts';
import { SlipsSection } from './summary-view/SlipsSection';
import { TrendSection } from './summary-view/TrendSection';
import type { SummaryLabels } from './summary-labels';

export interface SummaryViewProps {
  summary: Summary;
  labels: SummaryLabels;
  /** Names behind category codes and unit ids; codes and ids are shown where a name is missing. */
  names?: Partial<SummaryReport['names']>;
  timeZone: string;
  /** Where a count leads (head office's drill-down to the cases behind it), by section and row key; none: plain text. */
  figureHref?: (section: string, key: string) => string | undefined;
}

export function SummaryView({ summary: s, labels, names, timeZone, figureHref }: SummaryViewProps) {
  const w = labels.words;
  const categoryName = (code: string) => {
    const n = names?.categories?.[code];
    return n ? (labels.lang === 'en' ? n.en : n.zh) : code;
  };
  const unitName = (id: string) => (id === '' ? w.noUnit : (names?.units?.[id] ?? id));
  const tables = countTables(s, labels, categoryName, unitName);
  const { category, satisfaction, closing } = tables;
  const charts = useMemo(
    () => chartOptions(s, labels, { category, satisfaction }),
    [s, labels, category, satisfaction],
  );
  const caseProps = { summary: s, labels, timeZone, categoryName, unitName };

  return (
    <div className="summary-view" data-testid="summary-view">
      <Row gutter={[12, 12]}>
        {[
          { k: 'total', title: w.total, v: s.total },
          { k: 'sameDay', title: w.sameDay, v: s.closing.same_day },
          { k: 'late', title: w.late, v: s.closing.late, red: s.closing.late > 0 },
          { k: 'disputed', title: w.disputed, v: s.disputed },
          { k: 'escalated', title: w.escalated, v: s.escalated },
          // By slip date, as printed; head office's drill-down lists cases received in the period, so no link here.
          { k: 'slips', title: w.slips, v: s.slipsByDate.count, plain: true },
          { k: 'notAccepted', title: labels.closing.not_accepted, v: s.closing.not_accepted },
        ].map((x) => (
          <Col key={x.k} xs={12} md={8} xl={4}>
            <Card size="small" data-testid={`stat-${x.k}`}>
              <Statistic
                title={x.title}
                value={x.v}
                valueStyle={x.red ? { color: RED } : undefined}
                formatter={(v) => (
                  <Figure value={v} href={x.v > 0 && !x.plain ? figureHref?.('stat', x.k) : undefined} />
                )}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {/* Issue 22: "3 起个案,2 个事项" — linked cases count once as a matter. */}
      <SummaryMatters cases={s.total} matters={s.matters} />
      {s.total === 0 && <Empty style={{ margin: '16px 0' }} description={w.emptyPeriod} />}
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} xl={12}>
          <Section title={w.categoryChart}>
            <EChart
              option={charts.categoryOption}
              height={Math.max(160, category.length * 34 + 30)}
              label={`${w.categoryChart}: ${category.map((r) => `${r.name} ${r.count}`).join(', ')}`}
              testId="chart-category"
            />
          </Section>
        </Col>
        <Col xs={24} xl={12}>
          <Section title={w.trendChart}>
            <EChart
              option={charts.trendOption}
              height={260}
              label={`${w.trendChart}: ${s.trend.map((p) => `${p.key} ${p.total}/${p.late}`).join(', ')}`}
              testId="chart-trend"
            />
          </Section>
        </Col>
        <Col xs={24} md={12}>
          <Section title={w.closingChart}>
            <EChart
              option={charts.closingOption}
              height={240}
              label={`${w.closingChart}: ${closing.map((r) => `${r.name} ${r.count}`).join(', ')}`}
              testId="chart-closing"
            />
          </Section>
        </Col>
        <Col xs={24} md={12}>
          <Section title={w.satisfactionChart}>
            <EChart
              option={charts.satisfactionOption}
              height={240}
              label={`${w.satisfactionChart}: ${satisfaction.map((r) => `${r.name} ${r.count}`).join(', ')}`}
              testId="chart-satisfaction"
            />
          </Section>
        </Col>
        {(
          [
            [w.byCategory, 'category'],
            [w.byChannel, 'channel'],
            [w.byUnit, 'unit'],
            [w.closingTitle, 'closing'],
            [w.satisfactionTitle, 'satisfaction'],
            [w.findingsTitle, 'findings'],
            [w.disputesTitle, 'disputes'],
            [w.governmentTitle, 'government'],
            [w.promisesTitle, 'promises'],
            [w.followUpsTitle, 'followUps'],
          ] as const
        ).map(([title, key]) => (
          <Col xs={24} lg={12} key={key}>
            <Section title={title} testId={`table-${key}`}>
              <CountTable
                rows={tables[key]}
                labels={labels}
                href={figureHref ? (k: string) => figureHref(key, k) : undefined}
              />
            </Section>
          </Col>
        ))}
        {s.byItem && (
          <Col xs={24} lg={12}>
            <ItemsSection rows={s.byItem} total={s.byItemTotal ?? s.byItem.length} cases={s.total} w={labels.items} />
          </Col>
        )}
        {s.correctiveActions && (
          <Col xs={24} lg={12}>
            <CapaSection c={s.correctiveActions} labels={labels} />
          </Col>
        )}
        {s.offers && (
          <Col xs={24} lg={12}>
            <OfferSection o={s.offers} total={s.total} labels={labels} />
          </Col>
        )}
        {s.handlingSteps && (
          <Col xs={24} lg={12}>
            <HandlingStepsSection h={s.handlingSteps} />
          </Col>
        )}
        <Col xs={24} lg={12}>
          <SlipsSection summary={s} labels={labels} figureHref={figureHref} />
        </Col>
        <Col span={24}>
          <TrendSection summary={s} labels={labels} />
        </Col>
        <Col span={24}>
          <TypicalSection {...caseProps} />
        </Col>
        <Col span={24}>
          <AttentionSection {...caseProps} />
        </Col>
      </Row>
    </div>
  );
}
