// The settings screen's personal-data field (issue 20 §1): the roles that may reveal a customer's full
// phone, other contact and ID copies (default secretary office, supervisors, manager).
import { Checkbox, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../src-main/shared/enums';
import { Field } from '../../components/Field';
import type { IssueMap } from '../../lib/issues';

interface Props {
  value: Role[];
  onChange: (v: Role[]) => void;
  issues: IssueMap;
}

export function PersonalDataSettings({ value, onChange, issues }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('settingsPii.title')}
      </Typography.Title>
      <div className="form-grid">
        <Field id="personalDataRoles" label={t('settingsPii.roles')} issues={issues}>
          {/* The group names itself by the field's label; the hint below says what the roles may do. */}
          <Checkbox.Group
            value={value}
            onChange={(x) => onChange(ROLES.filter((r) => x.includes(r)))}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
          <div id="personalDataRoles-hint" style={{ fontSize: 12, color: '#595959' }}>
            {t('settingsPii.rolesHint')}
          </div>
        </Field>
      </div>
    </>
  );
}
