// Every field of a saved slip (SPEC §5): customer, purchase, unit and salesperson, money and
// refund and payment (收款方式) method, reason and condition, the two yes/no answers, who handled, approved, voided, settled.
import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SlipView } from '../../../src-main/shared/types';
import { formatTime, yuan } from '../../lib/format';
import { RevealContact } from '../personal-data/RevealContact';
import { useSession } from '../shell/session';

export function SlipFields({ s }: { s: SlipView }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSession();
  const money = (fen: number) => t('common.yuan', { v: yuan(fen) });
  const time = (ms: number | null) =>
    ms === null ? t('common.none') : formatTime(ms, settings.timeZone, i18n.language);
  const yes = (v: boolean) => t(v ? 'yesNo.yes' : 'yesNo.no');
  const none = (v: string | null) => v ?? t('common.none');
  const D = Descriptions.Item;
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} data-testid="slip-fields">
        <D label={t('slip.type')}>{t(`slip.${s.type}`)}</D>
        <D label={t('slip.receiptNo')}>{s.receiptNo}</D>
        <D label={t('slip.purchaseDate')}>{none(s.purchaseDate)}</D>
        <D label={t('slip.customerName')}>{none(s.customerName)}</D>
        <D label={t('slip.customerPhone')}>
          <RevealContact
            target={{ slipId: s.id }}
            state={s.personalData}
            values={{ customerPhone: s.customerPhone, customerOtherContact: null }}
          >
            {(v, button) => (
              <span data-testid="slip-phone">
                {none(v.customerPhone)} {button}
              </span>
            )}
          </RevealContact>
        </D>
        <D label={t('slip.unit')}>{s.unitName}</D>
        <D label={t('slip.salesperson')}>{none(s.salespersonName)}</D>
        <D label={t('slip.salespersonNo')}>{none(s.salespersonStaffNo)}</D>
        <D label={t('slip.linkedCase')}>
          {s.caseId && s.caseNumber ? <a href={`#/case/${s.caseId}`}>{s.caseNumber}</a> : t('common.none')}
        </D>
        <D label={t('slip.returnedTotal')}>{money(s.returnedTotalFen)}</D>
        {s.type === 'exchange' && <D label={t('slip.issuedTotal')}>{money(s.issuedTotalFen)}</D>}
        {s.type === 'exchange' && <D label={t('slip.difference')}>{money(s.differenceFen)}</D>}
        <D label={t('slips.refundAmount')}>{money(s.refundFen)}</D>
        <D label={t('slip.refundMethod')}>{s.refundMethod ? t(`refundMethod.${s.refundMethod}`) : t('common.none')}</D>
        {s.type === 'exchange' && (
          <D label={t('slip.paymentMethod')}>
            {s.paymentMethod ? t(`refundMethod.${s.paymentMethod}`) : t('common.none')}
          </D>
        )}
        <D label={t('slip.reasonCode')}>{t(`slipReason.${s.reasonCode}`)}</D>
        <D label={t('slip.reasonText')} span={{ xs: 1, sm: 2, md: 3 }}>
          <span className="wrap-text">{none(s.reasonText)}</span>
        </D>
        <D label={t('slip.packagingIntact')}>{yes(s.packagingIntact)}</D>
        <D label={t('slip.accessoriesComplete')}>{yes(s.accessoriesComplete)}</D>
        <D label={t('slip.qualityProblem')}>{yes(s.qualityProblem)}</D>
        <D label={t('slip.deductCommission')}>{yes(s.deductCommission)}</D>
        <D label={t('slips.handledBy')}>
          {s.handledByName} · {time(s.handledAt)}
        </D>
        <D label={t('slips.approvedBy')}>
          {s.approvedByName ? `${s.approvedByName} · ${time(s.approvedAt)}` : t('common.none')}
        </D>
        {s.status === 'void' && (
          <D label={t('slips.voidedBy')}>
            {none(s.voidedByName)} · {time(s.voidedAt)}
          </D>
        )}
        {s.status === 'void' && (
          <D label={t('slips.voidReason')} span={{ xs: 1, sm: 2, md: 3 }}>
            <span className="wrap-text">{none(s.voidReason)}</span>
          </D>
        )}
        <D label={t('slip.settlement')}>
          {s.settlementStatus === 'settled'
            ? `${t('slip.settledOn', { date: s.settledOn })} · ${none(s.settledByName)}`
            : t('slip.unsettled')}
        </D>
      </Descriptions>
    </Card>
  );
}
