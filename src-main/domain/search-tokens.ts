// Search without a word segmenter (SPEC: 1–2 character Chinese queries must work). Each
// searchable text is indexed as unigram and bigram tokens; a query of n ≥ 2 characters is
// the phrase of its n−1 bigrams, which matches exactly where the query is a substring, and a
// single character matches its unigram. Characters are written as hex code points so that
// FTS5's tokenizer keeps every character (spaces, punctuation, emoji) and folds nothing.
// Only A–Z are lower-cased, which is exactly what SQLite's LIKE ignores.

const lowerAscii = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const hex = (ch: string): string => (ch.codePointAt(0) as number).toString(16);
const uni = (ch: string): string => `u${hex(ch)}`;
const bi = (a: string, b: string): string => `u${hex(a)}x${hex(b)}`;

/** The two FTS5 columns for a record's searchable fields; no bigram spans two fields. */
export function searchDocument(fields: readonly (string | null | undefined)[]): { uni: string; bi: string } {
  const unis: string[] = [];
  const bis: string[] = [];
  for (const field of fields) {
    if (!field) continue;
    const chars = Array.from(lowerAscii(field));
    for (const c of chars) unis.push(uni(c));
    for (let i = 0; i + 1 < chars.length; i++) bis.push(bi(chars[i]!, chars[i + 1]!));
    bis.push('z'); // field boundary: a phrase cannot run across it
  }
  return { uni: unis.join(' '), bi: bis.join(' ') };
}

/** The FTS5 MATCH expression equivalent to `LIKE '%query%'` on each field, or null for an empty query. */
export function searchMatch(query: string): string | null {
  const chars = Array.from(lowerAscii(query));
  if (chars.length === 0) return null;
  if (chars.length === 1) return `uni : ${uni(chars[0]!)}`;
  const phrase: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) phrase.push(bi(chars[i]!, chars[i + 1]!));
  return `bi : "${phrase.join(' ')}"`;
}
