// Masks what identifies a customer in free text (training library, SPEC §3): the known
// name, phone, other contact, receipt number and government contact, the way staff write a
// name with its surname ("王女士"), and any phone-like run of seven or more digits.
const MASK = '＊＊＊';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A run of 7+ digits, optionally +86 and spaces or dashes inside (138 1234 5678, 021-6123-4567). */
const PHONE_LIKE = /(?:\+?86[\s-]?)?\d(?:[\s-]?\d){6,}/g;

export interface Identifiers {
  names: (string | null | undefined)[];
  other: (string | null | undefined)[];
}

export function redactor(ids: Identifiers): (text: string | null | undefined) => string | null {
  const literal = [...ids.names, ...ids.other].filter((s): s is string => typeof s === 'string' && s.trim().length >= 2).map((s) => s.trim());
  // Longest first, so that a name is not half-masked by a shorter identifier inside it.
  literal.sort((a, b) => b.length - a.length);
  const surnames = [...new Set(ids.names.filter((s): s is string => typeof s === 'string' && s.trim().length >= 2).map((s) => Array.from(s.trim())[0] as string))];
  const patterns = [
    ...literal.map(escape),
    ...(surnames.length ? [`(?:${surnames.map(escape).join('|')})(?:先生|女士|小姐|师傅|阿姨|老师)`] : []),
  ];
  const known = patterns.length ? new RegExp(patterns.join('|'), 'g') : null;
  return (text) => {
    if (text === null || text === undefined) return null;
    let out = known ? text.replace(known, MASK) : text;
    out = out.replace(PHONE_LIKE, MASK);
    return out;
  };
}
