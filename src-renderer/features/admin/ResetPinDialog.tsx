// The manager's PIN reset for one user: a temporary PIN, which its owner must replace at the
// next sign-in. Main checks the PIN and the manager's right again; a refusal stays in the dialog.
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inputSchemaOf } from '../../../src-main/shared/ipc/contract';
import type { StaffListUser } from '../../../src-main/shared/schemas/admin';
import { Field } from '../../components/Field';
import { pick } from '../../i18n';
import { invoke } from '../../lib/api';
import { checkWith, type IssueMap, toIssueMap } from '../../lib/issues';
import { formKeys } from '../../lib/keys';

interface Props {
  user: StaffListUser;
  onClose: () => void;
  onDone: (user: StaffListUser) => void;
}

export function ResetPinDialog({ user, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [issues, setIssues] = useState<IssueMap>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (busy) return;
    const input = { userId: user.id, temporaryPin: pin };
    const found = checkWith(inputSchemaOf('users.resetPin'), input);
    setIssues(found);
    setError(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    const r = await invoke('users.resetPin', input);
    setBusy(false);
    if (!r.ok) {
      setError(pick(r.error.message));
      setIssues(toIssueMap(r.error.issues));
      return;
    }
    onDone(user);
  };

  return (
    <Modal
      open
      title={t('staff.resetPinFor', { name: user.name, staffNo: user.staffNo })}
      okText={t('staff.resetPin')}
      cancelText={t('staff.cancel')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => void submit()}
    >
      <Typography.Paragraph>{t('staff.resetExplain', { name: user.name })}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Form component={false} layout="vertical">
        <form
          aria-label={t('staff.resetPin')}
          {...formKeys(() => void submit())}
          onSubmit={(e) => (e.preventDefault(), void submit())}
        >
          <Field id="temporaryPin" label={t('staff.temporaryPin')} issues={issues} required>
            <Input.Password
              id="temporaryPin"
              autoFocus
              inputMode="numeric"
              maxLength={8}
              autoComplete="new-password"
              value={pin}
              onChange={(e) => {
                setPin(e.target.value);
                // A message about the PIN typed before is stale once it changes.
                setIssues({});
              }}
            />
          </Field>
        </form>
      </Form>
    </Modal>
  );
}
