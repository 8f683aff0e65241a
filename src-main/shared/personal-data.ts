// How personal data is masked (issue 20 §1), pure so main, head office and the screens mask alike:
// a phone as 138****5678, any other contact (WeChat id, e-mail…) keeping its first and last character.
import { maskPhone, normalizePhone } from './phone';

/** The fields a reveal or a print of personal data names in the access log. */
export const PERSONAL_FIELDS = ['customerPhone', 'customerOtherContact'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** Whether a value is already masked (has the mask's stars): masking it again changes nothing. */
export const isMasked = (v: string | null | undefined): boolean => typeof v === 'string' && v.includes('*');

/** A phone masked: 138****5678; a number that does not normalise is masked as other contact. */
export function maskedPhone(v: string | null): string | null {
  if (v === null || v === '' || isMasked(v)) return v;
  const n = normalizePhone(v);
  return n === null ? maskedContact(v) : maskPhone(n);
}

/** Other contact masked: first and last character kept, at most six stars between (a@b.cn → a****n). */
export function maskedContact(v: string | null): string | null {
  if (v === null || isMasked(v)) return v;
  const t = [...v.trim()];
  if (t.length === 0) return '';
  if (t.length <= 2) return '*'.repeat(t.length);
  return `${t[0]}${'*'.repeat(Math.min(t.length - 2, 6))}${t[t.length - 1]}`;
}

/** What a reveal answers: one case's or slip's values in full (null where none was given). */
export interface RevealedPersonalData {
  customerPhone: string | null;
  customerOtherContact: string | null;
}
