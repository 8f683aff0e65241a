// Masks what identifies a person in free text (training library, SPEC §3): the recorded names in
// every form staff write them (full name, surname + 先生/女士…, given name, 小王/老王/阿丽/丽丽,
// compound surnames), the recorded phone and other identifiers however spaced, and contact data of
// anyone (phones, ID numbers, bank cards, WeChat/QQ IDs, e-mail, street addresses: redact-contacts.ts).
import { contactSpans, digitPattern, foldWidth, type Span } from './redact-contacts';

export const MASK = '＊＊＊';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Two-character surnames (百家姓 and the common modern ones): 欧阳女士 is 欧阳娜娜, not 欧 + 阳女士. */
const COMPOUND_SURNAMES = [
  ...'万俟 司马 上官 欧阳 夏侯 诸葛 闻人 东方 赫连 皇甫 尉迟 公羊 澹台 公冶 宗政 濮阳 淳于 单于 太叔 申屠',
  ...' 公孙 仲孙 轩辕 令狐 钟离 宇文 长孙 慕容 鲜于 闾丘 司徒 司空 亓官 司寇 仉督 子车 颛孙 端木 巫马 公西',
  ...' 漆雕 乐正 壤驷 公良 拓跋 夹谷 宰父 谷梁 段干 百里 东郭 南门 呼延 归海 羊舌 微生 梁丘 左丘 东门 西门',
  ...' 南宫 第五 独孤 南郭 北堂 公冶 诸葛 范姜 张简 欧侯 司城 东里 夏后 呼衍',
]
  .join('')
  .split(' ')
  .filter((s) => s.length === 2);

/** What a customer is called after the surname; staff titles (经理, 秘书) are deliberately absent. */
const TITLES =
  '先生|女士|小姐|老师|阿姨|师傅|大爷|大妈|大姐|大哥|大叔|大婶|大伯|奶奶|爷爷|伯伯|叔叔|太太|夫人|同志|老板|姐|哥|叔|婶|姨|伯';
/**
 * Office titles a government contact person is often recorded with (赵科长, 钱主任): a recorded name
 * that is a surname and a title names a person by the surname, never by the title alone.
 */
const OFFICE_TITLES =
  '科长|副科长|主任|副主任|处长|副处长|局长|副局长|所长|副所长|队长|站长|股长|科员|干事|书记|部长|经理';
const TITLED = new RegExp(`^(?:${TITLES}|${OFFICE_TITLES})$`);
/** What a given name's last character takes as a nickname: 小丽, 阿丽, 丽丽, 丽姐. */
const NICK_BEFORE = '小|阿';
const NICK_AFTER = '姐|哥|儿';

/** The surname of a Chinese name: a known two-character surname, else the first character. */
export function surnameOf(name: string): string {
  return COMPOUND_SURNAMES.find((s) => name.startsWith(s) && name.length > s.length) ?? Array.from(name)[0] ?? name;
}

const HAN = /^[\u3400-\u9fff\u{20000}-\u{3134f}·]+$/u;

/** Every way a recorded name is written, as regex sources; a name of one character gives none. */
export function nameForms(raw: string, nicknames = true): string[] {
  const name = raw.trim();
  const chars = Array.from(name);
  if (chars.length < 2) return [];
  if (!HAN.test(name)) {
    // A Latin name: the whole, and each part of three letters or more as a word; Mr/Ms + a part.
    const parts = name.split(/\s+/).filter((p) => p.length >= 3);
    return [escape(name), ...parts.map((p) => String.raw`(?:(?:Mr|Mrs|Ms|Miss)\.?\s*)?\b${escape(p)}\b`)];
  }
  const surname = surnameOf(name);
  const rest = name.slice(surname.length);
  // 王先生, 赵科长: recorded by surname and title — the title alone is an ordinary word.
  if (TITLED.test(rest)) return [escape(name), `${escape(surname)}(?:${TITLES}|${OFFICE_TITLES})`];
  const given = Array.from(rest);
  const last = given[given.length - 1];
  const forms = [escape(name), `${escape(surname)}(?:${TITLES})`];
  if (given.length >= 2) forms.push(escape(given.join('')));
  if (nicknames) forms.push(`(?:小|老|阿)${escape(surname)}`);
  if (last && nicknames)
    forms.push(`(?:${NICK_BEFORE})${escape(last)}`, `${escape(last)}(?:${escape(last)}|${NICK_AFTER})`);
  return forms;
}

export interface Identifiers {
  /** Recorded names of people (the customer, the government contact person). */
  names: (string | null | undefined)[];
  /** Recorded phones, contacts, receipt and reference numbers. */
  other: (string | null | undefined)[];
}

const present = (xs: (string | null | undefined)[]) =>
  xs.filter((s): s is string => typeof s === 'string' && s.trim().length >= 2).map((s) => s.trim());

/** One regex for every form of the recorded identifiers, or null when there are none. */
function identifierRegex(ids: Identifiers, nicknames: boolean): RegExp | null {
  const sources = [
    ...present(ids.names).flatMap((n) => nameForms(n, nicknames)),
    ...present(ids.other).flatMap((o) => [escape(foldWidth(o)), digitPattern(o) ?? []].flat()),
  ];
  return sources.length ? new RegExp(sources.join('|'), 'giu') : null;
}

function spansOf(re: RegExp | null, text: string): Span[] {
  if (!re) return [];
  return Array.from(foldWidth(text).matchAll(re), (m) => ({ start: m.index, end: m.index + m[0].length })).filter(
    (s) => s.end > s.start,
  );
}

/** The text with each run of overlapping or touching spans replaced by one mask. */
function maskSpans(text: string, spans: Span[]): string {
  const merged: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const top = merged[merged.length - 1];
    if (top && s.start <= top.end) top.end = Math.max(top.end, s.end);
    else merged.push({ ...s });
  }
  let out = '';
  let at = 0;
  for (const s of merged) {
    out += text.slice(at, s.start) + MASK;
    at = s.end;
  }
  return out + text.slice(at);
}

export function redactor(ids: Identifiers): (text: string | null | undefined) => string | null {
  const known = identifierRegex(ids, true);
  return (text) => {
    if (text === null || text === undefined) return null;
    return maskSpans(text, [...spansOf(known, text), ...contactSpans(text)]);
  };
}

/**
 * Whether the text still holds one of these recorded values: a name in full, with a title or as its
 * given name, or the value itself however spaced. Nicknames (丽丽, 小丽) are masked by the redaction
 * but not counted here: as ordinary words (明明, 明儿) they would block an approval for nothing.
 */
export function holdsIdentifier(ids: Identifiers, text: string): boolean {
  return spansOf(identifierRegex(ids, false), text).length > 0;
}
