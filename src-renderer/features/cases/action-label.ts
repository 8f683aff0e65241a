// An action's words on a given case: a government case's feedback is the reply to the body (答复部门),
// and a submission that goes to the manager rather than head office says so (呈领导审核).
import type { TFunction } from 'i18next';
import type { CaseView } from '../../../src-main/shared/types';

export function caseActionLabel(t: TFunction, c: Pick<CaseView, 'channel' | 'signOff'>, action: string): string {
  if (action === 'submit' && c.signOff === 'manager') return t('government.submitReview');
  if (action === 'feedback' && c.channel === 'government') return t('government.feedback');
  return t(`action.${action}`);
}
