// First start on an empty store: the first manager's staff number, name and own PIN; once created,
// that manager is signed in and adds the other staff from the staff screen.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../src-main/shared/errors';
import { inputSchemaOf } from '../../../src-main/shared/ipc/contract';
import { Field } from '../../components/Field';
import { PinField } from '../../components/PinField';
import { pick } from '../../i18n';
import { invoke } from '../../lib/api';
import { checkWith, type IssueMap, toIssueMap } from '../../lib/issues';
import { LangSwitch } from '../shell/LangSwitch';

const PIN_MISMATCH: Bilingual = { zh: '两次输入的 PIN 不一致', en: 'does not match the PIN' };

export function FirstManagerSetup({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [staffNo, setStaffNo] = useState('');
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [pinConfirm, setPinConfirm] = useState('');
  const [issues, setIssues] = useState<IssueMap>({});
  const [error, setError] = useState<Bilingual | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // The manager chose this PIN, so there is no first-sign-in change to make.
    const input = {
      staffNo: staffNo.trim().toUpperCase(),
      name: name.trim(),
      role: 'manager' as const,
      pin,
      mustChangePin: false,
    };
    const found = checkWith(inputSchemaOf('setup.firstManager'), input);
    if (pinConfirm !== pin) found.pinConfirm = PIN_MISMATCH;
    setIssues(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    const r = await invoke('setup.firstManager', input);
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      setIssues(toIssueMap(r.error.issues));
      return;
    }
    setError(null);
    onSignedIn();
    await qc.invalidateQueries();
  };

  return (
    <main style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
      <Card style={{ width: 420 }}>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('setup.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon role="alert" message={pick(error)} style={{ marginBottom: 12 }} />}
        <Form component={false} layout="vertical">
          <form onSubmit={(e) => void submit(e)} aria-label={t('setup.title')}>
            <Field id="staffNo" label={t('auth.staffNo')} issues={issues} required>
              <Input
                id="staffNo"
                autoFocus
                autoComplete="username"
                value={staffNo}
                onChange={(e) => setStaffNo(e.target.value)}
              />
            </Field>
            <Field id="name" label={t('setup.name')} issues={issues} required>
              <Input id="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
            </Field>
            <PinField id="pin" label={t('auth.pin')} issues={issues} value={pin} onChange={setPin} />
            <PinField
              id="pinConfirm"
              label={t('setup.pinConfirm')}
              issues={issues}
              value={pinConfirm}
              onChange={setPinConfirm}
            />
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('setup.submit')}
            </Button>
          </form>
        </Form>
        <LangSwitch />
      </Card>
    </main>
  );
}
