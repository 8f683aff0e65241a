// The home screen's 总部通知: head office's notices nobody has acknowledged yet, the newest first;
// the manager or a duty supervisor acknowledges one (main refuses everyone else).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../i18n';
import { call, invoke } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { useSession } from '../shell/session';

export const noticesKey = ['notices.waiting'];

export function HomeNotices() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { settings } = useSession();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  // Polled: a sync in the background may bring notices while the home screen is open.
  const q = useQuery({ queryKey: noticesKey, queryFn: () => call('notices.waiting', {}), refetchInterval: 60_000 });
  if (!q.data || q.data.length === 0) return null;
  const acknowledge = async (noticeId: string) => {
    const r = await invoke('notices.acknowledge', { noticeId });
    if (!r.ok) return setError(pick(r.error.message));
    setError(null);
    qc.setQueryData(noticesKey, r.value);
    void message.success(t('notices.acknowledged'));
  };
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('notices.homeTitle')}</h2>}
      extra={<Typography.Text type="secondary">{t('notices.homeHint')}</Typography.Text>}
      style={{ marginBottom: 12, borderColor: '#d97706' }}
      data-testid="home-notices"
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      <List
        size="small"
        dataSource={q.data}
        rowKey={(n) => n.noticeId}
        renderItem={(n) => (
          <List.Item
            data-testid="home-notice"
            actions={[
              n.mayAcknowledge ? (
                <Button key="ack" type="primary" onClick={() => void acknowledge(n.noticeId)}>
                  {t('notices.acknowledge')}
                </Button>
              ) : (
                <Typography.Text key="wait" type="secondary">
                  {t('notices.onlyManagers')}
                </Typography.Text>
              ),
            ]}
          >
            <div>
              <strong>{n.title}</strong>
              <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{n.text}</div>
              <div style={{ fontSize: 12, color: '#595959' }}>
                {t('notices.by', { who: n.reviewerName, at: formatTime(n.sentAt, settings.timeZone, i18n.language) })}
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
