// Change one's own PIN: current PIN, new PIN twice. The contract's PinChangeInput checks the
// rules (6+ digits, not 123456, not one digit repeated) here and again in main.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../src-main/shared/errors';
import { inputSchemaOf } from '../../../src-main/shared/ipc/contract';
import { Field } from '../../components/Field';
import { pick } from '../../i18n';
import { invoke } from '../../lib/api';
import { checkWith, type IssueMap, toIssueMap } from '../../lib/issues';

type Key = 'currentPin' | 'newPin' | 'confirmPin';
const KEYS: readonly Key[] = ['currentPin', 'newPin', 'confirmPin'];

export function ChangePinForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [v, setV] = useState<Record<Key, string>>({ currentPin: '', newPin: '', confirmPin: '' });
  const [issues, setIssues] = useState<IssueMap>({});
  const [error, setError] = useState<Bilingual | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = checkWith(inputSchemaOf('auth.changePin'), v);
    setIssues(found);
    setError(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    const r = await invoke('auth.changePin', v);
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      setIssues(toIssueMap(r.error.issues));
      return;
    }
    void message.success(t('staff.changed'));
    await qc.invalidateQueries({ queryKey: ['pinStatus'] });
    onDone();
  };

  return (
    <Form component={false} layout="vertical">
      <form onSubmit={(e) => void submit(e)} aria-label={t('staff.changePin')}>
        {error && <Alert type="error" showIcon role="alert" message={pick(error)} style={{ marginBottom: 12 }} />}
        {KEYS.map((k, i) => (
          <Field key={k} id={k} label={t(`staff.${k}`)} issues={issues} required>
            <Input.Password
              id={k}
              autoFocus={i === 0}
              inputMode="numeric"
              maxLength={8}
              autoComplete={k === 'currentPin' ? 'current-password' : 'new-password'}
              value={v[k]}
              onChange={(e) => {
                setV({ ...v, [k]: e.target.value });
                // A message about what was typed before is stale once the field changes.
                setIssues(({ [k]: _old, ...rest }) => rest);
              }}
            />
          </Field>
        ))}
        <Typography.Paragraph type="secondary">{t('staff.pinRules')}</Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('staff.save')}
        </Button>
      </form>
    </Form>
  );
}
