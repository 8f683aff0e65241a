// What the confirmation dialog of a case action says will happen: the status the case moves to
// (main computes it, see CaseView.actionTargets) and, for submission and filing, who receives it next.
import type { TFunction } from 'i18next';
import type { CaseView } from '../../../src-main/shared/types';

export function actionNotice(t: TFunction, c: Pick<CaseView, 'actionTargets'>, action: string): string | undefined {
  if (action === 'escalation_outcome') return t('caseScreen.outcomeOnce');
  if (action === 'feedback') return t('caseScreen.feedbackNote');
  if (action === 'resume') return t('caseScreen.resumeNote');
  const target = Object.entries(c.actionTargets).find(([a]) => a === action)?.[1];
  if (!target) return undefined;
  const moves = t('caseScreen.willMove', { action: t(`action.${action}`), status: t(`status.${target}`) });
  if (target === 'awaiting_instruction') return `${moves}${t('caseScreen.toHeadOffice')}`;
  if (target === 'awaiting_review') return `${moves}${t('caseScreen.toManager')}`;
  if (target === 'filed') return `${moves}${t('caseScreen.fileNote')}`;
  return moves;
}
