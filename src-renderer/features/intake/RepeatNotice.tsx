// The repeat-complainant notice (SPEC §9): shown as soon as a valid phone number is typed.
// It only informs — the complaint is registered like any other.
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizePhone } from '../../../src-main/shared/phone';
import { call } from '../../lib/api';

export function RepeatNotice({ phone, receiptNo }: { phone: string; receiptNo: string }) {
  const { t } = useTranslation();
  const [settled, setSettled] = useState({ phone: '', receiptNo: '' });
  // A short pause after the last key so every keystroke does not become a query.
  useEffect(() => {
    const h = window.setTimeout(
      () => setSettled({ phone: normalizePhone(phone) ? phone.trim() : '', receiptNo: receiptNo.trim() }),
      250,
    );
    return () => window.clearTimeout(h);
  }, [phone, receiptNo]);
  const check = useQuery({
    queryKey: ['intakeCheck', settled],
    enabled: settled.phone !== '',
    queryFn: () =>
      call('intake.check', { phone: settled.phone, ...(settled.receiptNo ? { receiptNo: settled.receiptNo } : {}) }),
  });
  const c = check.data;
  if (!c || (!c.flagged && c.openCases.length === 0)) return null;
  return (
    <Alert
      role="status"
      data-testid="repeat-notice"
      type={c.flagged ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 12 }}
      message={c.flagged ? t('intake.repeatFlagged', { n: c.unfoundedLast12Months }) : t('intake.openCases')}
      description={
        c.openCases.length > 0 && (
          <>
            {c.flagged && t('intake.openCases')}{' '}
            {c.openCases.map((o) => (
              <a key={o.id} href={`#/case/${o.id}`} style={{ marginRight: 8 }}>
                {o.number} {t(`status.${o.status}`)}
                {o.samePurchase ? t('intake.samePurchase') : ''}
              </a>
            ))}
          </>
        )
      }
    />
  );
}
