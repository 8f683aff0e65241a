// One suggested case of the same matter (cases.suggestMatches), as the intake notice and the case's section list it:
// its number as a link, status, channel, when received, and why it was suggested (the reasons in main's order).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchSuggestion } from '../../../src-main/shared/case-links';
import { formatTime } from '../../lib/format';
import { useSession } from '../shell/session';

export function useReasonWords() {
  const { t, i18n } = useTranslation();
  return (reasons: readonly string[]) =>
    reasons.map((r) => t(`links.reason.${r}`)).join(i18n.language === 'en' ? ', ' : '、');
}

export function SuggestionLine({ s, extra }: { s: MatchSuggestion; extra?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSession();
  const words = useReasonWords();
  return (
    <li data-testid="matter-suggestion" data-case={s.number} style={{ marginBottom: 4 }}>
      {/* Underlined: a link inside a line of text is not told apart by colour alone. */}
      <a href={`#/case/${s.caseId}`} style={{ textDecoration: 'underline' }}>
        {t('links.caseNo', { number: s.number })}
      </a>{' '}
      {t(`status.${s.status}`)} · {t(`channel.${s.channel}`)} ·{' '}
      {t('links.received', { at: formatTime(s.receivedAt, settings.timeZone, i18n.language) })} ·{' '}
      <strong>{t('links.why', { reasons: words(s.reasons) })}</strong>
      {s.sameMatter && <em style={{ marginLeft: 6 }}>({t('links.sameMatter')})</em>}
      {extra}
    </li>
  );
}
