// Display formatting. Instants are epoch ms UTC; they are shown in the branch's time zone
// (a setting), not the PC's, so every till agrees on what "today" is.
import { parseMoney } from '../../src-main/shared/money-input';

// Building an Intl.DateTimeFormat costs far more than formatting with one; a scrolling list
// formats dozens of times a frame, so formatters are kept per language and zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    const date = { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' } as const;
    f = new Intl.DateTimeFormat(
      locale,
      withTime ? { ...date, hour: '2-digit', minute: '2-digit', hour12: false } : date,
    );
    formatters.set(key, f);
  }
  return f;
}

export function formatTime(ms: number | null | undefined, timeZone: string, lang: string): string {
  if (ms === null || ms === undefined) return '';
  return formatter(lang === 'en' ? 'en-GB' : 'zh-CN', timeZone, true).format(ms);
}

/** yyyy-mm-dd of an instant in the given zone. */
export function localDate(ms: number, timeZone: string): string {
  return formatter('en-CA', timeZone, false).format(ms);
}

/** Fen → "12.50" (the domain's one money formatter). */
export { yuanFigure as yuan } from '../../src-main/domain/slips';

/** "12.5" → 1250 fen; undefined for empty or malformed input (the schema then names the field). */
export function toFen(text: string): number | undefined {
  // The one parser of typed amounts (full-width digits, ¥, 1,200), as main's schemas use it.
  const r = parseMoney(text);
  return r.ok ? r.fen : undefined;
}
