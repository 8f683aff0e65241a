// Case detail: everything recorded, grouped as the record form is (受理 … 建档), the deadline
// badge, the timeline and the case's own history; the actions this user may take, and those
// blocked with the reason (main computes both); each dialog says what the action will do.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Spin, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../src-main/domain/permissions';
import { isLinkEvent, linkEventLabel } from '../../../src-main/shared/case-links';
import { timelineWords } from '../../../src-main/shared/event-label';
import type { CaseView } from '../../../src-main/shared/types';
import type { ResolutionWarning } from '../../../src-main/shared/resolution-warnings';
import { ToneTag } from '../../components/ToneTag';
import { pick } from '../../i18n';
import { ApiError, call } from '../../lib/api';
import { navigate } from '../../lib/router';
import { useCategories, useSession, useUnits } from '../shell/session';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { CaseGuidance } from '../guidance/CaseGuidance';
import { CaseMatterSection } from '../links/CaseMatterSection';
import { CarriedDeadlines, MergedBanner } from '../links/MergedBanner';
import { MergedFromSection } from '../links/MergedFromSection';
import { ActionDialog } from './ActionDialog';
import { caseActionLabel } from './action-label';
import { actionNotice } from './action-notice';
import { caseFormat } from './case-format';
import { CaseActions } from './CaseActions';
import { CaseClosingSections } from './CaseClosingSections';
import { CaseHandlingSections } from './CaseHandlingSections';
import { CaseHistoryCard } from './CaseHistoryCard';
import { CaseIntakeSections } from './CaseIntakeSections';
import { CaseReminderCard } from './CaseReminderCard';
import { ComplainantSignsCard } from './ComplainantSignsCard';
import { CrossBranchMatterNotice } from './CrossBranchMatterNotice';
import { CorrectiveActionsSection } from './CorrectiveActionsSection';
import { DeadlineBadge } from './DeadlineBadge';
import { promiseAnswerNotice } from './PromiseRows';

export function CaseDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const { settings, user } = useSession();
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
  const f = caseFormat(t, c, units.data, tz, i18n.language);
  const cat = categories.data?.find((x) => x.code === c.categoryCode);
  const categoryName = cat ? (i18n.language === 'en' ? cat.nameEn : cat.nameZh) : c.categoryCode;
  const mayOutcome = can(user.role, 'escalate') && c.status !== 'filed';
  const words = timelineWords(c);

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
        <CarriedDeadlines c={c} />
      </Space>
      <MergedBanner c={c} />
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(280px, 1fr)', gap: 16 }}>
        <div style={{ minWidth: 0 }}>
          <CaseIntakeSections c={c} f={f} categoryName={categoryName} />
          <CaseHandlingSections
            c={c}
            f={f}
            onOutcome={
              mayOutcome
                ? (escalationId) => setAction({ name: 'escalation_outcome', targetId: escalationId })
                : undefined
            }
            onAnswerPromise={
              c.allowedActions.includes('answer_promise')
                ? (promiseId) => setAction({ name: 'answer_promise', targetId: promiseId })
                : undefined
            }
          />
          <CaseClosingSections
            c={c}
            f={f}
            onFollowUpDone={(followUpId) => setAction({ name: 'follow_up_done', targetId: followUpId })}
          />
          <CorrectiveActionsSection c={c} f={f} />
          <MergedFromSection c={c} />
          <AttachmentsPanel owner={{ type: 'case', id: c.id }} />
        </div>
        <div style={{ minWidth: 0 }}>
          <CaseActions c={c} onAction={(a) => setAction({ name: a, targetId: c.id })} />
          <CaseMatterSection c={c} />
          {/* Head office's word that the matter is also handled at another branch, beside the branch's own links. */}
          <CrossBranchMatterNotice caseId={c.id} />
          <CaseGuidance c={c} />
          <CaseReminderCard caseId={c.id} />
          <ComplainantSignsCard c={c} f={f} />
          {c.customerCases.length > 0 && (
            <Card
              size="small"
              title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('caseView.earlierCases')}</h2>}
              style={{ marginBottom: 16 }}
            >
              {c.customerCases.map((o) => (
                <div key={o.id}>
                  <a href={`#/case/${o.id}`}>{o.number}</a> {t(`status.${o.status}`)}{' '}
                  {o.finding ? t(`finding.${o.finding}`) : ''}
                </div>
              ))}
            </Card>
          )}
          <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('caseView.timeline')}</h2>}>
            <Timeline
              items={c.events.map((e, i) => ({
                key: e.id,
                children: (
                  <>
                    <strong>
                      {e.kind === 'escalate' && e.data?.escalationId
                        ? t('action.escalation_outcome')
                        : isLinkEvent(e.kind)
                          ? pick(linkEventLabel(e.kind, e.data))
                          : t(`event.${words[i] ?? e.kind}`, { defaultValue: e.kind })}
                    </strong>{' '}
                    · {e.actorName} · {f.time(e.at)}
                    {e.text && <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{e.text}</div>}
                  </>
                ),
              }))}
            />
          </Card>
          <CaseHistoryCard caseId={c.id} contentHidden={c.contentHidden} f={f} />
        </div>
      </div>
      {action && (
        <ActionDialog
          action={action.name}
          targetId={action.targetId}
          caseId={c.id}
          caseChannel={c.channel}
          caseView={c}
          notice={
            action.name === 'answer_promise'
              ? promiseAnswerNotice(
                  t,
                  f,
                  c.promises.find((p) => p.id === action.targetId),
                )
              : actionNotice(t, c, action.name)
          }
          title={caseActionLabel(t, c, action.name)}
          onClose={(answer) => {
            if (answer) {
              const value = answer as CaseView | { case: CaseView } | (CaseView & { warnings: ResolutionWarning[] });
              qc.setQueryData(['case', id], 'case' in value ? value.case : value);
              void qc.invalidateQueries({ queryKey: ['caseHistory', id] });
              void message.success(t('action.done', { action: caseActionLabel(t, c, action.name) }));
              // A warning returned with the save (cases.resolve: open the slip) stays until acknowledged.
              for (const w of 'warnings' in value ? value.warnings : [])
                modal.warning({ title: pick(w.message), className: 'save-warning' });
            }
            setAction(null);
          }}
        />
      )}
    </>
  );
}
