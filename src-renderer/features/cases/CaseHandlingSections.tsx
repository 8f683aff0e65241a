// The record form's handling groups on screen: 处理 (unit, handler, result, extension), 承诺 (each
// promised reply, open / kept / missed, answerable), 升级 (kind, who, when, outcome — addable later), 反馈, 调查结论.
import { Button } from 'antd';
import type { CaseView } from '../../../src-main/shared/types';
import { OfferList } from '../../components/OfferList';
import type { CaseFormat } from './case-format';
import { LongText, Row, Section, Value } from './CaseFields';
import { GovernmentFeedbackRows } from './GovernmentFeedbackRows';
import { PromiseRows } from './PromiseRows';

interface Props {
  c: CaseView;
  f: CaseFormat;
  /** Set when this user may record an escalation's outcome. */
  onOutcome?: (escalationId: string) => void;
  /** Set when this user may answer the case's open promises. */
  onAnswerPromise?: (promiseId: string) => void;
}

export function CaseHandlingSections({ c, f, onOutcome, onAnswerPromise }: Props) {
  const { t } = f;
  return (
    <>
      <Section id="handling" title={t('caseScreen.group.handling')}>
        <Row label={t('caseView.handlingUnit')}>
          <Value>{f.name(c.handlingUnitId)}</Value>
        </Row>
        <Row label={t('caseScreen.assignee')}>
          <Value>{f.name(c.assigneeId ?? c.resolvedBy)}</Value>
        </Row>
        <Row label={t('caseScreen.resolutionType')}>
          <Value>
            {c.resolutionType && t(`resolution.${c.resolutionType}`)}
            {c.resolutionAmountFen !== null && ` · ${f.money(c.resolutionAmountFen)}`}
          </Value>
        </Row>
        <Row label={t('caseScreen.resolutionSummary')}>
          <Value>
            {c.resolutionSummary && <LongText text={c.resolutionSummary} label={t('caseView.resolution')} />}
          </Value>
        </Row>
        {c.resolutionOffer && (
          <Row label={t('offer.heading')} testId="resolution-offer">
            <OfferList offer={c.resolutionOffer} />
          </Row>
        )}
        <Row label={t('caseScreen.resolvedAt')}>
          <Value>{f.time(c.resolvedAt)}</Value>
        </Row>
        {c.extendedAt !== null && (
          <Row label={t('caseScreen.extension')}>
            {f.time(c.extendedAt)} · {c.extensionReason}
            {c.extensionConsent ? ` ${t('caseScreen.extensionConsent')}` : ''}
          </Row>
        )}
      </Section>
      <Section id="promises" title={t('caseScreen.group.promises')}>
        <PromiseRows c={c} f={f} onAnswer={onAnswerPromise} />
      </Section>
      <Section id="escalations" title={t('caseScreen.group.escalations')}>
        {c.escalations.length === 0 && <Value>{null}</Value>}
        {c.escalations.map((e) => (
          <Row key={e.id} label={t(`escalation.${e.kind}`)} testId={`escalation-${e.id}`}>
            <div>
              {t('caseScreen.escalatedBy')} {f.name(e.byUser)} · {f.time(e.at)}
            </div>
            <LongText text={e.note} label={t('caseScreen.escalationNote')} />
            <div>
              <strong>{t('caseScreen.outcome')}:</strong>{' '}
              {e.outcome !== null ? (
                <span style={{ whiteSpace: 'pre-wrap' }}>{e.outcome}</span>
              ) : (
                <>
                  <span style={{ color: '#6b7280' }}>{t('caseScreen.noOutcome')}</span>
                  {onOutcome && (
                    <Button
                      size="small"
                      style={{ marginInlineStart: 8 }}
                      data-action="escalation_outcome"
                      onClick={() => onOutcome(e.id)}
                    >
                      {t('caseScreen.addOutcome')}
                    </Button>
                  )}
                </>
              )}
            </div>
          </Row>
        ))}
      </Section>
      <Section id="feedback" title={t('caseScreen.group.feedback')}>
        <Row label={t('caseScreen.fedBackAt')}>
          <Value>{f.time(c.fedBackAt)}</Value>
        </Row>
        {c.firstFedBackAt !== null && c.firstFedBackAt !== c.fedBackAt && (
          <Row label={t('caseScreen.firstFedBackAt')}>{f.time(c.firstFedBackAt)}</Row>
        )}
        <Row label={t('caseScreen.satisfaction')}>
          <Value>{c.satisfaction && t(`satisfaction.${c.satisfaction}`)}</Value>
        </Row>
        {c.channel === 'government' ? (
          <GovernmentFeedbackRows c={c} f={f} />
        ) : (
          <Row label={t('caseScreen.disputed')}>
            <Value>{f.yesNo(c.disputed)}</Value>
          </Row>
        )}
      </Section>
      <Section id="finding" title={t('caseScreen.group.finding')}>
        <Row label={t('caseScreen.cause')}>
          <Value>{c.cause && t(`cause.${c.cause}`)}</Value>
        </Row>
        <Row label={t('caseScreen.finding')}>
          <Value>
            {c.finding && t(`finding.${c.finding}`)}
            {c.findingAt !== null && ` · ${f.time(c.findingAt)}`}
          </Value>
        </Row>
        <Row label={t('caseScreen.typical')}>{f.yesNo(c.typical)}</Row>
      </Section>
    </>
  );
}
