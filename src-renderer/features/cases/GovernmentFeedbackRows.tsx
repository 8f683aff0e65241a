// The 反馈 group of a government body's case: the written reply date (the first one too when a later
// reply followed), the body's answer (无异议 / 有异议) and its note — the customer's dispute flag does not apply.
import type { CaseView } from '../../../src-main/shared/types';
import { ToneTag } from '../../components/ToneTag';
import type { CaseFormat } from './case-format';
import { LongText, Row, Value } from './CaseFields';

export function GovernmentFeedbackRows({ c, f }: { c: CaseView; f: CaseFormat }) {
  const { t } = f;
  return (
    <>
      <Row label={t('government.writtenReplyDate')} testId="written-reply-date">
        <Value>{c.writtenReplyDate}</Value>
      </Row>
      {c.firstWrittenReplyDate !== null && c.firstWrittenReplyDate !== c.writtenReplyDate && (
        <Row label={t('government.firstWrittenReplyDate')}>{c.firstWrittenReplyDate}</Row>
      )}
      <Row label={t('government.bodyAnswer')} testId="body-answer">
        <Value>
          {c.bodyAnswer && (
            <ToneTag tone={c.bodyAnswer === 'objection' ? 'bad' : 'good'}>{t(`bodyAnswer.${c.bodyAnswer}`)}</ToneTag>
          )}
        </Value>
      </Row>
      {c.bodyAnswerNote && (
        <Row label={t('government.bodyAnswerNote')}>
          <LongText text={c.bodyAnswerNote} label={t('government.bodyAnswerNote')} />
        </Row>
      )}
    </>
  );
}
