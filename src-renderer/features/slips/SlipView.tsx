// A saved slip: every field, its status, and the actions the viewer may take (approve, void,
// record settlement, print or reprint) as buttons.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { approvalAmount, mayApprove as domainMayApprove } from '../../../src-main/domain/slips';
import type { SlipLineRecord } from '../../../src-main/shared/types';
import { pick } from '../../i18n';
import { ApiError, call, invoke } from '../../lib/api';
import { yuan } from '../../lib/format';
import { navigate } from '../../lib/router';
import { useSession } from '../shell/session';
import { ActionDialog } from '../cases/ActionDialog';
import { CrossBranchRefundAlert } from './CrossBranchRefundAlert';
import { SlipFields } from './SlipFields';
import { SlipStatusTag } from './SlipStatusTag';
import { VoidDialog } from './VoidDialog';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';

export function SlipView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user, settings } = useSession();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['slip', id], queryFn: () => call('slips.view', { slipId: id }) });
  const [voiding, setVoiding] = useState(false);
  const [settling, setSettling] = useState(false);
  if (q.isPending) return <Spin />;
  if (q.error)
    return (
      <Alert type="error" showIcon message={q.error instanceof ApiError ? pick(q.error.messages) : t('common.error')} />
    );
  const s = q.data;
  const senior = user.role === 'supervisor' || user.role === 'manager';
  // The same rule main applies (domain/slips.ts); main checks again.
  const mayApprove =
    s.status === 'pending_approval' &&
    s.handledBy !== user.id &&
    domainMayApprove(user.role, approvalAmount(s), s.approvalReasons, settings.approvalLimits);
  const mayVoid = s.status !== 'void' && s.settlementStatus === 'unsettled' && senior;
  // Finance's settlement is entered by a supervisor or manager on finance's behalf (SPEC §11).
  const maySettle = s.status === 'completed' && s.settlementStatus === 'unsettled' && senior;
  const changed = (done: string) => {
    void qc.invalidateQueries({ queryKey: ['slip', id] });
    void qc.invalidateQueries({ queryKey: ['slipCounts'] });
    void qc.invalidateQueries({ queryKey: ['slipQueue'] });
    void message.success(t('action.done', { action: done }));
  };

  const approve = async () => {
    const r = await invoke('slips.approve', { slipId: s.id });
    if (!r.ok) return void message.error(pick(r.error.message));
    changed(t('slip.approve'));
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
        <SlipStatusTag s={s} />
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
        <Alert
          type="warning"
          showIcon
          message={t('slip.pending')}
          description={mayApprove ? undefined : t('slips.notYours')}
          style={{ marginBottom: 12 }}
        />
      )}
      {s.duplicates.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('slip.duplicates', { list: s.duplicates.map((d) => d.number).join(', ') })}
          style={{ marginBottom: 12 }}
        />
      )}
      <CrossBranchRefundAlert slipId={s.id} branch={s.branchCode} />
      <SlipFields s={s} />
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
      <div style={{ marginTop: 16 }}>
        <AttachmentsPanel owner={{ type: 'slip', id: s.id }} />
      </div>
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
            if (answer) changed(t('action.settle'));
            setSettling(false);
          }}
        />
      )}
      {voiding && (
        <VoidDialog
          slipId={s.id}
          onClose={(updated) => {
            if (updated) changed(t('slip.void'));
            setVoiding(false);
          }}
        />
      )}
    </>
  );
}
