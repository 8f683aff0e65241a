// The case's 总部催办 card: head office's reminders (message, reviewer, time in the branch's time
// zone), those unread when the case opened marked new; opening the case marks them read, so the
// home screen's 总部催办 list no longer shows the case.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, List, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ToneTag } from '../../components/ToneTag';
import { call } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { useSession } from '../shell/session';

export const waitingRemindersKey = ['reminders', 'waiting'];

export function CaseReminderCard({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSession();
  const qc = useQueryClient();
  // Loaded each time the case opens, and kept for the visit: what was unread then stays marked new.
  const q = useQuery({
    queryKey: ['reminders', 'case', caseId],
    queryFn: () => call('reminders.ofCase', { caseId }),
    refetchOnWindowFocus: false,
  });
  const unread = (q.data ?? []).filter((r) => r.seenAt === null).length;
  useEffect(() => {
    if (unread === 0) return;
    void call('reminders.markSeen', { caseId }).then(() => qc.invalidateQueries({ queryKey: waitingRemindersKey }));
  }, [caseId, unread, qc]);

  if (!q.data || q.data.length === 0) return null;
  const time = (ms: number) => formatTime(ms, settings.timeZone, i18n.language);
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('reminders.title')}</h2>}
      style={{ marginBottom: 16 }}
      data-testid="case-reminders"
    >
      <List
        size="small"
        dataSource={q.data}
        rowKey={(r) => r.id}
        renderItem={(r) => (
          <List.Item data-testid="case-reminder">
            <div>
              <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {r.seenAt === null && <ToneTag tone="warn">{t('reminders.isNew')}</ToneTag>} {r.message}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('reminders.by', { who: r.reviewerName, at: time(r.sentAt) })}
                {r.seenAt !== null && ` · ${t('reminders.seen', { at: time(r.seenAt) })}`}
              </Typography.Text>
            </div>
          </List.Item>
        )}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('reminders.note')}
      </Typography.Text>
    </Card>
  );
}
