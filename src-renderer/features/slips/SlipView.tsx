// A saved slip: the totals main computed, its status, approval when needed, print preview.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlipLineRecord, SlipRecord } from '../../../src-main/shared/types';
import { ToneTag } from '../../components/ToneTag';
import { pick } from '../../i18n';
import { ApiError, call, invoke } from '../../lib/api';
import { yuan } from '../../lib/format';
import { navigate } from '../../lib/router';
import { useSession } from '../shell/session';
import { ActionDialog } from '../cases/ActionDialog';
import { VoidDialog } from './VoidDialog';

export function SlipView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['slip', id], queryFn: () => call('slips.get', { slipId: id }) });
  const [voiding, setVoiding] = useState(false);
  const [settling, setSettling] = useState(false);
  if (q.isPending) return <Spin />;
  if (q.error)
    return (
      <Alert type="error" showIcon message={q.error instanceof ApiError ? pick(q.error.messages) : t('common.error')} />
    );
  const s = q.data;
  const money = (fen: number) => t('common.yuan', { v: yuan(fen) });
  const senior = user.role === 'supervisor' || user.role === 'manager';
  const mayApprove = s.status === 'pending_approval' && senior;
  const mayVoid = s.status !== 'void' && s.settlementStatus === 'unsettled' && senior;
  // Finance's settlement is entered by a supervisor or manager on finance's behalf (SPEC §11).
  const maySettle = s.status === 'completed' && s.settlementStatus === 'unsettled' && senior;

  const approve = async () => {
    const r = await invoke('slips.approve', { slipId: s.id });
    if (!r.ok) return void message.error(pick(r.error.message));
    qc.setQueryData(['slip', id], r.value);
  };

  const columns = [
    { title: t('slip.itemCode'), dataIndex: 'itemCode' },
    { title: t('slip.name'), dataIndex: 'name' },
    { title: t('slip.spec'), dataIndex: 'spec' },
    { title: t('slip.quantity'), dataIndex: 'quantity' },
    { title: t('slip.unitPrice'), dataIndex: 'unitPriceFen', render: (v: number) => yuan(v) },
    { title: t('slip.lineAmount'), dataIndex: 'amountFen', render: (v: number) => yuan(v) },
  ];
  const lines = (rows: SlipLineRecord[]) => (
    <Table size="small" pagination={false} rowKey={(_, i) => String(i)} columns={columns} dataSource={rows} />
  );

  return (
    <>
      <Space align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('slip.title')} {s.number}
        </Typography.Title>
        <ToneTag tone={s.status === 'void' ? 'bad' : s.status === 'completed' ? 'good' : 'warn'}>
          {t(`slipStatus.${s.status}`)}
        </ToneTag>
      </Space>
      {s.voidReason && (
        <Alert
          type="error"
          showIcon
          message={`${t('slipStatus.void')}: ${s.voidReason}`}
          style={{ marginBottom: 12 }}
        />
      )}
      {s.status === 'pending_approval' && (
        <Alert type="warning" showIcon message={t('slip.pending')} style={{ marginBottom: 12 }} />
      )}
      {s.duplicates.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('slip.duplicates', { list: s.duplicates.map((d) => d.number).join(', ') })}
          style={{ marginBottom: 12 }}
        />
      )}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('slip.type')}>{t(`slip.${s.type}`)}</Descriptions.Item>
          <Descriptions.Item label={t('slip.receiptNo')}>{s.receiptNo}</Descriptions.Item>
          <Descriptions.Item label={t('slip.unit')}>{s.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('slip.customerName')}>{s.customerName ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('slip.returnedTotal')}>{money(s.returnedTotalFen)}</Descriptions.Item>
          {s.type === 'exchange' && (
            <Descriptions.Item label={t('slip.difference')}>{money(s.differenceFen)}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('slip.refund')}>{money(s.refundFen)}</Descriptions.Item>
          <Descriptions.Item label={t('slip.qualityProblem')}>
            {t(s.qualityProblem ? 'yesNo.yes' : 'yesNo.no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('slip.deductCommission')}>
            {t(s.deductCommission ? 'yesNo.yes' : 'yesNo.no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('slip.settlement')}>
            {s.settlementStatus === 'settled' ? t('slip.settledOn', { date: s.settledOn }) : t('slip.unsettled')}
          </Descriptions.Item>
          {s.caseNumber && (
            <Descriptions.Item label={t('slip.linkedCase')}>
              <a href={`#/case/${s.caseId}`}>{s.caseNumber}</a>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Typography.Title level={2} style={{ fontSize: 15 }}>
        {t('slip.returned')}
      </Typography.Title>
      {lines(s.returnedLines)}
      {s.type === 'exchange' && (
        <>
          <Typography.Title level={2} style={{ fontSize: 15 }}>
            {t('slip.issued')}
          </Typography.Title>
          {lines(s.issuedLines)}
        </>
      )}
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" onClick={() => navigate(`/print/slip/${s.id}`)}>
          {t('slip.print')}
        </Button>
        {mayApprove && <Button onClick={() => void approve()}>{t('slip.approve')}</Button>}
        {maySettle && <Button onClick={() => setSettling(true)}>{t('action.settle')}</Button>}
        {mayVoid && (
          <Button danger onClick={() => setVoiding(true)}>
            {t('slip.void')}
          </Button>
        )}
      </Space>
      {settling && (
        <ActionDialog
          action="settle"
          targetId={s.id}
          onClose={(answer) => {
            if (answer) {
              qc.setQueryData(['slip', id], answer as SlipRecord);
              void message.success(t('action.done', { action: t('action.settle') }));
            }
            setSettling(false);
          }}
        />
      )}
      {voiding && (
        <VoidDialog
          slipId={s.id}
          onClose={(updated) => {
            if (updated) qc.setQueryData(['slip', id], updated);
            setVoiding(false);
          }}
        />
      )}
    </>
  );
}
