// The summary screen's case lists: the typical cases (典型范例) and the disputed or escalated ones,
// each capped at the summary's list limit with a line saying how many there are in all.
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { CaseRef, Summary } from '../../../../src-main/shared/summary-types';
import { formatTime } from '../../../lib/format';
import type { SummaryLabels } from '../summary-labels';
import { Section } from './parts';

interface Props {
  summary: Summary;
  labels: SummaryLabels;
  timeZone: string;
  categoryName: (code: string) => string;
  unitName: (id: string) => string;
}

function caseColumns(p: Props, flags: boolean): ColumnsType<CaseRef> {
  const { labels } = p;
  const w = labels.words;
  return [
    { title: w.number, dataIndex: 'number', width: 190 },
    {
      title: w.receivedAt,
      dataIndex: 'receivedAt',
      render: (v: number) => formatTime(v, p.timeZone, labels.lang),
      width: 150,
    },
    { title: w.channel, dataIndex: 'channel', render: (v: CaseRef['channel']) => labels.channel[v] },
    { title: w.category, dataIndex: 'categoryCode', render: (v: string) => p.categoryName(v) },
    { title: w.unit, dataIndex: 'complainedUnitId', render: (v: string | null) => p.unitName(v ?? '') },
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
}

export function TypicalSection(p: Props) {
  const { summary: s, labels } = p;
  return (
    <Section title={labels.words.typicalTitle} testId="table-typical">
      {s.typical.length === 0 ? (
        <Typography.Text type="secondary">{labels.words.noTypical}</Typography.Text>
      ) : (
        <Table<CaseRef>
          size="small"
          pagination={false}
          rowKey="caseId"
          dataSource={s.typical}
          columns={caseColumns(p, false)}
          scroll={{ x: true }}
        />
      )}
      {s.typicalTotal > s.typical.length && (
        <Typography.Text type="secondary">{labels.more(s.typical.length, s.typicalTotal)}</Typography.Text>
      )}
    </Section>
  );
}

export function AttentionSection(p: Props) {
  const { summary: s, labels } = p;
  return (
    <Section title={labels.words.attention} testId="table-attention">
      <Table<CaseRef>
        size="small"
        pagination={s.attention.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        rowKey="caseId"
        dataSource={s.attention}
        columns={caseColumns(p, true)}
        scroll={{ x: true }}
      />
      {s.attentionTotal > s.attention.length && (
        <Typography.Text type="secondary">{labels.more(s.attention.length, s.attentionTotal)}</Typography.Text>
      )}
    </Section>
  );
}
