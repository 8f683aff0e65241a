// The return/exchange slip (SPEC §5): line items with live totals (display only), refund,
// reason, condition of the goods and the two yes/no questions finance settles on; opened from a
// case, linked to it by id and prefilled from it; says before saving when it will need approval.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Radio, Select, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PAYMENT_METHODS, REFUND_METHODS, SLIP_REASONS, SLIP_TYPES } from '../../../src-main/shared/enums';
import type { CaseView } from '../../../src-main/shared/types';
import { DayPicker } from '../../components/CalendarPickers';
import { DraftOffer, SubmitWithDraftState } from '../../components/DraftOffer';
import { Field } from '../../components/Field';
import { call } from '../../lib/api';
import { yuan } from '../../lib/format';
import { formKeys } from '../../lib/keys';
import { navigate } from '../../lib/router';
import { useCheckedSubmit } from '../../lib/useCheckedSubmit';
import { useDraft } from '../../lib/useDraft';
import { useSession, useUnits } from '../shell/session';
import { ApprovalNotice } from './ApprovalNotice';
import { slipFromCase } from './case-prefill';
import { LinesEditor } from './LinesEditor';
import { customerPays, formTotals, type SlipState, toSlipInput } from './slip-state';
import { YesNoField } from './YesNoField';

/** Opened from a case, the form waits for the case and starts from it. */
export function SlipForm({ caseId }: { caseId: string | undefined }) {
  const linked = useQuery({
    queryKey: ['case', caseId],
    enabled: !!caseId,
    queryFn: () => call('cases.get', { caseId: caseId ?? '' }),
  });
  if (caseId && linked.isPending) return <Spin />;
  return <SlipFormBody caseId={caseId} linked={linked.data} />;
}

