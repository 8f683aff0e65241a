// Head office's cross-branch matter notice on the branch's case (issue 22 §4): "the same matter is also
// handled at SH02 as SH02-YY-…", or that head office unlinked it (with its reason). Read only: head office
// links cases of different branches; this branch's case keeps its number, status and deadline.
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { useSession } from '../shell/session';

export function CrossBranchMatterNotice({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSession();
  const q = useQuery({
    queryKey: ['crossBranchMatter', caseId],
    queryFn: () => call('cases.crossBranchMatter', { caseId }),
  });
  const m = q.data;
  if (!m) return null;
  const at = formatTime(m.at, settings.timeZone, i18n.language);
  if (m.kind === 'unlinked')
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="cross-branch-matter"
        message={t('crossMatter.unlinked')}
        description={t('crossMatter.unlinkedBy', { who: m.reviewerName, at, reason: m.reason ?? '' })}
      />
    );
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="cross-branch-matter"
      message={t('crossMatter.title')}
      description={
        <>
          <div>{t('crossMatter.linked')}</div>
          <ul style={{ margin: '2px 0', paddingInlineStart: 20 }}>
            {m.others.map((o) => (
              <li key={`${o.branch}/${o.number}`} data-testid="cross-branch-other">
                {t('crossMatter.at', { branch: o.branch, number: o.number })}
              </li>
            ))}
          </ul>
          <div style={{ fontSize: 12 }}>{t('crossMatter.linkedBy', { who: m.reviewerName, at })}</div>
        </>
      }
    />
  );
}
