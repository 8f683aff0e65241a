// Display helpers shared by the console screens: instants in head office's time zone
// (Asia/Shanghai, from the contract), category names from the shared default list.
import { DEFAULT_CATEGORIES } from '../../src-main/shared/enums';
import { CONSOLE_TIME_ZONE } from '../../src-headoffice/console/api-contract';
import { formatTime } from '../lib/format';

export const shTime = (ms: number | null | undefined, lang: string): string => formatTime(ms, CONSOLE_TIME_ZONE, lang);

/** The category's name in the UI language; an unknown (branch-configured) code is shown as is. */
export function categoryLabel(code: string | null | undefined, lang: string): string {
  if (!code) return '';
  const c = DEFAULT_CATEGORIES.find((x) => x.code === code);
  if (!c) return code;
  return lang === 'en' ? c.en : c.zh;
}

export const categoryOptions = (lang: string) =>
  DEFAULT_CATEGORIES.map((c) => ({ value: c.code as string, label: lang === 'en' ? c.en : c.zh }));

/** yyyy-mm-dd of today in head office's time zone (the default date of the summary). */
export const todaySh = (now = Date.now()): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: CONSOLE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
