// Phone normalisation (SPEC §9: repeat complainants are matched by normalised phone).
// Pure so that the renderer can run the same check while the clerk types.

/**
 * Normalises a Chinese phone number: strips spaces, dashes, brackets and dots; drops the
 * +86 / 0086 country prefix; keeps a leading 0 of a landline area code. Returns null when
 * what is left is not 5–15 digits (service numbers like 12315 have 5).
 */
export function normalizePhone(raw: string): string | null {
  let s = raw.trim().replace(/[\s\-().\u3000\uff08\uff09\u2014\u2013]/g, '');
  s = s.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.startsWith('0086')) s = s.slice(4);
  if (!/^\d{5,15}$/.test(s)) return null;
  return s;
}

/** The last four digits, used for the counter's quick search. */
export const phoneLast4 = (normalized: string): string => normalized.slice(-4);

/** Masks all but the first three and the last four digits: 138****5678. */
export function maskPhone(normalized: string): string {
  if (normalized.length <= 7) return normalized.replace(/\d(?=\d{2})/g, '*');
  return normalized.slice(0, 3) + '*'.repeat(normalized.length - 7) + normalized.slice(-4);
}
