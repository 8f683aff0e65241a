// One 批示 on the case screen with its newest version: a corrected one shows the corrected text
// with 已更正 and the reason, a withdrawn one its text struck through with 已撤回 and the reason.
import type { CaseInstruction } from '../../../src-main/shared/types';
import type { InstructionChain } from '../../../src-main/shared/instruction-versions';
import { ToneTag } from '../../components/ToneTag';
import type { CaseFormat } from './case-format';
import { LongText, Row } from './CaseFields';

export function InstructionEntry({ chain, f }: { chain: InstructionChain<CaseInstruction>; f: CaseFormat }) {
  const { t } = f;
  const { original, latest, state } = chain;
  const label = t('caseScreen.group.instructions');
  return (
    <Row label={f.time(original.instructedAt) ?? ''} testId={`instruction-${original.id}`}>
      <div>
        {t('caseScreen.instructedBy')} {original.reviewerName}
      </div>
      {state === 'withdrawn' ? (
        <div style={{ textDecoration: 'line-through', color: '#6b7280' }} data-testid="instruction-struck">
          <LongText text={chain.text} label={label} />
        </div>
      ) : (
        <LongText text={chain.text} label={label} />
      )}
      {state !== 'current' && (
        <div data-testid={`instruction-${state}`} style={{ marginTop: 4 }}>
          <ToneTag tone={state === 'withdrawn' ? 'bad' : 'warn'}>
            {t(state === 'withdrawn' ? 'caseScreen.instructionWithdrawn' : 'caseScreen.instructionCorrected')}
          </ToneTag>
          <span>
            {t('caseScreen.instructionReason')}
            {latest.reason ?? ''}
          </span>
          <div className="muted" style={{ fontSize: 12 }}>
            {latest.reviewerName} · {f.time(latest.instructedAt) ?? ''}
          </div>
        </div>
      )}
    </Row>
  );
}
