// The case's follow-ups (回访): when each is due, what was noted, and for an open one the
// button that records the result. Main decides who may complete one and refuses the rest.
import { Button, Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../../../src-main/shared/types';
import { ToneTag } from '../../components/ToneTag';
import { formatTime } from '../../lib/format';

interface Props {
  followUps: FollowUp[];
  timeZone: string;
  onComplete: (followUpId: string) => void;
}

export function FollowUpsCard({ followUps, timeZone, onComplete }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('followUp.title')}</h2>}
      style={{ marginBottom: 16 }}
    >
      <List
        size="small"
        dataSource={followUps}
        renderItem={(f) => (
          <List.Item
            key={f.id}
            data-follow-up={f.id}
            actions={
              f.doneAt === null
                ? [
                    <Button key="done" size="small" onClick={() => onComplete(f.id)}>
                      {t('action.follow_up_done')}
                    </Button>,
                  ]
                : []
            }
          >
            <div>
              <div>
                {t('followUp.due', { date: f.dueDate })}{' '}
                {f.doneAt === null ? (
                  <ToneTag tone="warn">{t('followUp.open')}</ToneTag>
                ) : (
                  <ToneTag tone="good">{t('followUp.done')}</ToneTag>
                )}
              </div>
              {f.note && <Typography.Text type="secondary">{f.note}</Typography.Text>}
              {f.doneAt !== null && (
                <div style={{ whiteSpace: 'pre-wrap' }}>
                  {formatTime(f.doneAt, timeZone, i18n.language)} · {f.result}
                </div>
              )}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
