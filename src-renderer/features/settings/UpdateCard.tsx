// The manager's card for a new version from head office: downloaded and verified, installed on the next restart (never in the middle of a case), and "defer to next time".
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { pick } from '../../i18n';
import { call, invoke } from '../../lib/api';

export function UpdateCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['update'], queryFn: () => call('update.status', {}), refetchInterval: 60_000 });
  const s = q.data;
  if (!s || !s.available || !s.downloaded) return null;
  const defer = async () => {
    const r = await invoke('update.defer', {});
    if (!r.ok) return void message.error(pick(r.error.message));
    qc.setQueryData(['update'], r.value);
  };
  return (
    <Alert
      type={s.deferred ? 'warning' : 'info'}
      showIcon
      data-testid="update-card"
      style={{ marginBottom: 16, maxWidth: 600 }}
      message={t(s.deferred ? 'update.deferred' : 'update.waiting', { version: s.available })}
      description={t('update.current', { version: s.current })}
      action={
        s.deferred ? null : (
          <Button size="small" onClick={() => void defer()}>
            {t('update.defer')}
          </Button>
        )
      }
    />
  );
}
