// Case detail: the facts, the deadline badge, the timeline, and only the actions this user
// may take in this status (main computes allowedActions; the UI shows exactly those).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Space, Spin, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ToneTag } from '../../components/ToneTag';
import { pick } from '../../i18n';
import { ApiError, call } from '../../lib/api';
import { formatTime, yuan } from '../../lib/format';
import { navigate } from '../../lib/router';
import { useCategories, useSession, useUnits } from '../shell/session';
import { ActionDialog } from './ActionDialog';
import { CASE_ACTIONS } from './action-specs';
import { CaseSlipsCard } from '../slips/CaseSlipsCard';
import { FollowUpsCard } from './FollowUpsCard';
import { DeadlineBadge } from './DeadlineBadge';
import type { CaseView } from '../../../src-main/shared/types';

export function CaseDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { settings } = useSession();
  const units = useUnits();
  const categories = useCategories();
  const q = useQuery({ queryKey: ['case', id], queryFn: () => call('cases.get', { caseId: id }) });
  const qc = useQueryClient();
  const [action, setAction] = useState<{ name: string; targetId: string } | null>(null);

  if (q.isPending) return <Spin />;
  if (q.error)
    return (
      <Alert type="error" showIcon message={q.error instanceof ApiError ? pick(q.error.messages) : t('common.error')} />
    );
  const c = q.data;
  const tz = settings.timeZone;
  const time = (ms: number | null) => (ms ? formatTime(ms, tz, i18n.language) : t('common.none'));
  const unitName = (u: string | null) => units.data?.find((x) => x.id === u)?.name ?? t('common.none');
  const cat = categories.data?.find((x) => x.code === c.categoryCode);
  const actions = c.allowedActions.filter((a) => a === 'print' || CASE_ACTIONS.includes(a));

  return (
    <>
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        <Button onClick={() => navigate('/')}>{t('caseView.back')}</Button>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {c.number}
        </Typography.Title>
        <ToneTag tone={c.status === 'disputed' ? 'bad' : 'info'} testId="status">
          {t(`status.${c.status}`)}
        </ToneTag>
        {c.severity === 'major' && <ToneTag tone="bad">{t('severity.major')}</ToneTag>}
        <DeadlineBadge due={c.due} timeZone={tz} />
      </Space>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(280px, 1fr)', gap: 16 }}>
        <div>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label={t('intake.channelLabel')}>{t(`channel.${c.channel}`)}</Descriptions.Item>
              <Descriptions.Item label={t('caseView.receivedAt')}>{time(c.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('caseView.customer')}>
                {c.anonymous ? t('caseView.anonymousCustomer') : (c.customerName ?? t('common.none'))}
              </Descriptions.Item>
              <Descriptions.Item label={t('caseView.phone')}>{c.customerPhone ?? t('common.none')}</Descriptions.Item>
              <Descriptions.Item label={t('caseView.category')}>
                {cat ? (i18n.language === 'en' ? cat.nameEn : cat.nameZh) : c.categoryCode}
              </Descriptions.Item>
              <Descriptions.Item label={t('caseView.handlingUnit')}>{unitName(c.handlingUnitId)}</Descriptions.Item>
              {c.govReferenceNo && (
                <Descriptions.Item label={t('caseView.govRef')} span={2}>
                  {c.govBody ? t(`govBody.${c.govBody}`) : ''} {c.govReferenceNo}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('caseView.content')} span={2}>
                {c.contentHidden ? (
                  <Typography.Text type="secondary">{t('caseView.hidden')}</Typography.Text>
                ) : (
                  <span style={{ whiteSpace: 'pre-wrap' }}>{c.content}</span>
                )}
              </Descriptions.Item>
              {c.expectedResolution && (
                <Descriptions.Item label={t('caseView.expected')} span={2}>
                  {c.expectedResolution}
                </Descriptions.Item>
              )}
              {c.resolutionType && (
                <Descriptions.Item label={t('caseView.resolution')} span={2}>
                  {t(`resolution.${c.resolutionType}`)} · {c.resolutionSummary}
                  {c.resolutionAmountFen !== null ? ` · ${t('common.yuan', { v: yuan(c.resolutionAmountFen) })}` : ''}
                </Descriptions.Item>
              )}
              {c.fedBackAt && (
                <Descriptions.Item label={t('caseView.feedback')} span={2}>
                  {time(c.fedBackAt)} {c.satisfaction ? t(`satisfaction.${c.satisfaction}`) : ''}{' '}
                  {c.disputed ? t('status.disputed') : ''}
                </Descriptions.Item>
              )}
              {c.slipNumbers.length > 0 && (
                <Descriptions.Item label={t('caseView.slips')} span={2}>
                  {c.slipNumbers.join(', ')}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('caseView.timeline')}</h2>}>
            <Timeline
              items={c.events.map((e) => ({
                key: e.id,
                children: (
                  <>
                    <strong>{t(`event.${e.kind}`, { defaultValue: e.kind })}</strong> · {e.actorName} · {time(e.at)}
                    {e.text && <div style={{ whiteSpace: 'pre-wrap' }}>{e.text}</div>}
                  </>
                ),
              }))}
            />
          </Card>
        </div>
        <div>
          <Card
            size="small"
            title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('caseView.actions')}</h2>}
            style={{ marginBottom: 16 }}
          >
            {actions.length === 0 && <Typography.Text type="secondary">{t('caseView.noActions')}</Typography.Text>}
            <Space wrap>
              {actions.map((a) => (
                <Button
                  key={a}
                  data-action={a}
                  type={a === actions[0] ? 'primary' : 'default'}
                  onClick={() =>
                    a === 'print' ? navigate(`/print/case_record/${c.id}`) : setAction({ name: a, targetId: c.id })
                  }
                >
                  {t(`action.${a}`)}
                </Button>
              ))}
              <Button onClick={() => navigate(`/slip/new?caseId=${c.id}`)}>{t('caseView.newSlip')}</Button>
            </Space>
          </Card>
          <CaseSlipsCard c={c} />
          {c.followUps.length > 0 && (
            <FollowUpsCard
              followUps={c.followUps}
              timeZone={tz}
              onComplete={(id) => setAction({ name: 'follow_up_done', targetId: id })}
            />
          )}
          {c.customerCases.length > 0 && (
            <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('caseView.earlierCases')}</h2>}>
              {c.customerCases.map((o) => (
                <div key={o.id}>
                  <a href={`#/case/${o.id}`}>{o.number}</a> {t(`status.${o.status}`)}{' '}
                  {o.finding ? t(`finding.${o.finding}`) : ''}
                </div>
              ))}
            </Card>
          )}
        </div>
      </div>
      {action && (
        <ActionDialog
          action={action.name}
          targetId={action.targetId}
          onClose={(answer) => {
            if (answer) {
              const value = answer as CaseView | { case: CaseView };
              qc.setQueryData(['case', id], 'case' in value ? value.case : value);
              void message.success(t('action.done', { action: t(`action.${action.name}`) }));
            }
            setAction(null);
          }}
        />
      )}
    </>
  );
}
