// The intake notice 可能是同一事项 (issue 22 §1), beside the repeat-complainant notice: as the clerk types the phone,
// name, receipt, items and content it asks main (cases.suggestMatches, debounced) for open and recent cases likely of
// the same matter, each with why. It only informs: the case is registered as usual and linked from the case screen.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../src-main/shared/ipc/contract';
import { normalizePhone } from '../../../src-main/shared/phone';
import { call } from '../../lib/api';
import { SuggestionLine } from './SuggestionLine';

export interface MatterTyped {
  phone: string;
  name: string;
  receiptNo: string;
  items: readonly { name: string; code: string }[];
  content: string;
}

/** How long typing must pause before main is asked. */
export const SUGGEST_DEBOUNCE_MS = 400;
/** Content shorter than this says nothing about a matter; it is not sent. */
const CONTENT_MIN = 6;

type Query = ChannelInput<'cases.suggestMatches'>;

/** What is worth asking about: a phone only once it is a whole number, items with a name or code, content long enough. */
export function matterQuery(t: MatterTyped): Query | null {
  const phone = normalizePhone(t.phone) ? t.phone.trim() : '';
  const name = t.name.trim();
  const receiptNo = t.receiptNo.trim();
  const content = t.content.trim().length >= CONTENT_MIN ? t.content.trim().slice(0, 5000) : '';
  const items = t.items
    .map((i) => ({ name: i.name.trim(), code: i.code.trim() }))
    .filter((i) => i.name || i.code)
    .slice(0, 50)
    .map((i) => ({ ...(i.name ? { name: i.name } : {}), ...(i.code ? { code: i.code } : {}) }));
  const q: Query = {
    ...(phone ? { phone } : {}),
    ...(name ? { name } : {}),
    ...(receiptNo ? { receiptNo } : {}),
    ...(items.length ? { items } : {}),
    ...(content ? { content } : {}),
  };
  return Object.keys(q).length > 0 ? q : null;
}

export function IntakeMatterNotice(typed: MatterTyped) {
  const { t } = useTranslation();
  const [query, setQuery] = useState<Query | null>(null);
  const next = matterQuery(typed);
  const key = JSON.stringify(next);
  // A pause after the last key so every keystroke does not become a query (re-armed only when the question changes).
  useEffect(() => {
    const h = window.setTimeout(() => setQuery(next), SUGGEST_DEBOUNCE_MS);
    return () => window.clearTimeout(h);
  }, [key]);
  // Cached per question: a late answer to older typing lands under its own key, never over the current one.
  const found = useQuery({
    queryKey: ['suggestMatches', query],
    enabled: query !== null,
    placeholderData: keepPreviousData,
    queryFn: () => call('cases.suggestMatches', query ?? {}),
  });
  const list = query ? (found.data ?? []) : [];
  if (list.length === 0) return null;
  return (
    <Alert
      role="status"
      data-testid="matter-notice"
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      message={t('links.intakeTitle')}
      description={
        <>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {list.map((s) => (
              <SuggestionLine key={s.caseId} s={s} />
            ))}
          </ul>
          <div style={{ marginTop: 4 }}>{t('links.intakeHint')}</div>
        </>
      }
    />
  );
}
