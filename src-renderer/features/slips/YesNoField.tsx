// A yes/no question with no default (finance settles on the answer, SPEC §5).
import { Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import type { IssueMap } from '../../lib/issues';
import type { YesNo } from './slip-state';

export function YesNoField({
  id,
  label,
  value,
  issues,
  onChange,
}: {
  id: string;
  label: string;
  value: YesNo;
  issues: IssueMap;
  onChange: (v: YesNo) => void;
}) {
  const { t } = useTranslation();
  return (
    <Field id={id} label={label} issues={issues} required>
      <Radio.Group
        id={id}
        aria-label={label}
        value={value || undefined}
        onChange={(e) => onChange(e.target.value as YesNo)}
      >
        <Radio value="yes">{t('yesNo.yes')}</Radio>
        <Radio value="no">{t('yesNo.no')}</Radio>
      </Radio.Group>
    </Field>
  );
}
