// The deadline of a case: overdue, due today, later, or none; and, when the working calendar moved it, why.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../src-main/shared/types';
import { ToneTag } from '../../components/ToneTag';
import { pick } from '../../i18n';
import { formatTime, localDate } from '../../lib/format';

/** Why the calendar moved the limit (issue 21 §2), small beside the badge. */
function Why({ due }: { due: NonNullable<CaseView['due']> }) {
  return due.why ? (
    <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 8 }} data-testid="deadline-why">
      {pick(due.why)}
    </Typography.Text>
  ) : null;
}

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
      <>
        <ToneTag tone="bad" testId="deadline">
          {t('caseView.overdue', { at })}
        </ToneTag>
        <Why due={due} />
      </>
    );
  if (localDate(due.at, timeZone) === localDate(now, timeZone))
    return (
      <>
        <ToneTag tone="warn" testId="deadline">
          {t('caseView.dueToday', { at })}
        </ToneTag>
        <Why due={due} />
      </>
    );
  return (
    <>
      <ToneTag tone="info" testId="deadline">
        {t('caseView.due', { at })}
      </ToneTag>
      <Why due={due} />
    </>
  );
}
