// Voiding a slip (supervisor or manager, SPEC §5): never deleted, voided with a reason that
// is printed on every later copy.
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inputSchemaOf } from '../../../src-main/shared/ipc/contract';
import type { SlipRecord } from '../../../src-main/shared/types';
import { Field } from '../../components/Field';
import { pick } from '../../i18n';
import { invoke } from '../../lib/api';
import { checkWith, type IssueMap, toIssueMap } from '../../lib/issues';

export function VoidDialog({ slipId, onClose }: { slipId: string; onClose: (updated?: SlipRecord) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [issues, setIssues] = useState<IssueMap>({});
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const input = { slipId, reason };
    const found = checkWith(inputSchemaOf('slips.void'), input);
    setIssues(found);
    if (Object.keys(found).length) return;
    const r = await invoke('slips.void', input);
    if (!r.ok) {
      setError(pick(r.error.message));
      setIssues(toIssueMap(r.error.issues));
      return;
    }
    onClose(r.value);
  };

  return (
    <Modal
      open
      title={t('slip.void')}
      okText={t('action.confirm')}
      cancelText={t('action.cancel')}
      onOk={() => void submit()}
      onCancel={() => onClose()}
    >
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Form component={false} layout="vertical">
        <Field id="voidReason" path="reason" label={t('field.reason')} issues={issues} required>
          <Input.TextArea id="voidReason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      </Form>
    </Modal>
  );
}
