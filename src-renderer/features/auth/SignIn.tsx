// Staff number and PIN on the shared branch PC. After a lock the route in the address is
// kept, so signing in again returns the clerk to the screen (and draft) they left; after a
// sign-out the next user starts at home.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../src-main/shared/errors';
import { inputSchemaOf } from '../../../src-main/shared/ipc/contract';
import { Field } from '../../components/Field';
import { PinField } from '../../components/PinField';
import { pick } from '../../i18n';
import { call, invoke } from '../../lib/api';
import { checkWith, type IssueMap, toIssueMap } from '../../lib/issues';
import { LangSwitch } from '../shell/LangSwitch';
import { FirstManagerSetup } from './FirstManagerSetup';

interface Props {
  /** How the last session ended: an idle lock keeps the screen, a sign-out hands the PC over. */
  ended: 'locked' | 'signedOut' | null;
  onSignedIn: () => void;
}

export function SignIn({ ended, onSignedIn }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const [issues, setIssues] = useState<IssueMap>({});
  const [error, setError] = useState<Bilingual | null>(null);
  const [busy, setBusy] = useState(false);
  // The demo accounts are shown only in a store that seed-demo made.
  const demo = useQuery({ queryKey: ['demoHints'], queryFn: () => call('setup.demoHints', {}) });
  // An empty store (first start) begins with the first manager instead of a sign-in.
  const setup = useQuery({ queryKey: ['setupStatus'], queryFn: () => call('setup.status', {}) });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = { staffNo: staffNo.trim().toUpperCase(), pin };
    const found = checkWith(inputSchemaOf('auth.signIn'), input);
    setIssues(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    const r = await invoke('auth.signIn', input);
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      setIssues(toIssueMap(r.error.issues));
      setPin('');
      return;
    }
    setError(null);
    onSignedIn();
    await qc.invalidateQueries();
  };

  if (setup.data?.needsFirstManager) return <FirstManagerSetup onSignedIn={onSignedIn} />;
  return (
    <main style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('auth.title')}
        </Typography.Title>
        {ended === 'locked' && <Alert type="info" showIcon message={t('auth.locked')} style={{ marginBottom: 12 }} />}
        {ended === 'signedOut' && (
          <Alert type="success" showIcon message={t('staff.signedOut')} style={{ marginBottom: 12 }} />
        )}
        {error && <Alert type="error" showIcon role="alert" message={pick(error)} style={{ marginBottom: 12 }} />}
        <Form component={false} layout="vertical">
          <form onSubmit={(e) => void submit(e)} aria-label={t('auth.title')}>
            <Field id="staffNo" label={t('auth.staffNo')} issues={issues} required>
              <Input
                id="staffNo"
                autoFocus
                autoComplete="username"
                value={staffNo}
                onChange={(e) => setStaffNo(e.target.value)}
              />
            </Field>
            <PinField id="pin" label={t('auth.pin')} issues={issues} value={pin} onChange={setPin} current />
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('auth.submit')}
            </Button>
          </form>
        </Form>
        {demo.data?.demo && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 8 }}>
            {t('auth.demoHint')}
          </Typography.Paragraph>
        )}
        <LangSwitch />
      </Card>
    </main>
  );
}
