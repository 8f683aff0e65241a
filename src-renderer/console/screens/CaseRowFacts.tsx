// A list row's days waiting (a 待批示 row: since sent for instruction, else since received) and
// whether it was answered late, and by which deadline.
import { useTranslation } from 'react-i18next';
import type { CaseListRow } from '../../../src-headoffice/console/api-contract';
import { ToneTag } from '../../components/ToneTag';

export function RowWaiting({ r }: { r: CaseListRow }) {
  const { t } = useTranslation('console');
  if (r.status !== 'awaiting_instruction' || r.daysWaiting === undefined) return null;
  return (
    <span title={t('list.daysWaitingTitle', { n: r.daysWaiting })} data-testid="row-waiting">
      <ToneTag tone={r.daysWaiting >= 3 ? 'warn' : 'plain'}>
        {`${t('list.waiting')} ${t('list.daysWaiting', { n: r.daysWaiting })}`}
      </ToneTag>
    </span>
  );
}

export function RowLate({ r }: { r: CaseListRow }) {
  const { t } = useTranslation('console');
  if (!r.lateBy) return null;
  return (
    <ToneTag tone="warn" testId="row-late">
      {t('list.lateBy', { which: t(`filters.overdueKinds.${r.lateBy}`) })}
    </ToneTag>
  );
}

/** "已逾期" with the deadline that passed, when head office says which. */
export function useOverdueWord(): (r: CaseListRow) => string {
  const { t } = useTranslation('console');
  return (r) =>
    r.overdueBy ? t('list.overdueBy', { which: t(`filters.overdueKinds.${r.overdueBy}`) }) : t('list.overdue');
}

/** Issue 22: 已关联 (the branch's matter or head office's cross-branch one) and 重复 (merged at the branch). */
export function RowMatter({ r }: { r: CaseListRow }) {
  const { t } = useTranslation('console');
  return (
    <>
      {r.mergedInto && (
        <ToneTag tone="plain" testId="row-merged">
          {t('matters.duplicate')}
        </ToneTag>
      )}
      {(r.matterId || r.crossBranchMatter) && (
        <ToneTag tone="info" testId="row-matter">
          {r.crossBranchMatter ? t('matters.listCross') : t('matters.listLinked')}
        </ToneTag>
      )}
    </>
  );
}
