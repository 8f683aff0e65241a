// The home screen's 总部催办: the cases head office sent a reminder about that nobody has read on
// the case yet, the newest first; a click opens the case (which marks them read).
import { useQuery } from '@tanstack/react-query';
import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ToneTag } from '../../components/ToneTag';
import { call } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { navigate } from '../../lib/router';
import { waitingRemindersKey } from '../cases/CaseReminderCard';
import { useSession } from '../shell/session';

export function HomeReminders() {
  const { t, i18n } = useTranslation();
  const { settings } = useSession();
  // Polled: a sync in the background may bring reminders while the home screen is open.
  const q = useQuery({
    queryKey: waitingRemindersKey,
    queryFn: () => call('reminders.waiting', {}),
    refetchInterval: 60_000,
  });
  if (!q.data || q.data.length === 0) return null;
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('reminders.title')}</h2>}
      extra={<Typography.Text type="secondary">{t('reminders.homeHint')}</Typography.Text>}
      style={{ marginBottom: 12 }}
      data-testid="home-reminders"
    >
      <List
        size="small"
        dataSource={q.data}
        rowKey={(r) => r.caseId}
        renderItem={(r) => (
          <List.Item data-testid="home-reminder">
            <button
              type="button"
              onClick={() => navigate(`/case/${r.caseId}`)}
              style={{ textAlign: 'left', background: 'none', border: 0, padding: 0, cursor: 'pointer', width: '100%' }}
            >
              <strong style={{ color: '#1d4ed8' }}>{r.caseNumber}</strong>{' '}
              <ToneTag tone="warn">{t('reminders.unread', { n: r.unread })}</ToneTag>{' '}
              <span style={{ overflowWrap: 'anywhere' }}>{r.latestMessage}</span>
              <div style={{ fontSize: 12, color: '#595959' }}>
                {t('reminders.by', {
                  who: r.reviewerName,
                  at: formatTime(r.latestAt, settings.timeZone, i18n.language),
                })}
              </div>
            </button>
          </List.Item>
        )}
      />
    </Card>
  );
}
