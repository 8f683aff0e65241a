// A person's deletion request (issue 20 §3): the grounds (≥ 2 characters) and a ticked confirmation, then main
// anonymises the person's closed cases and slips early (personalData.anonymisePerson; an open one is refused in
// words, naming it); what was typed stays on any refusal, and the counts show what was anonymised.
import { Alert, Button, Checkbox, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inputSchemaOf } from '../../../src-main/shared/ipc/contract';
import type { AnonymisePersonResult } from '../../../src-main/shared/schemas/anonymise-person';
import type { Result } from '../../../src-main/shared/result';
import { Field } from '../../components/Field';
import { pick } from '../../i18n';
import { checkWith, type IssueMap, toIssueMap } from '../../lib/issues';

export function PersonAnonymiseDialog({
  phone,
  anonymise,
  onClose,
  onDone,
}: {
  phone: string;
  anonymise: (input: { phone: string; reason: string }) => Promise<Result<AnonymisePersonResult>>;
  onClose: () => void;
  onDone: (r: AnonymisePersonResult) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const [issues, setIssues] = useState<IssueMap>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const input = { phone, reason };
    const found: IssueMap = {};
    if (Object.keys(checkWith(inputSchemaOf('personalData.anonymisePerson'), input)).length)
      found.reason = {
        zh: t('pdr.anonymiseReasonShort', { lng: 'zh-CN' }),
        en: t('pdr.anonymiseReasonShort', { lng: 'en' }),
      };
    if (!checked)
      found.confirmed = {
        zh: t('pdr.anonymiseCheckNeeded', { lng: 'zh-CN' }),
        en: t('pdr.anonymiseCheckNeeded', { lng: 'en' }),
      };
    setIssues(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    const r = await anonymise(input);
    setBusy(false);
    if (!r.ok) {
      setError(pick(r.error.message));
      setIssues(toIssueMap(r.error.issues));
      return;
    }
    onDone(r.value);
  };

  return (
    <Modal
      open
      width={560}
      title={t('pdr.anonymiseTitle')}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>{t('pdr.cancel')}</Button>
          <Button danger type="primary" loading={busy} onClick={() => void submit()}>
            {t('pdr.anonymiseDo')}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Alert type="warning" showIcon role="note" message={t('pdr.anonymiseNote')} style={{ marginBottom: 12 }} />
      <Form component={false} layout="vertical">
        <Field id="personAnonymiseReason" path="reason" label={t('pdr.anonymiseReason')} issues={issues} required>
          <Input.TextArea
            id="personAnonymiseReason"
            rows={3}
            value={reason}
            placeholder={t('pdr.anonymiseReasonPlaceholder')}
            onChange={(e) => (setReason(e.target.value), setIssues({}))}
          />
        </Field>
        <Form.Item
          validateStatus={issues.confirmed ? 'error' : ''}
          help={issues.confirmed ? <span id="personAnonymiseCheck-help">{pick(issues.confirmed)}</span> : undefined}
        >
          <Checkbox
            id="personAnonymiseCheck"
            checked={checked}
            aria-describedby={issues.confirmed ? 'personAnonymiseCheck-help' : undefined}
            onChange={(e) => (setChecked(e.target.checked), setIssues({}))}
          >
            {t('pdr.anonymiseCheck')}
          </Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
