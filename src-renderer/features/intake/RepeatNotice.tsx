// The intake notice (SPEC §9, issue 18 §3): as the clerk types the phone, name or receipt number, it shows
// the repeat-complainant flag and the earlier cases and slips that match, each saying why and linking to it.
// It only informs — the complaint is registered like any other. Other branches' unfounded findings come from
// head office at the last sync (db/repositories/cross-branch-repo.ts) and count towards the flag.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeMatch } from '../../../src-main/shared/intake-match-types';
import { normalizePhone } from '../../../src-main/shared/phone';
import { call } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { useSession } from '../shell/session';

interface Typed {
  phone: string;
  name: string;
  receiptNo: string;
}

/** What is worth asking about: a phone only once it is a whole number, the rest trimmed. */
function settle(t: Typed): Typed {
  return { phone: normalizePhone(t.phone) ? t.phone.trim() : '', name: t.name.trim(), receiptNo: t.receiptNo.trim() };
}

const given = (t: Typed) => ({
  ...(t.phone ? { phone: t.phone } : {}),
  ...(t.name ? { name: t.name } : {}),
  ...(t.receiptNo ? { receiptNo: t.receiptNo } : {}),
});

function MatchLine({ m }: { m: IntakeMatch }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSession();
  const reasons = m.reasons.map((r) => t(`intake.matchReason.${r}`)).join(i18n.language === 'en' ? ', ' : '、');
  const nameOnly = m.reasons.length === 1 && m.reasons[0] === 'name';
  return (
    <li data-testid="intake-match">
      {/* Underlined: a link inside a line of text is not told apart by colour alone. */}
      <a href={m.kind === 'case' ? `#/case/${m.id}` : `#/slip/${m.id}`} style={{ textDecoration: 'underline' }}>
        {t(m.kind === 'case' ? 'intake.matchCase' : 'intake.matchSlip')} {m.number}
      </a>{' '}
      {t(m.kind === 'case' ? `status.${m.status}` : `slipStatus.${m.status}`)} ·{' '}
      {formatTime(m.at, settings.timeZone, i18n.language)}
      {m.customerName ? ` · ${m.customerName}` : ''} · <strong>{t('intake.matchBy', { reasons })}</strong>
      {nameOnly && <em style={{ marginLeft: 6 }}>({t('intake.nameOnly')})</em>}
    </li>
  );
}

/** Other branches' unfounded findings as head office said at the last sync (issue 18 §3); nothing when none. */
function OtherBranchesLine({ others }: { others: { unfounded: number; asOf: number } | null | undefined }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSession();
  if (!others || others.unfounded === 0) return null;
  return (
    <div data-testid="other-branches-unfounded">
      <strong>
        {t('crossBranch.intakeLine', {
          n: others.unfounded,
          time: formatTime(others.asOf, settings.timeZone, i18n.language),
        })}
      </strong>
    </div>
  );
}

export function RepeatNotice(typed: Typed) {
  const { t } = useTranslation();
  const [settled, setSettled] = useState<Typed>({ phone: '', name: '', receiptNo: '' });
  const { phone, name, receiptNo } = typed;
  // A short pause after the last key so every keystroke does not become a query.
  useEffect(() => {
    const h = window.setTimeout(() => setSettled(settle({ phone, name, receiptNo })), 250);
    return () => window.clearTimeout(h);
  }, [phone, name, receiptNo]);
  const input = given(settled);
  const any = Object.keys(input).length > 0;
  // Each answer is cached under the fields it was asked for: a late answer to older typing lands under
  // its own key and never replaces the answer shown for what is typed now.
  const check = useQuery({
    queryKey: ['intakeCheck', settled.phone, settled.name],
    enabled: any,
    queryFn: () => call('intake.check', given({ ...settled, receiptNo: '' })),
  });
  const matches = useQuery({
    queryKey: ['intakeMatches', input],
    enabled: any,
    placeholderData: keepPreviousData,
    queryFn: () => call('intake.matches', input),
  });
  const flagged = any && check.data?.flagged === true;
  const found = any ? (matches.data?.matches ?? []) : [];
  const others = any ? check.data?.otherBranches : null;
  if (!flagged && found.length === 0 && !others?.unfounded) return null;
  return (
    <Alert
      role="status"
      data-testid="repeat-notice"
      type={flagged ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 12 }}
      message={
        flagged ? (
          t('intake.repeatFlagged', { n: (check.data?.unfoundedLast12Months ?? 0) + (others?.unfounded ?? 0) })
        ) : found.length > 0 ? (
          t('intake.matchesTitle')
        ) : (
          <OtherBranchesLine others={others} />
        )
      }
      description={
        (flagged || found.length > 0) && (
          <>
            <OtherBranchesLine others={others} />
            {flagged && found.length > 0 && t('intake.matchesTitle')}
            {found.length > 0 && (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {found.map((m) => (
                  <MatchLine key={`${m.kind}:${m.id}`} m={m} />
                ))}
              </ul>
            )}
          </>
        )
      }
    />
  );
}
