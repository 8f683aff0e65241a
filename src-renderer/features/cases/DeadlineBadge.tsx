// The deadline of a case: overdue, due today, later, or none.
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../src-main/shared/types';
import { ToneTag } from '../../components/ToneTag';
import { formatTime, localDate } from '../../lib/format';

export function DeadlineBadge({
  due,
  timeZone,
  now = Date.now(),
}: {
  due: CaseView['due'];
  timeZone: string;
  now?: number;
}) {
  const { t, i18n } = useTranslation();
  if (!due)
    return (
      <ToneTag tone="plain" testId="deadline">
        {t('caseView.noDue')}
      </ToneTag>
    );
  const at = formatTime(due.at, timeZone, i18n.language);
  if (due.overdue)
    return (
      <ToneTag tone="bad" testId="deadline">
        {t('caseView.overdue', { at })}
      </ToneTag>
    );
  if (localDate(due.at, timeZone) === localDate(now, timeZone))
    return (
      <ToneTag tone="warn" testId="deadline">
        {t('caseView.dueToday', { at })}
      </ToneTag>
    );
  return (
    <ToneTag tone="info" testId="deadline">
      {t('caseView.due', { at })}
    </ToneTag>
  );
}
