// What the confirmation dialog of a case action says will happen: the status the case moves to
// (main computes it, see CaseView.actionTargets) and, for submission and filing, who receives it next.
import type { TFunction } from 'i18next';
import type { CaseView } from '../../../src-main/shared/types';
import { caseActionLabel } from './action-label';

export function actionNotice(
  t: TFunction,
  c: Pick<CaseView, 'actionTargets' | 'channel' | 'signOff'>,
  action: string,
): string | undefined {
  if (action === 'escalation_outcome') return t('caseScreen.outcomeOnce');
  if (action === 'feedback' && c.channel === 'government') return t('government.feedbackNote');
  if (action === 'feedback') return t('caseScreen.feedbackNote');
  if (action === 'resume') return t('caseScreen.resumeNote');
  const target = Object.entries(c.actionTargets).find(([a]) => a === action)?.[1];
  if (!target) return undefined;
  const moves = t('caseScreen.willMove', { action: caseActionLabel(t, c, action), status: t(`status.${target}`) });
  if (target === 'awaiting_instruction') return `${moves}${t('caseScreen.toHeadOffice')}`;
  if (target === 'awaiting_review')
    return `${moves}${t(c.channel === 'government' ? 'government.toManager' : 'caseScreen.toManager')}`;
  if (target === 'filed' && action === 'file_unreachable') return `${moves}${t('followUp.unreachableNote')}`;
  if (target === 'filed') return `${moves}${t('caseScreen.fileNote')}`;
  if (target === 'not_accepted') return `${moves}${t('acceptance.declineNote')}`;
  return moves;
}
