// The weekly/monthly summary (SPEC §8) on screen: key figures, charts (echarts, SVG) and the
// tables. Pure presentation of a Summary with the words passed in — no data fetching — so
// the head-office console shows its consolidated summary with the same component.
import { Card, Col, Empty, Row, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useMemo } from 'react';
import {
  type CaseRef,
  FOLLOW_UP_TALLIES,
  type Summary,
  type SummaryReport,
} from '../../../src-main/shared/summary-types';
import { type EChartOption, EChart } from '../../components/EChart';
import { formatTime, yuan } from '../../lib/format';
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

interface CountRow {
  key: string;
  name: string;
  count: number;
  share: string;
}

const BLUE = '#3b6fb6';
const RED = '#b8433a';
const GREEN = '#3f8f5a';
const CLOSING_COLORS = {
  same_day: GREEN,
  next_day: '#7cb36b',
  within_limit: '#b9d38a',
  late: RED,
  open: '#b8bcc4',
} as const;
const SAT_COLORS = ['#3f8f5a', '#9bc46f', RED, '#b8bcc4'];

const pct = (n: number, total: number) => (total === 0 ? '0.0%' : `${((100 * n) / total).toFixed(1)}%`);

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
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
function Figure({ value, href }: { value: ReactNode; href: string | undefined }) {
  return href ? (
    <a href={href} className="summary-figure">
      {value}
    </a>
  ) : (
    <>{value}</>
  );
}

