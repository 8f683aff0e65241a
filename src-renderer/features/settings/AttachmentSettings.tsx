// The settings screen's evidence fields (issue 19): the largest attachment in MB (1–100, default 20) and
// whether originals of re-encoded images are kept. Main's schema checks the number; no clamp here, so an
// out-of-range number stays as typed and the refusal names the field in words.
import { InputNumber, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import type { IssueMap } from '../../lib/issues';

export interface AttachmentSettingsValue {
  attachmentMaxMb: number;
  attachmentKeepOriginals: boolean;
}

interface Props {
  value: AttachmentSettingsValue;
  onChange: (v: AttachmentSettingsValue) => void;
  issues: IssueMap;
}

export function AttachmentSettings({ value, onChange, issues }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('settingsAttach.title')}
      </Typography.Title>
      <div className="form-grid">
        <Field id="attachmentMaxMb" label={t('settingsAttach.maxMb')} issues={issues}>
          <InputNumber
            id="attachmentMaxMb"
            value={value.attachmentMaxMb}
            onChange={(n) => onChange({ ...value, attachmentMaxMb: Number(n ?? 0) })}
            aria-describedby="attachmentMaxMb-hint"
            style={{ width: '100%' }}
          />
          <div id="attachmentMaxMb-hint" style={{ fontSize: 12, color: '#595959' }}>
            {t('settingsAttach.maxMbHint')}
          </div>
        </Field>
        <Field id="attachmentKeepOriginals" label={t('settingsAttach.keepOriginals')} issues={issues}>
          <Switch
            id="attachmentKeepOriginals"
            checked={value.attachmentKeepOriginals}
            onChange={(x) => onChange({ ...value, attachmentKeepOriginals: x })}
            aria-describedby="attachmentKeepOriginals-hint"
          />
          <div id="attachmentKeepOriginals-hint" style={{ fontSize: 12, color: '#595959' }}>
            {t('settingsAttach.keepOriginalsHint')}
          </div>
        </Field>
      </div>
    </>
  );
}
