// The settings screen's product flag fields (issue 18 §2): an item is flagged at this many
// complaints in this many days. Main's schema checks them (2–100 complaints, 1–366 days); no
// clamp here, so an out-of-range number stays as typed and the refusal names the field.
import { InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import type { IssueMap } from '../../lib/issues';

export interface ProductFlagSettingsValue {
  productFlagMinCases: number;
  productFlagDays: number;
}

interface Props {
  value: ProductFlagSettingsValue;
  onChange: (v: ProductFlagSettingsValue) => void;
  issues: IssueMap;
}

export function ProductFlagSettings({ value, onChange, issues }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('products.settingsSection')}
      </Typography.Title>
      <div className="form-grid">
        <Field id="productFlagMinCases" label={t('products.minCases')} issues={issues}>
          <InputNumber
            id="productFlagMinCases"
            value={value.productFlagMinCases}
            onChange={(n) => onChange({ ...value, productFlagMinCases: Number(n ?? 0) })}
            style={{ width: '100%' }}
          />
        </Field>
        <Field id="productFlagDays" label={t('products.days')} issues={issues}>
          <InputNumber
            id="productFlagDays"
            value={value.productFlagDays}
            onChange={(n) => onChange({ ...value, productFlagDays: Number(n ?? 0) })}
            style={{ width: '100%' }}
          />
        </Field>
      </div>
    </>
  );
}
