// One typical case as new staff read it; its printable sheet (典型范例) opens in the app's
// print preview (print.render kind 'training'): printer and save in the desktop shell,
// download in the browser. The DTO from main holds no customer name, phone, contact or
// receipt number; its free text is the text the secretary approved, which the secretary may edit here.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../src-main/domain/permissions';
import { pick } from '../../i18n';
import { ApiError, call } from '../../lib/api';
import { formatTime, yuan } from '../../lib/format';
import { navigate } from '../../lib/router';
import { useSession } from '../shell/session';
import { TrainingApprovalEditor } from './TrainingApprovalEditor';

export function TrainingCaseView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { settings, user } = useSession();
  const [editing, setEditing] = useState(false);
  const q = useQuery({ queryKey: ['training.case', id], queryFn: () => call('training.get', { caseId: id }) });
  const time = (ms: number) => formatTime(ms, settings.timeZone, i18n.language);
  const en = i18n.language === 'en';

  if (q.isPending) return <Spin />;
  if (q.error || !q.data)
    return (
      <Alert type="error" showIcon message={q.error instanceof ApiError ? pick(q.error.messages) : t('common.error')} />
    );
  const c = q.data;
  if (editing) return <TrainingApprovalEditor caseId={c.id} onDone={() => setEditing(false)} />;

  return (
    <>
      <Space align="center" wrap style={{ marginBottom: 12 }}>
        <Button onClick={() => navigate('/training')}>{t('training.back')}</Button>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('training.nav')} {c.number}
        </Typography.Title>
        <Tag color="blue">{en ? c.categoryName.en : c.categoryName.zh}</Tag>
        <Button type="primary" onClick={() => navigate(`/print/training/${c.id}`)}>
          {t('training.print')}
        </Button>
        {can(user.role, 'training_approve') && (
          <Button onClick={() => setEditing(true)}>{t('trainingApproval.edit')}</Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary">
        {t('training.note')}
        <br />
        <span data-testid="training-approved-by">
          {t('trainingApproval.approvedBy', { name: c.approvedByName, at: time(c.approvedAt) })}
        </span>
      </Typography.Paragraph>
      <Card size="small" data-testid="training-case">
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('training.receivedAt')}>{time(c.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('training.channel')}>{t(`channel.${c.channel}`)}</Descriptions.Item>
          <Descriptions.Item label={t('training.severity')}>{t(`severity.${c.severity}`)}</Descriptions.Item>
          <Descriptions.Item label={t('training.complainedUnit')}>{c.complainedUnitName ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('training.handlingUnit')}>{c.handlingUnitName ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('training.amount')}>
            {c.purchaseAmountFen === null ? '' : `¥${yuan(c.purchaseAmountFen)}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.items')} span={2}>
            {c.purchaseItems.join(';')}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.content')} span={2}>
            {c.content ?? t('training.hidden')}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.expected')} span={2}>
            {c.content === null ? t('training.hidden') : (c.expectedResolution ?? '')}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
          {t('training.notes')}
        </Typography.Title>
        {c.notes.length === 0 ? (
          <Typography.Text type="secondary">{t('training.noNotes')}</Typography.Text>
        ) : (
          <Timeline items={c.notes.map((n) => ({ children: `${time(n.at)} ${n.text}` }))} />
        )}
        {c.escalations.length > 0 && (
          <>
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {t('training.escalations')}
            </Typography.Title>
            <Timeline
              items={c.escalations.map((e) => ({
                children: `${time(e.at)} ${t(`escalation.${e.kind}`)}:${e.note}${e.outcome ? ` → ${e.outcome}` : ''}`,
              }))}
            />
          </>
        )}
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('training.result')}
        </Typography.Title>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('training.resolution')}>
            {c.resolutionType ? t(`resolution.${c.resolutionType}`) : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.amount')}>
            {c.resolutionAmountFen === null ? '' : `¥${yuan(c.resolutionAmountFen)}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.resultSummary')} span={2}>
            {c.resolutionSummary ?? ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.satisfaction')}>
            {c.satisfaction ? t(`satisfaction.${c.satisfaction}`) : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.disputed')}>
            {t(c.disputed ? 'yesNo.yes' : 'yesNo.no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.cause')}>{c.cause ? t(`cause.${c.cause}`) : ''}</Descriptions.Item>
          <Descriptions.Item label={t('training.finding')}>
            {c.finding ? t(`finding.${c.finding}`) : ''}
          </Descriptions.Item>
          {c.instructions.length > 0 && (
            <Descriptions.Item label={t('training.instruction')} span={2}>
              {c.instructions.map((i) => `${time(i.at)} ${i.text}`).join('\n')}
            </Descriptions.Item>
          )}
          {c.reviewText && (
            <Descriptions.Item label={t('training.review')} span={2}>
              {c.reviewText}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
    </>
  );
}
