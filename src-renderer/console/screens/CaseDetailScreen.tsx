// One case, read only, as head office received it, with its full history and the 批示 form.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { caseRecordPdfPath } from '../../../src-headoffice/console/api-contract';
import { maskedPhone } from '../../../src-main/shared/personal-data';
import { ToneTag } from '../../components/ToneTag';
import { ErrorAlert } from './ErrorAlert';
import { RevealContact } from '../../features/personal-data/RevealContact';
import { consoleReveal } from '../console-reveal';
import { categoryLabel, shTime } from '../labels';
import { caseQuery } from '../queries';
import { backToList } from '../route';
import { CaseAcceptance } from './CaseAcceptance';
import { CaseAttachments } from './CaseAttachments';
import { CaseHistory } from './CaseHistory';
import { CaseDeadlines, CaseHandling, CasePurchase, DataAge } from './CaseFacts';
import { statusTone } from './CaseListScreen';
import { CaseQueueBar } from './CaseQueueBar';
import { CustomerCases } from './CustomerCases';
import { CaseMatters } from './CaseMatters';
import { InstructionForm } from './InstructionForm';
import { CaseReminders } from './CaseReminders';

export function CaseDetailScreen({ branch, id }: { branch: string; id: string }) {
  const { t, i18n } = useTranslation(['console', 'translation']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery(caseQuery(branch, id));
  const lang = i18n.language;
  const back = <Button onClick={backToList}>{t('detail.back')}</Button>;

  if (q.isPending) return <Spin />;
  if (q.error || !q.data) {
    return (
      <>
        {back}
        <ErrorAlert error={q.error} fallback={t('detail.notFound')} style={{ marginTop: 8 }} />
      </>
    );
  }
  const d = q.data;
  const c = d.case;
  const overdue = c.dueAt != null && c.dueAt < Date.now() && c.status !== 'filed';

  return (
    <>
      <Space align="center" wrap style={{ marginBottom: 8 }}>
        {back}
        <Button
          href={caseRecordPdfPath(branch, id, lang === 'en' ? 'en' : 'zh-CN')}
          target="_blank"
          title={t('detail.printRecordHint')}
          data-testid="print-record"
        >
          {t('detail.printRecord')}
        </Button>
        <Typography.Title level={1} className="screen-title" style={{ margin: 0 }}>
          {c.number}
        </Typography.Title>
        <ToneTag tone="plain">{d.branch}</ToneTag>
        <ToneTag tone={statusTone(c.status)} testId="status">
          {t(`translation:status.${c.status}`)}
        </ToneTag>
        {c.severity === 'major' && <ToneTag tone="bad">{t('translation:severity.major')}</ToneTag>}
        {c.filingReason && (
          <ToneTag tone="warn" testId="filing-reason">
            {t(`translation:filingReason.${c.filingReason}`)}
            {c.unreachableAttempts != null && ` · ${t('detail.unreachableAttempts', { n: c.unreachableAttempts })}`}
          </ToneTag>
        )}
        {c.dueAt != null && (
          <ToneTag tone={overdue ? 'bad' : 'info'} testId="deadline">
            {overdue
              ? `${t('list.overdue')} ${shTime(c.dueAt, lang)}`
              : `${t('detail.deadline')} ${shTime(c.dueAt, lang)}`}
          </ToneTag>
        )}
        <Typography.Text type="secondary">{t('detail.readOnly')}</Typography.Text>
        <DataAge d={d} />
      </Space>
      <div className="case-grid">
        <div>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label={t('detail.channel')}>{t(`translation:channel.${c.channel}`)}</Descriptions.Item>
              <Descriptions.Item label={t('detail.receivedAt')}>{shTime(c.receivedAt, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('detail.customer')}>
                {c.anonymous ? t('translation:caseView.anonymousCustomer') : (c.customerName ?? t('detail.none'))}
              </Descriptions.Item>
              <Descriptions.Item label={t('detail.phone')}>
                <RevealContact
                  target={{ caseId: id }}
                  reveal={consoleReveal(branch, id)}
                  state={d.personalData ?? { masked: true, mayReveal: false }}
                  values={{ customerPhone: maskedPhone(c.customerPhone ?? null), customerOtherContact: null }}
                >
                  {(v, button) => (
                    <span data-testid="console-phone">
                      {[v.customerPhone, v.customerOtherContact].filter(Boolean).join(' · ') || t('detail.none')}{' '}
                      {button}
                    </span>
                  )}
                </RevealContact>
              </Descriptions.Item>
              <Descriptions.Item label={t('detail.category')}>{categoryLabel(c.categoryCode, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('detail.severity')}>
                {c.severity ? t(`translation:severity.${c.severity}`) : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('detail.content')} span={2}>
                <span style={{ whiteSpace: 'pre-wrap' }} data-testid="content">
                  {c.content}
                </span>
              </Descriptions.Item>
              {c.expectedResolution && (
                <Descriptions.Item label={t('detail.expected')} span={2}>
                  {c.expectedResolution}
                </Descriptions.Item>
              )}
              {c.resolutionType && (
                <Descriptions.Item label={t('translation:caseView.resolution')} span={2}>
                  {t(`translation:resolution.${c.resolutionType}`)} · {c.resolutionSummary}
                </Descriptions.Item>
              )}
              {c.fedBackAt != null && (
                <Descriptions.Item label={t('translation:caseView.feedback')} span={2}>
                  {shTime(c.fedBackAt, lang)} {c.satisfaction ? t(`translation:satisfaction.${c.satisfaction}`) : ''}{' '}
                  {c.disputed ? t('translation:status.disputed') : ''}
                </Descriptions.Item>
              )}
              {c.channel === 'government' && (
                <>
                  {/* The forwarding body, its 来文编号, the written reply date and the body's answer (procedure 3). */}
                  <Descriptions.Item label={t('translation:caseScreen.govBody')} span={2}>
                    {[c.govBody ? t(`translation:govBody.${c.govBody}`) : '', c.govBodyName, c.govReferenceNo]
                      .filter(Boolean)
                      .join(' · ')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('translation:government.writtenReplyDate')}>
                    <span data-testid="written-reply-date">{c.writtenReplyDate ?? t('detail.none')}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('translation:government.bodyAnswer')}>
                    <span data-testid="body-answer">
                      {c.bodyAnswer ? t(`translation:bodyAnswer.${c.bodyAnswer}`) : t('detail.none')}
                      {c.bodyAnswerNote ? ` · ${c.bodyAnswerNote}` : ''}
                    </span>
                  </Descriptions.Item>
                </>
              )}
            </Descriptions>
          </Card>
          <CaseAcceptance c={c} />
          <CasePurchase d={d} />
          <CaseHandling d={d} />
          <CaseAttachments items={d.attachments} />
          <CaseDeadlines d={d} now={Date.now()} />
          <CaseQueueBar detail={d} />
          <Card
            size="small"
            title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('instruct.title')}</h2>}
            style={{ marginBottom: 12 }}
          >
            <InstructionForm
              branch={d.branch}
              caseId={c.id}
              given={d.instructions}
              onSent={() => {
                void message.success(t('instruct.sent'));
                void qc.invalidateQueries({ queryKey: caseQuery(branch, id).queryKey });
                // The list marks a case once it has a 批示: its pages are stale now.
                void qc.invalidateQueries({ queryKey: ['console', 'cases'] });
              }}
            />
          </Card>
          <CaseReminders
            detail={d}
            onSent={() => {
              void message.success(t('remind.sent'));
              void qc.invalidateQueries({ queryKey: caseQuery(branch, id).queryKey });
            }}
          />
        </div>
        <div>
          <CaseMatters branch={d.branch} id={c.id} />
          <CustomerCases history={d.customer} />
          <CaseHistory detail={d} />
        </div>
      </div>
    </>
  );
}
