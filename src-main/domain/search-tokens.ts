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

// Hex of each code point seen, so a long document does not format the same character again and again.
const hexSeen = new Map<number, string>();
function hexOf(cp: number): string {
  let h = hexSeen.get(cp);
  if (h === undefined) {
    h = cp.toString(16);
    if (cp < 0x30000) hexSeen.set(cp, h);
  }
  return h;
}

/** The two FTS5 columns for a record's searchable fields; no bigram spans two fields. */
export function searchDocument(fields: readonly (string | null | undefined)[]): { uni: string; bi: string } {
  // Built in one pass per field (head office writes one per imported case): the same text as
  // joining uni(c) and bi(a, b) of Array.from(lowerAscii(field)).
  let unis = '';
  let bis = '';
  for (const field of fields) {
    if (!field) continue;
    let prev: string | null = null;
    for (const ch of field) {
      const cp = ch.codePointAt(0) as number;
      const h = hexOf(cp >= 65 && cp <= 90 ? cp + 32 : cp);
      unis += unis.length === 0 ? `u${h}` : ` u${h}`;
      if (prev !== null) bis += bis.length === 0 ? `u${prev}x${h}` : ` u${prev}x${h}`;
      prev = h;
    }
    bis += bis.length === 0 ? 'z' : ' z'; // field boundary: a phrase cannot run across it
  }
  return { uni: unis, bi: bis };
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

/**
 * The branch's search (migration 0017): one character in case_search_uni (unigrams, no positions),
 * longer queries as the bigram phrase in case_search (bigrams only). The same rows as searchMatch
 * on a table holding both columns.
 */
export function branchSearchQuery(query: string): { table: 'case_search' | 'case_search_uni'; match: string } | null {
  const chars = Array.from(lowerAscii(query));
  if (chars.length === 0) return null;
  if (chars.length === 1) return { table: 'case_search_uni', match: uni(chars[0]!) };
  const phrase: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) phrase.push(bi(chars[i]!, chars[i + 1]!));
  return { table: 'case_search', match: `"${phrase.join(' ')}"` };
}
