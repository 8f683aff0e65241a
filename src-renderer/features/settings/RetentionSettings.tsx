// The settings screen's retention field (issue 20 §2): years after filing (1–30, default 3) before a
// case's personal data is anonymised. When head office imposes the chain's value it is shown read-only,
// with the branch's own value named as not in force. No clamp: the store's refusal names a bad number.
import { useQuery } from '@tanstack/react-query';
import { Alert, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { call } from '../../lib/api';
import type { IssueMap } from '../../lib/issues';

interface Props {
  value: number;
  onChange: (years: number) => void;
  issues: IssueMap;
}

export function RetentionSettings({ value, onChange, issues }: Props) {
  const { t } = useTranslation();
  const status = useQuery({ queryKey: ['retentionStatus'], queryFn: () => call('personalData.retentionStatus', {}) });
  const imposed = status.data?.imposed === true;
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('settingsRetention.title')}
      </Typography.Title>
      {imposed && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('settingsRetention.imposed', { years: status.data?.years, branch: value })}
        />
      )}
      <div className="form-grid">
        <Field id="retentionYears" label={t('settingsRetention.years')} issues={issues}>
          <InputNumber
            id="retentionYears"
            value={imposed ? status.data?.years : value}
            disabled={imposed}
            onChange={(n) => onChange(Number(n ?? 0))}
            aria-describedby="retentionYears-hint"
            style={{ width: '100%' }}
          />
          <div id="retentionYears-hint" style={{ fontSize: 12, color: '#595959' }}>
            {t('settingsRetention.yearsHint')}
          </div>
        </Field>
      </div>
    </>
  );
}
