// The secretary's queue of typical cases whose training text waits for approval, then those sent
// back (issue 17 §6); a row opens the editor in place. Also the count on the queue tab's badge.
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ToneTag } from '../../components/ToneTag';
import { pick } from '../../i18n';
import { ApiError, call } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { useSession } from '../shell/session';
import { TrainingApprovalEditor } from './TrainingApprovalEditor';

export const useTrainingQueue = () =>
  useQuery({ queryKey: ['training.queue'], queryFn: () => call('training.queue', {}) });

/** The tab's label: the words and the number of cases waiting (sent-back ones are not counted). */
export function TrainingQueueTabLabel() {
  const { t } = useTranslation();
  const queue = useTrainingQueue();
  const waiting = (queue.data ?? []).filter((r) => r.status === 'pending').length;
  return (
    <Space size={6}>
      <span>{t('trainingApproval.queueTab')}</span>
      <Badge count={waiting} data-testid="training-queue-count" />
    </Space>
  );
}

export function TrainingQueue() {
  const { t, i18n } = useTranslation();
  const { settings } = useSession();
  const queue = useTrainingQueue();
  const [open, setOpen] = useState<string | null>(null);
  const en = i18n.language === 'en';

  if (open) return <TrainingApprovalEditor caseId={open} onDone={() => setOpen(null)} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('trainingApproval.queueNote')}</Typography.Paragraph>
      {queue.error && (
        <Alert
          type="error"
          showIcon
          message={queue.error instanceof ApiError ? pick(queue.error.messages) : t('common.error')}
        />
      )}
      <List
        loading={queue.isPending}
        dataSource={queue.data ?? []}
        locale={{ emptyText: <Empty description={t('trainingApproval.queueEmpty')} /> }}
        data-testid="training-queue"
        renderItem={(r) => (
          <List.Item key={r.caseId}>
            <Card
              size="small"
              style={{ width: '100%' }}
              styles={{ body: r.returnReason ? {} : { display: 'none' } }}
              title={
                <Space wrap>
                  <span>{r.number}</span>
                  <Tag color="blue">{en ? r.categoryName.en : r.categoryName.zh}</Tag>
                  <ToneTag tone={r.status === 'pending' ? 'info' : 'warn'}>{t(`trainingApproval.${r.status}`)}</ToneTag>
                </Space>
              }
              extra={
                <Space>
                  <Typography.Text type="secondary">
                    {formatTime(r.receivedAt, settings.timeZone, i18n.language)}
                  </Typography.Text>
                  <Button type="primary" size="small" onClick={() => setOpen(r.caseId)}>
                    {t('trainingApproval.review')}
                  </Button>
                </Space>
              }
            >
              {r.returnReason && (
                <Typography.Text type="warning">
                  {t('trainingApproval.returnedReason', { reason: r.returnReason })}
                </Typography.Text>
              )}
            </Card>
          </List.Item>
        )}
      />
    </>
  );
}