function CountTable({
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

export function SummaryView({ summary: s, labels, names, timeZone, figureHref }: SummaryViewProps) {
  const w = labels.words;
  const categoryName = (code: string) => {
    const n = names?.categories?.[code];
    return n ? (labels.lang === 'en' ? n.en : n.zh) : code;
  };
  const unitName = (id: string) => (id === '' ? w.noUnit : (names?.units?.[id] ?? id));
  const rows = (list: { key: string; name: string; count: number }[]): CountRow[] =>
    list.map((r) => ({ ...r, share: pct(r.count, s.total) }));

  const category = rows(s.byCategory.map((r) => ({ key: r.key, name: categoryName(r.key), count: r.count })));
  const channel = rows(
    s.byChannel.map((r) => ({
      key: r.key,
      name: labels.channel[r.key as keyof SummaryLabels['channel']] ?? r.key,
      count: r.count,
    })),
  );
  const unit = rows(s.byUnit.map((r) => ({ key: r.key || '-', name: unitName(r.key), count: r.count })));
  const closingKeys = ['same_day', 'next_day', 'within_limit', 'late', 'open'] as const;
  const closing = [
    ...rows(closingKeys.map((k) => ({ key: k, name: labels.closing[k], count: s.closing[k] }))),
    { key: 'overdue', name: w.openOverdue, count: s.openOverdue, share: pct(s.openOverdue, s.total) },
  ];
  const satisfaction = rows([
    { key: 'satisfied', name: labels.satisfaction.satisfied, count: s.satisfaction.satisfied },
    {
      key: 'basically_satisfied',
      name: labels.satisfaction.basically_satisfied,
      count: s.satisfaction.basically_satisfied,
    },
    { key: 'unsatisfied', name: labels.satisfaction.unsatisfied, count: s.satisfaction.unsatisfied },
    { key: 'not_asked', name: w.notAsked, count: s.satisfaction.not_asked },
  ]);
  const findings = rows([
    { key: 'founded', name: labels.finding.founded, count: s.findings.founded },
    { key: 'partly_founded', name: labels.finding.partly_founded, count: s.findings.partly_founded },
    { key: 'unfounded', name: labels.finding.unfounded, count: s.findings.unfounded },
    { key: 'none', name: w.noFinding, count: s.findings.none },
  ]);
  const disputes = rows([
    { key: 'disputed', name: w.disputed, count: s.disputed },
    { key: 'escalated', name: w.escalated, count: s.escalated },
    ...(Object.keys(s.escalationsByKind) as (keyof typeof s.escalationsByKind)[]).map((k) => ({
      key: k,
      name: `${w.escalated}:${labels.escalation[k]}`,
      count: s.escalationsByKind[k],
    })),
  ]);
  // Shares of the promises made, not of the cases.
  const promises: CountRow[] = (
    [
      ['made', w.promisesMade],
      ['kept', w.promisesKept],
      ['missed', w.promisesMissed],
      ['open', w.promisesOpen],
    ] as const
  ).map(([k, name]) => ({ key: k, name, count: s.promises[k], share: pct(s.promises[k], s.promises.made) }));
  // Follow-ups by outcome (shares of the follow-ups), then the cases filed as unreachable (share of the cases).
  const followUpTotal = FOLLOW_UP_TALLIES.reduce((n, k) => n + s.followUps[k], 0);
  const followUps: CountRow[] = [
    ...FOLLOW_UP_TALLIES.map((k) => ({
      key: k,
      name: w.followUpOutcome[k],
      count: s.followUps[k],
      share: pct(s.followUps[k], followUpTotal),
    })),
    {
      key: 'filed_unreachable',
      name: w.filedUnreachable,
      count: s.filedUnreachable,
      share: pct(s.filedUnreachable, s.total),
    },
  ];
  // Government bodies' cases: shares of those cases, not of all.
  const g = s.government;
  const government: CountRow[] = [
    { key: 'total', name: w.governmentTotal, count: g.total },
    { key: 'no_objection', name: w.bodyNoObjection, count: g.answers.no_objection },
    { key: 'objection', name: w.bodyObjection, count: g.answers.objection },
    { key: 'unanswered', name: w.bodyUnanswered, count: g.answers.unanswered },
    { key: 'on_time', name: w.replyOnTime, count: g.writtenReplies.on_time },
    { key: 'late', name: w.replyLate, count: g.writtenReplies.late },
    { key: 'none', name: w.replyNone, count: g.writtenReplies.none },
  ].map((r) => ({ ...r, share: pct(r.count, g.total) }));
  const slipRows: { key: string; name: string; value: string }[] = [
    { key: 'count', name: w.slipCount, value: String(s.slips.count) },
    { key: 'returns', name: w.returns, value: String(s.slips.returns) },
    { key: 'exchanges', name: w.exchanges, value: String(s.slips.exchanges) },
    { key: 'returned', name: w.returnedYuan, value: yuan(s.slips.returnedFen) },
    { key: 'refund', name: w.refundYuan, value: yuan(s.slips.refundFen) },
    { key: 'quality', name: w.qualityCount, value: String(s.slips.qualityCount) },
    { key: 'qualityShare', name: w.qualityShare, value: `${(s.slips.qualityShare * 100).toFixed(1)}%` },
    { key: 'commission', name: w.commissionCount, value: String(s.slips.commissionCount) },
    { key: 'commissionYuan', name: w.commissionYuan, value: yuan(s.slips.commissionFen) },
  ];

  const caseColumns = (flags: boolean): ColumnsType<CaseRef> => [
    { title: w.number, dataIndex: 'number', width: 190 },
    {
      title: w.receivedAt,
      dataIndex: 'receivedAt',
      render: (v: number) => formatTime(v, timeZone, labels.lang),
      width: 150,
    },
    { title: w.channel, dataIndex: 'channel', render: (v: CaseRef['channel']) => labels.channel[v] },
    { title: w.category, dataIndex: 'categoryCode', render: (v: string) => categoryName(v) },
    { title: w.unit, dataIndex: 'complainedUnitId', render: (v: string | null) => unitName(v ?? '') },
    { title: w.finding, dataIndex: 'finding', render: (v: CaseRef['finding']) => (v ? labels.finding[v] : '') },
    {
      title: w.resolution,
      dataIndex: 'resolutionType',
      render: (v: CaseRef['resolutionType']) => (v ? labels.resolution[v] : ''),
    },
    ...(flags
      ? [
          {
            title: w.flags,
            key: 'flags',
            render: (_: unknown, r: CaseRef) =>
              [r.disputed ? w.disputed : '', r.escalated ? w.escalated : ''].filter(Boolean).join('、'),
          },
        ]
      : []),
  ];

  const charts = useMemo(() => {
    const axisText = { color: '#374151', fontSize: 12 };
    const cat = [...category].reverse();
    const categoryOption: EChartOption = {
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, axisLabel: axisText },
      yAxis: { type: 'category', data: cat.map((r) => r.name), axisLabel: axisText },
      series: [
        {
          type: 'bar',
          data: cat.map((r) => r.count),
          itemStyle: { color: BLUE },
          label: { show: true, position: 'right', color: '#111827' },
          barMaxWidth: 22,
        },
      ],
    };
    const trendOption: EChartOption = {
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: axisText },
      xAxis: { type: 'category', data: s.trend.map((p) => p.key), axisLabel: axisText },
      yAxis: { type: 'value', minInterval: 1, axisLabel: axisText },
      series: [
        {
          name: w.total,
          type: 'bar',
          itemStyle: { color: BLUE },
          data: s.trend.map((p, i) => ({
            value: p.total,
            itemStyle: { color: i === s.trend.length - 1 ? BLUE : '#9db7dc' },
          })),
          barMaxWidth: 36,
          label: { show: true, position: 'top', color: '#111827' },
        },
        {
          name: w.sameDay,
          type: 'line',
          data: s.trend.map((p) => p.sameDay),
          itemStyle: { color: GREEN },
          symbolSize: 6,
        },
        { name: w.late, type: 'line', data: s.trend.map((p) => p.late), itemStyle: { color: RED }, symbolSize: 6 },
      ],
    };
    // A donut of the non-empty slices, legend below.
    const donut = (
      data: { name: string; value: number; itemStyle: { color: string | undefined } }[],
    ): EChartOption => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, textStyle: axisText },
      series: [
        {
          type: 'pie',
          radius: ['38%', '64%'],
          center: ['50%', '44%'],
          label: { formatter: '{b}\n{c}', color: '#111827' },
          data: data.filter((d) => d.value > 0),
        },
      ],
    });
    const closingOption = donut(
      closingKeys.map((k) => ({
        name: labels.closing[k],
        value: s.closing[k],
        itemStyle: { color: CLOSING_COLORS[k] },
      })),
    );
    const satisfactionOption = donut(
      satisfaction.map((r, i) => ({ name: r.name, value: r.count, itemStyle: { color: SAT_COLORS[i] } })),
    );
    return { categoryOption, trendOption, closingOption, satisfactionOption };
  }, [s, labels, category, satisfaction, closing, w]);

  return (
    <div className="summary-view" data-testid="summary-view">
      <Row gutter={[12, 12]}>
        {[
          { k: 'total', title: w.total, v: s.total },
          { k: 'sameDay', title: w.sameDay, v: s.closing.same_day },
          { k: 'late', title: w.late, v: s.closing.late, red: s.closing.late > 0 },
          { k: 'disputed', title: w.disputed, v: s.disputed },
          { k: 'escalated', title: w.escalated, v: s.escalated },
          { k: 'slips', title: w.slips, v: s.slips.count },
          { k: 'notAccepted', title: labels.closing.not_accepted, v: s.closing.not_accepted },
        ].map((x) => (
          <Col key={x.k} xs={12} md={8} xl={4}>
            <Card size="small" data-testid={`stat-${x.k}`}>
              <Statistic
                title={x.title}
                value={x.v}
                valueStyle={x.red ? { color: RED } : undefined}
                formatter={(v) => <Figure value={v} href={x.v > 0 ? figureHref?.('stat', x.k) : undefined} />}
              />
            </Card>
          </Col>
        ))}
      </Row>
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
            [w.byCategory, 'category', category],
            [w.byChannel, 'channel', channel],
            [w.byUnit, 'unit', unit],
            [w.closingTitle, 'closing', closing],
            [w.satisfactionTitle, 'satisfaction', satisfaction],
            [w.findingsTitle, 'findings', findings],
            [w.disputesTitle, 'disputes', disputes],
            [w.governmentTitle, 'government', government],
            [w.promisesTitle, 'promises', promises],
            [w.followUpsTitle, 'followUps', followUps],
          ] as const
        ).map(([title, key, rows]) => (
          <Col xs={24} lg={12} key={key}>
            <Section title={title} testId={`table-${key}`}>
              <CountTable
                rows={rows}
                labels={labels}
                href={figureHref ? (k: string) => figureHref(key, k) : undefined}
              />
            </Section>
          </Col>
        ))}
        <Col xs={24} lg={12}>
          <Section title={w.slipsTitle} testId="table-slips">
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={slipRows}
              columns={[
                { title: w.item, dataIndex: 'name' },
                {
                  title: w.count,
                  dataIndex: 'value',
                  align: 'right',
                  width: 130,
                  render: (v: string, r: { key: string }) => (
                    <Figure value={v} href={v !== '0' ? figureHref?.('slips', r.key) : undefined} />
                  ),
                },
              ]}
            />
          </Section>
        </Col>
        <Col span={24}>
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
          </Section>
        </Col>
        <Col span={24}>
          <Section title={w.typicalTitle} testId="table-typical">
            {s.typical.length === 0 ? (
              <Typography.Text type="secondary">{w.noTypical}</Typography.Text>
            ) : (
              <Table<CaseRef>
                size="small"
                pagination={false}
                rowKey="caseId"
                dataSource={s.typical}
                columns={caseColumns(false)}
                scroll={{ x: true }}
              />
            )}
            {s.typicalTotal > s.typical.length && (
              <Typography.Text type="secondary">{labels.more(s.typical.length, s.typicalTotal)}</Typography.Text>
            )}
          </Section>
        </Col>
        <Col span={24}>
          <Section title={w.attention} testId="table-attention">
            <Table<CaseRef>
              size="small"
              pagination={s.attention.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              rowKey="caseId"
              dataSource={s.attention}
              columns={caseColumns(true)}
              scroll={{ x: true }}
            />
            {s.attentionTotal > s.attention.length && (
              <Typography.Text type="secondary">{labels.more(s.attention.length, s.attentionTotal)}</Typography.Text>
            )}
          </Section>
        </Col>
      </Row>
    </div>
  );
}
