// Where contact data sits in free text, whoever it belongs to (training library, SPEC §3): phones in
// any spelling, ID numbers, bank cards, WeChat/QQ IDs, e-mail addresses and street addresses.
// Patterns run on the text with full-width characters folded to ASCII (one UTF-16 unit each way,
// so a span found in the folded text is the same span in the original).

export interface Span {
  start: number;
  end: number;
}

/** Full-width ASCII (０-９, Ａ-Ｚ, ＋, －, ：…) and the ideographic space folded to ASCII, length kept. */
export function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** A separator staff type between digit groups: space, dash, dot-free. */
const SEP = String.raw`[\s\-–—]?`;
const digits = (min: number, max: number) => String.raw`\d(?:${SEP}\d){${min - 1},${max - 1}}`;

/** Mainland mobile, +86 / 0086 / 86 prefix optional: 13800138000, 138 0013 8000, +86-138-0013-8000. */
const MOBILE = String.raw`(?<![\dA-Za-z])(?:(?:\+|00)?86${SEP})?1[3-9]\d(?:${SEP}\d){8}(?!\d)`;
/** Landline with its area code: 021-6123-4567, (010)88886666, 0571 8888 6666. */
const LANDLINE = String.raw`(?<!\d)(?:\(0\d{2,3}\)|0\d{2,3})${SEP}[2-9]\d{2,3}${SEP}\d{4}(?!\d)`;
/** Any number of 7+ digits right after a word that announces a phone. */
const LABELLED_PHONE = String.raw`(?<=(?:电话|手机|座机|号码|联系方式|致电|来电号码|tel|phone|mobile)[:\s]*)\+?${digits(7, 15)}(?!\d)`;
/** A local 7–8 digit number without area code; dates (20261130) and amounts (…元) are filtered out below. */
const LOCAL = String.raw`(?<![\d.])[2-9]\d{2,3}${SEP}\d{4}(?![\d.]|\s*(?:元|块|件|个|台|次|%))`;
/** Resident ID: 18 characters ending in a digit or X (spaced 6-8-4 or not), or the old 15 digits. */
const ID_NUMBER = String.raw`(?<![\dA-Za-z])(?:${digits(17, 17)}[\dXx]|\d{15})(?![\dA-Za-z])`;
/** Bank card: 16–19 digits, plain or in groups. */
const BANK_CARD = String.raw`(?<!\d)${digits(16, 19)}(?!\d)`;
/** The ID after 微信/wx/vx/QQ/扣扣 (the word itself stays readable). */
const IM_ID = String.raw`(?<=(?:微信|weixin|wechat|vx|wx|v信|qq|扣扣)(?:号|id)?\s*[:是为]?\s*)[A-Za-z0-9][\w\-]{4,19}`;
const EMAIL = String.raw`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`;

/** A Han character that can be part of a place name: not a word that usually precedes an address. */
const PLACE = String.raw`(?:(?![住在于到是的从往去与及送寄回至家我他她您你了把将])[\u4e00-\u9fff])`;
const NUM = String.raw`[0-9A-Za-z一二三四五六七八九十百零〇\-]+`;
const ADMIN = String.raw`(?:${PLACE}{2,6}(?:省|自治区))?(?:${PLACE}{2,6}(?:市|州|盟))?(?:${PLACE}{1,6}(?:区|县|旗))?(?:${PLACE}{1,6}(?:街道|镇|乡))?`;
const BUILDING_TAIL = String.raw`(?:${NUM}(?:号楼|栋|幢|座))?(?:${NUM}单元)?(?:${NUM}(?:楼|层))?(?:${NUM}(?:室|房|号房))?`;
/** …路/街/巷/弄 + number 号, then building, unit and room; or an estate with 栋/幢 + unit/room. */
const ADDRESS = [
  String.raw`${ADMIN}${PLACE}{1,10}(?:大道|大街|路|街|巷|弄|胡同|里)${NUM}(?:号|弄)(?:${PLACE}{1,8}(?:小区|花园|公寓|大厦|苑|新村|家园|广场))?${BUILDING_TAIL}`,
  String.raw`${ADMIN}(?:${PLACE}{1,10}(?:小区|花园|公寓|大厦|苑|新村|家园))?${NUM}(?:号楼|栋|幢|座)(?:${NUM}单元)?(?:${NUM}(?:楼|层))?(?:${NUM}(?:室|房))?`,
  String.raw`${NUM}单元${NUM}(?:室|房)`,
].join('|');

const PATTERNS: RegExp[] = [MOBILE, LANDLINE, LABELLED_PHONE, LOCAL, ID_NUMBER, BANK_CARD, IM_ID, EMAIL, ADDRESS].map(
  (p) => new RegExp(p, 'gi'),
);

/** 20261130 or 2026-11-30: a date, not a phone. */
const DATE_LIKE = /^(?:19|20)\d{2}[\s\-–—]?[01]\d[\s\-–—]?[0-3]\d$/;

/** Every span of contact data in the text (the text as typed; folding is done here). */
export function contactSpans(text: string): Span[] {
  const folded = foldWidth(text);
  const spans: Span[] = [];
  for (const re of PATTERNS) {
    for (const m of folded.matchAll(re)) {
      if (m[0].length === 0 || DATE_LIKE.test(m[0])) continue;
      spans.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  return spans;
}

/** The digits of a recorded phone or number, written with any separators: 13900001111 finds 139 0000 1111. */
export function digitPattern(recorded: string): string | null {
  const d = foldWidth(recorded).replace(/\D/g, '');
  if (d.length < 7) return null;
  // A landline recorded with its area code is also written without it: match the last 7–8 digits too.
  const local = d.startsWith('0') && d.length >= 10 ? d.slice(-8) : null;
  const spell = (s: string) => s.split('').join(String.raw`[\s\-–—()]*`);
  return String.raw`(?<!\d)(?:${[spell(d), ...(local ? [spell(local)] : [])].join('|')})(?!\d)`;
}
