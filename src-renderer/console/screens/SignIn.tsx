// Reviewer sign-in. Head office's refusal is shown in words: wrong username or password,
// or the lockout after too many failures with the minutes left. The password is cleared
// after a refusal; the username stays.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SignInBody } from '../../../src-headoffice/console/api-contract';
import { Field } from '../../components/Field';
import { LangSwitch } from '../../features/shell/LangSwitch';
import { pick } from '../../i18n';
import type { IssueMap } from '../../lib/issues';
import { checkConsole } from '../check';
import { ConsoleApiError } from '../api';
import { SESSION_KEY, signIn } from '../session';

export function SignIn({ sessionEnded, onSignedIn }: { sessionEnded: boolean; onSignedIn: () => void }) {
  const { t } = useTranslation('console');
  const qc = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [issues, setIssues] = useState<IssueMap>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = { username: username.trim(), password };
    const found = checkConsole(SignInBody, input);
    setIssues(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const s = await signIn(input);
      setError(null);
      onSignedIn();
      qc.setQueryData(SESSION_KEY, s);
    } catch (err) {
      setPassword('');
      setError(describe(err));
      if (err instanceof ConsoleApiError) setIssues(err.fieldIssues);
    } finally {
      setBusy(false);
    }
  };

  function describe(err: unknown): string {
    if (!(err instanceof ConsoleApiError)) return t('common.network');
    if (err.code === 'ACCOUNT_LOCKED') {
      const ms = typeof err.body.retryAfterMs === 'number' ? err.body.retryAfterMs : null;
      return ms === null
        ? t('signin.lockedNoTime')
        : t('signin.locked', { minutes: Math.max(1, Math.ceil(ms / 60_000)) });
    }
    if (err.code === 'AUTH_FAILED') return t('signin.failed');
    return pick(err.messages);
  }

  return (
    <main style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
      <Card style={{ width: 400 }}>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t('brand')}
        </Typography.Title>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('signin.title')}
        </Typography.Title>
        {sessionEnded && !error && (
          <Alert type="info" showIcon message={t('common.sessionEnded')} style={{ marginBottom: 12 }} />
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={error}
            style={{ marginBottom: 12 }}
            data-testid="signin-error"
          />
        )}
        <Form component={false} layout="vertical">
          <form onSubmit={(e) => void submit(e)} aria-label={t('signin.title')}>
            <Field id="username" label={t('signin.username')} issues={issues} required>
              <Input
                id="username"
                autoFocus
                autoComplete="username"
                value={username}
                onChange={(e) => setUsername(e.target.value)}
              />
            </Field>
            <Field id="password" label={t('signin.password')} issues={issues} required>
              <Input.Password
                id="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </Field>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('signin.submit')}
            </Button>
          </form>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 8 }}>
          {t('signin.demoHint')}
        </Typography.Paragraph>
        <LangSwitch />
      </Card>
    </main>
  );
}
