// The case's return/exchange slips as head office received them: type-correct amounts (an exchange's
// returned and issued totals and the difference; a return's refund and method), the lines, the four
// yes/no answers, who handled and approved it, a void's reason, and the finance settlement.
import { Card, Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../src-headoffice/console/api-contract';
import { ToneTag } from '../../components/ToneTag';
import { yuan } from '../../lib/format';
import { shTime } from '../labels';

type SlipRecordSnapshot = CaseDetail['slips'][number];
type Line = SlipRecordSnapshot['returnedLines'][number];

function Lines({ title, lines }: { title: string; lines: Line[] }) {
  const { t } = useTranslation('translation');
  if (lines.length === 0) return null;
  return (
    <Table<Line>
      size="small"
      pagination={false}
      rowKey={(l) => `${l.itemCode}/${l.name}/${l.spec ?? ''}`}
      title={() => <strong>{title}</strong>}
      dataSource={lines}
      columns={[
        { title: t('slip.itemCode'), dataIndex: 'itemCode' },
        { title: t('slip.name'), render: (_, l) => [l.name, l.spec].filter(Boolean).join(' · ') },
        { title: t('slip.quantity'), dataIndex: 'quantity', align: 'right' },
        { title: t('slip.unitPrice'), render: (_, l) => yuan(l.unitPriceFen), align: 'right' },
        { title: t('slip.lineAmount'), render: (_, l) => `¥${yuan(l.amountFen)}`, align: 'right' },
      ]}
    />
  );
}

function SlipCard({ s }: { s: SlipRecordSnapshot }) {
  const { t, i18n } = useTranslation('translation');
  const lang = i18n.language;
  const yesNo = (b: boolean) => t(b ? 'yesNo.yes' : 'yesNo.no');
  const money = (fen: number) => `¥${yuan(fen)}`;
  return (
    <div data-testid="slip" data-slip-type={s.type} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
      <div style={{ marginBottom: 6 }}>
        <strong>{s.number}</strong> <ToneTag tone="plain">{t(`slip.${s.type}`)}</ToneTag>{' '}
        <ToneTag tone={s.status === 'void' ? 'bad' : s.status === 'completed' ? 'good' : 'warn'}>
          {t(`slipStatus.${s.status}`)}
        </ToneTag>{' '}
        <ToneTag tone={s.settlementStatus === 'settled' ? 'good' : 'info'} testId="slip-settlement">
          {t('slip.settlement')}:{' '}
          {s.settlementStatus === 'settled' ? t('slip.settledOn', { date: s.settledOn ?? '' }) : t('slip.unsettled')}
        </ToneTag>
      </div>
      <Descriptions size="small" column={2} bordered>
        {s.type === 'exchange' ? (
          <>
            <Descriptions.Item label={t('slip.returnedTotal')}>
              <span data-testid="slip-returned-total">{money(s.returnedTotalFen)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('slip.issuedTotal')}>
              <span data-testid="slip-issued-total">{money(s.issuedTotalFen)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('slip.difference')} span={2}>
              <span data-testid="slip-difference">{money(s.differenceFen)}</span>
            </Descriptions.Item>
          </>
        ) : (
          <>
            <Descriptions.Item label={t('slips.refundAmount')}>
              <span data-testid="slip-refund">{money(s.refundFen)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('slip.refundMethod')}>
              {s.refundMethod ? t(`refundMethod.${s.refundMethod}`) : '—'}
            </Descriptions.Item>
          </>
        )}
        <Descriptions.Item label={t('slip.reasonCode')} span={2}>
          {t(`slipReason.${s.reasonCode}`, { defaultValue: s.reasonCode })}
          {s.reasonText ? ` · ${s.reasonText}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('slip.packagingIntact')}>{yesNo(s.packagingIntact)}</Descriptions.Item>
        <Descriptions.Item label={t('slip.accessoriesComplete')}>{yesNo(s.accessoriesComplete)}</Descriptions.Item>
        <Descriptions.Item label={t('slip.qualityProblem')}>
          <span data-testid="slip-quality">{yesNo(s.qualityProblem)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('slip.deductCommission')}>{yesNo(s.deductCommission)}</Descriptions.Item>
        <Descriptions.Item label={t('slip.unit')}>{s.unitName}</Descriptions.Item>
        <Descriptions.Item label={t('slip.receiptNo')}>{s.receiptNo}</Descriptions.Item>
        <Descriptions.Item label={t('slips.handledBy')}>
          {s.handledByName} · {shTime(s.handledAt, lang)}
        </Descriptions.Item>
        <Descriptions.Item label={t('slips.approvedBy')}>
          {s.approvedByName ? `${s.approvedByName} · ${shTime(s.approvedAt, lang)}` : '—'}
        </Descriptions.Item>
        {s.status === 'void' && (
          <Descriptions.Item label={t('slips.voidReason')} span={2}>
            {s.voidReason ?? '—'} · {shTime(s.voidedAt, lang)}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Lines title={t('slip.returned')} lines={s.returnedLines} />
      <Lines title={t('slip.issued')} lines={s.issuedLines} />
    </div>
  );
}

export function CaseSlips({ slips }: { slips: SlipRecordSnapshot[] }) {
  const { t } = useTranslation(['console', 'translation']);
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('detail.slips')}</h2>}
      style={{ marginBottom: 12 }}
      data-testid="slips"
    >
      {slips.length === 0 ? (
        <Typography.Text type="secondary">{t('detail.none')}</Typography.Text>
      ) : (
        slips.map((s) => <SlipCard key={s.id} s={s} />)
      )}
    </Card>
  );
}