function SlipFormBody({ caseId, linked }: { caseId: string | undefined; linked: CaseView | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { settings } = useSession();
  const qc = useQueryClient();
  const units = useUnits();
  const draft = useDraft<SlipState>(`slip.${caseId ?? 'none'}`, () => slipFromCase(linked));
  const s = draft.value;
  const { issues, error, busy, send } = useCheckedSubmit();
  const set = <K extends keyof SlipState>(k: K, v: SlipState[K]) => draft.update((p) => ({ ...p, [k]: v }));
  const text = (k: keyof SlipState) => ({
    value: s[k] as string,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(k, e.target.value as never),
  });

  const totals = formTotals(s);

  const submit = async () => {
    const saved = await send('slips.create', toSlipInput(s, caseId));
    if (!saved) return;
    draft.clear();
    // The case lists its slips; the slip screen counts them.
    void qc.invalidateQueries({ queryKey: ['case', caseId] });
    void qc.invalidateQueries({ queryKey: ['slipCounts'] });
    void message.success(t('slip.saved', { number: saved.number }));
    navigate(`/slip/${saved.id}`);
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
        {t('slip.title')}
        {linked && (
          <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 12 }} data-testid="slip-linked-case">
            {t('slip.linkedCase')}: {linked.number}
          </Typography.Text>
        )}
      </Typography.Title>
      {draft.offer && (
        <DraftOffer
          at={draft.offer.at}
          timeZone={settings.timeZone}
          onRestore={draft.restore}
          onDiscard={draft.discardOffer}
        />
      )}
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Form component={false} layout="vertical">
        <form
          aria-label={t('slip.title')}
          {...formKeys(() => void submit())}
          onSubmit={(e) => (e.preventDefault(), void submit())}
        >
          <div className="form-grid">
            <Field id="slipType" path="type" label={t('slip.type')} issues={issues} required>
              <Radio.Group
                id="slipType"
                value={s.type}
                onChange={(e) => set('type', e.target.value)}
                options={SLIP_TYPES.map((v) => ({ value: v, label: t(`slip.${v}`) }))}
              />
            </Field>
            <Field id="slipReceipt" path="receiptNo" label={t('slip.receiptNo')} issues={issues} required>
              <Input id="slipReceipt" autoFocus {...text('receiptNo')} />
            </Field>
            <Field id="slipPurchaseDate" path="purchaseDate" label={t('slip.purchaseDate')} issues={issues}>
              <DayPicker id="slipPurchaseDate" value={s.purchaseDate} onChange={(x) => set('purchaseDate', x)} />
            </Field>
            <Field id="slipCustomerName" path="customer.name" label={t('slip.customerName')} issues={issues}>
              <Input id="slipCustomerName" {...text('customerName')} />
            </Field>
            <Field id="slipCustomerPhone" path="customer.phone" label={t('slip.customerPhone')} issues={issues}>
              <Input id="slipCustomerPhone" inputMode="tel" {...text('customerPhone')} />
            </Field>
            <Field id="slipUnit" path="unitId" label={t('slip.unit')} issues={issues} required>
              <Select
                id="slipUnit"
                value={s.unitId || undefined}
                onChange={(v: string) => set('unitId', v)}
                options={(units.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
              />
            </Field>
            <Field id="slipSalesperson" path="salespersonName" label={t('slip.salesperson')} issues={issues}>
              <Input id="slipSalesperson" {...text('salespersonName')} />
            </Field>
            <Field id="slipSalespersonNo" path="salespersonStaffNo" label={t('slip.salespersonNo')} issues={issues}>
              <Input id="slipSalespersonNo" {...text('salespersonStaffNo')} />
            </Field>
          </div>
          <LinesEditor
            title={t('slip.returned')}
            path="returnedLines"
            lines={s.returnedLines}
            issues={issues}
            onChange={(l) => set('returnedLines', l)}
          />
          {s.type === 'exchange' && (
            <LinesEditor
              title={t('slip.issued')}
              path="issuedLines"
              lines={s.issuedLines}
              issues={issues}
              onChange={(l) => set('issuedLines', l)}
            />
          )}
          <div className="totals" role="status" aria-live="polite" data-testid="slip-totals">
            <span>
              {t('slip.returnedTotal')}: <strong>{t('common.yuan', { v: yuan(totals.returnedTotalFen) })}</strong>
            </span>
            {s.type === 'exchange' && (
              <>
                <span>
                  {t('slip.issuedTotal')}: <strong>{t('common.yuan', { v: yuan(totals.issuedTotalFen) })}</strong>
                </span>
                <span>
                  {t('slip.difference')}: <strong>{t('common.yuan', { v: yuan(totals.differenceFen) })}</strong>
                </span>
              </>
            )}
            <Typography.Text type="secondary">{t('slip.totalsNote')}</Typography.Text>
          </div>
          <ApprovalNotice totals={totals} />
          <div className="form-grid">
            {/* An exchange's refund is the returned goods' value above the new goods' (main computes it):
                only a return asks for the amount. */}
            {s.type === 'return' && (
              <Field id="slipRefund" path="refundFen" label={t('slip.refund')} issues={issues} required>
                <Input id="slipRefund" inputMode="decimal" {...text('refund')} />
              </Field>
            )}
            {customerPays(s) ? (
              <Field
                id="slipPaymentMethod"
                path="paymentMethod"
                label={t('slip.paymentMethod')}
                issues={issues}
                required
              >
                <Select
                  id="slipPaymentMethod"
                  allowClear
                  value={s.paymentMethod || undefined}
                  onChange={(v) => set('paymentMethod', v ?? '')}
                  options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`refundMethod.${m}`) }))}
                />
              </Field>
            ) : (
              <Field id="slipRefundMethod" path="refundMethod" label={t('slip.refundMethod')} issues={issues}>
                <Select
                  id="slipRefundMethod"
                  allowClear
                  value={s.refundMethod || undefined}
                  onChange={(v) => set('refundMethod', v ?? '')}
                  options={REFUND_METHODS.map((m) => ({ value: m, label: t(`refundMethod.${m}`) }))}
                />
              </Field>
            )}
            <Field id="slipReason" path="reasonCode" label={t('slip.reasonCode')} issues={issues} required>
              <Select
                id="slipReason"
                value={s.reasonCode || undefined}
                onChange={(v) => set('reasonCode', v)}
                options={SLIP_REASONS.map((m) => ({ value: m, label: t(`slipReason.${m}`) }))}
              />
            </Field>
            <div className="wide">
              <Field id="slipReasonText" path="reasonText" label={t('slip.reasonText')} issues={issues}>
                <Input.TextArea id="slipReasonText" rows={2} {...text('reasonText')} />
              </Field>
            </div>
            <YesNoField
              id="packagingIntact"
              label={t('slip.packagingIntact')}
              value={s.packagingIntact}
              issues={issues}
              onChange={(v) => set('packagingIntact', v)}
            />
            <YesNoField
              id="accessoriesComplete"
              label={t('slip.accessoriesComplete')}
              value={s.accessoriesComplete}
              issues={issues}
              onChange={(v) => set('accessoriesComplete', v)}
            />
            <span />
            <YesNoField
              id="qualityProblem"
              label={t('slip.qualityProblem')}
              value={s.qualityProblem}
              issues={issues}
              onChange={(v) => set('qualityProblem', v)}
            />
            <YesNoField
              id="deductCommission"
              label={t('slip.deductCommission')}
              value={s.deductCommission}
              issues={issues}
              onChange={(v) => set('deductCommission', v)}
            />
          </div>
          <SubmitWithDraftState
            label={t('slip.submit')}
            busy={busy}
            savedAt={draft.savedAt}
            failed={draft.saveFailed}
            timeZone={settings.timeZone}
          />
        </form>
      </Form>
    </>
  );
}
