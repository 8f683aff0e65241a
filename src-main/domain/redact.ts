// Masks what identifies a customer in free text (training library, SPEC §3): the known
// name, phone, other contact, receipt number and government contact, the way staff write a
// name with its surname ("王女士"), and any phone-like run of seven or more digits.
const MASK = '＊＊＊';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A run of 7+ digits, optionally +86 and spaces or dashes inside (138 1234 5678, 021-6123-4567). */
const PHONE_LIKE = /(?:\+?86[\s-]?)?\d(?:[\s-]?\d){6,}/g;

/** Two-character surnames: staff write 欧阳女士 for 欧阳娜娜, so the whole surname goes before the title. */
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '钟离',
  '端木',
  '呼延',
  '南宫',
  '独孤',
  '万俟',
  '闻人',
  '澹台',
  '公冶',
  '濮阳',
  '太史',
  '申屠',
  '赫连',
  '西门',
  '单于',
];

/** The surname of a Chinese name: a known two-character surname, else the first character. */
export function surnameOf(name: string): string {
  return COMPOUND_SURNAMES.find((s) => name.startsWith(s) && name.length > s.length) ?? Array.from(name)[0] ?? name;
}

export interface Identifiers {
  names: (string | null | undefined)[];
  other: (string | null | undefined)[];
}

export function redactor(ids: Identifiers): (text: string | null | undefined) => string | null {
  const literal = [...ids.names, ...ids.other]
    .filter((s): s is string => typeof s === 'string' && s.trim().length >= 2)
    .map((s) => s.trim());
  // Longest first, so that a name is not half-masked by a shorter identifier inside it.
  literal.sort((a, b) => b.length - a.length);
  const surnames = [
    ...new Set(
      ids.names
        .filter((s): s is string => typeof s === 'string' && s.trim().length >= 2)
        .map((s) => surnameOf(s.trim())),
    ),
  ];
  // Longest first, so 欧阳女士 is masked whole rather than as 欧 + 阳女士.
  surnames.sort((a, b) => b.length - a.length);
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
