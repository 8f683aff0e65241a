// The branch's sync key, as head office issued it. Write-only: main encrypts it with the
// operating system's key store and never returns it; the screen only says whether one is set.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inputSchemaOf } from '../../../src-main/shared/ipc/contract';
import { Field } from '../../components/Field';
import { ToneTag } from '../../components/ToneTag';
import { pick } from '../../i18n';
import { invoke } from '../../lib/api';
import { checkWith, type IssueMap, toIssueMap } from '../../lib/issues';
import { formKeys } from '../../lib/keys';

export function SyncKeyForm({ hasKey }: { hasKey: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [key, setKey] = useState('');
  const [issues, setIssues] = useState<IssueMap>({});
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    const found = checkWith(inputSchemaOf('settings.setSyncKey'), { key });
    setIssues(found);
    if (Object.keys(found).length) return;
    const r = await invoke('settings.setSyncKey', { key });
    if (!r.ok) {
      setError(pick(r.error.message));
      setIssues(toIssueMap(r.error.issues));
      return;
    }
    setError(null);
    setKey('');
    qc.setQueryData(['settings'], r.value);
    void qc.invalidateQueries({ queryKey: ['sync'] });
    void message.success(t('settings.syncKeySaved'));
  };

  return (
    <form
      aria-label={t('settings.syncKey')}
      {...formKeys(() => void save())}
      onSubmit={(e) => (e.preventDefault(), void save())}
    >
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Field id="syncKey" path="key" label={t('settings.syncKey')} issues={issues}>
        <Space.Compact style={{ width: '100%' }}>
          <Input.Password
            id="syncKey"
            autoComplete="off"
            value={key}
            onChange={(e) => setKey(e.target.value)}
            placeholder={hasKey ? t('settings.syncKeyReplace') : ''}
          />
          <Button htmlType="submit">{t('settings.syncKeySave')}</Button>
        </Space.Compact>
      </Field>
      <ToneTag tone={hasKey ? 'good' : 'warn'}>
        {hasKey ? t('settings.syncKeySet') : t('settings.syncKeyMissing')}
      </ToneTag>
    </form>
  );
}
