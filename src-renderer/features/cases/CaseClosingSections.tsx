// The record form's last groups on screen: 回访, 退换货单 (the slips linked to the case, from slips/),
// 批示 (head office's instructions), 审核 (the manager's review) and 建档.
import type { CaseView } from '../../../src-main/shared/types';
import { ToneTag } from '../../components/ToneTag';
import { CaseSlipsCard } from '../slips/CaseSlipsCard';
import type { CaseFormat } from './case-format';
import { LongText, Row, Section, Value } from './CaseFields';
import { FollowUpSection } from './FollowUpSection';
import { InstructionEntry } from './InstructionEntry';
import { instructionChains } from '../../../src-main/shared/instruction-versions';

interface Props {
  c: CaseView;
  f: CaseFormat;
  onFollowUpDone: (followUpId: string) => void;
}

export function CaseClosingSections({ c, f, onFollowUpDone }: Props) {
  const { t } = f;
  return (
    <>
      <FollowUpSection c={c} f={f} onFollowUpDone={onFollowUpDone} />
      <div data-group="slips">
        <CaseSlipsCard c={c} />
      </div>
      <Section id="instructions" title={t('caseScreen.group.instructions')}>
        {c.instructions.length === 0 && <Value>{null}</Value>}
        {instructionChains(c.instructions).map((x) => (
          <InstructionEntry key={x.original.id} chain={x} f={f} />
        ))}
      </Section>
      <Section id="review" title={t('caseScreen.group.review')}>
        <Row label={t('caseScreen.reviewText')}>
          <Value>{c.reviewText && <LongText text={c.reviewText} label={t('caseScreen.reviewText')} />}</Value>
        </Row>
        <Row label={t('caseScreen.reviewedBy')}>
          <Value>{c.reviewedAt !== null && `${f.name(c.reviewedBy) ?? ''} · ${f.time(c.reviewedAt) ?? ''}`}</Value>
        </Row>
      </Section>
      <Section id="filing" title={t('caseScreen.group.filing')}>
        <Row label={t('caseScreen.filedAt')}>
          <Value>{c.filedAt !== null && `${f.time(c.filedAt) ?? ''} · ${f.name(c.filedBy) ?? ''}`}</Value>
        </Row>
        {c.filingReason && (
          <Row label={t('followUp.filingReason')} testId="filing-reason">
            <ToneTag tone="warn">{t(`filingReason.${c.filingReason}`)}</ToneTag>
          </Row>
        )}
        {c.reopenCount > 0 && <Row label={t('caseScreen.reopenCount')}>{c.reopenCount}</Row>}
      </Section>
    </>
  );
}
