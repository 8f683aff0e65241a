// The form fonts and the fallback chain: which font draws each grapheme of a text, read and parsed
// lazily, so a document whose characters the body font covers never loads or embeds a fallback.
import * as fontkit from 'fontkit';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The body font first, then the fallbacks in the order they are tried. */
export const FONT_FILES = {
  body: 'NotoSansSC-Regular.ttf',
  /** CJK Unified Ideographs Extension B–F (plane 2): names such as 𠀾 𪚥. */
  'cjk-ext': 'HanaMinB.ttf',
  /** Monochrome emoji with their ZWJ / skin-tone / keycap ligatures (pdfkit cannot draw colour emoji). */
  emoji: 'NotoEmoji-Regular.ttf',
  /** Last resort for other symbols (dingbats, arrows, technical signs). */
  symbols: 'Symbola.ttf',
} as const;

export type FontName = keyof typeof FONT_FILES;
export type FallbackName = Exclude<FontName, 'body'>;

/** A piece of text drawn in one font. */
export interface TextRun {
  font: FontName;
  text: string;
}

/**
 * Fonts are read and parsed once per process: pdfkit would read and parse a 10–30 MB file again
 * for every document. pdfkit accepts a parsed fontkit font and subsets it per document, so
 * sharing the parsed font changes nothing in the output.
 */
const parsed = new Map<string, fontkit.Font>();
export function parsedFont(path: string): fontkit.Font {
  let f = parsed.get(path);
  if (!f) {
    if (!existsSync(path)) throw new Error(`form font missing: ${path}`);
    f = fontkit.create(readFileSync(path)) as fontkit.Font;
    parsed.set(path, f);
  }
  return f;
}

/** The font folder of each document, set by createDoc (render.ts). */
const docFontDir = new WeakMap<PDFKit.PDFDocument, string>();
/** Fallback fonts already registered with each document (registration is per document in pdfkit). */
const docRegistered = new WeakMap<PDFKit.PDFDocument, Set<FontName>>();

export function setDocFontDir(doc: PDFKit.PDFDocument, dir: string): void {
  docFontDir.set(doc, dir);
  docRegistered.set(doc, new Set(['body']));
}

function fontDirOf(doc: PDFKit.PDFDocument): string {
  const dir = docFontDir.get(doc);
  if (dir === undefined) throw new Error('document not made by createDoc: no font folder');
  return dir;
}

export function fontOf(doc: PDFKit.PDFDocument, name: FontName): fontkit.Font {
  return parsedFont(join(fontDirOf(doc), FONT_FILES[name]));
}

/** Selects `name` on the document, registering it first if this document has not used it yet. */
export function useFont(doc: PDFKit.PDFDocument, name: FontName): PDFKit.PDFDocument {
  const registered = docRegistered.get(doc);
  if (registered && !registered.has(name)) {
    // pdfkit's typings take a path or buffer; at run time it accepts a parsed fontkit font (anything with layout()).
    doc.registerFont(name, fontOf(doc, name) as unknown as Buffer);
    registered.add(name);
  }
  return doc.font(name);
}

const ZWJ = 0x200d;
const VS15 = 0xfe0e;
const VS16 = 0xfe0f;
/** Joiners and variation selectors shape the grapheme but need no glyph of their own. */
const isJoiner = (cp: number) => cp === ZWJ || cp === VS15 || cp === VS16 || (cp >= 0xe0100 && cp <= 0xe01ef);
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

const bodyCovers = new Map<string, Map<number, boolean>>();
function bodyHas(doc: PDFKit.PDFDocument, cp: number): boolean {
  const dir = fontDirOf(doc);
  let m = bodyCovers.get(dir);
  if (!m) bodyCovers.set(dir, (m = new Map()));
  let has = m.get(cp);
  if (has === undefined) {
    has = fontOf(doc, 'body').hasGlyphForCodePoint(cp);
    m.set(cp, has);
  }
  return has;
}

/** True when the body font draws every character and nothing asks for emoji presentation. */
function allBody(doc: PDFKit.PDFDocument, text: string): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) continue;
    if (isJoiner(cp) || !bodyHas(doc, cp)) return false;
  }
  return true;
}

/**
 * The fonts tried for one grapheme, in order: emoji presentation (VS16, a ZWJ sequence, a pictograph
 * outside the BMP) goes to the emoji font first; plane-2 ideographs are the only ones worth loading the
 * 30 MB CJK extension font for.
 */
function candidates(g: string, cps: number[]): FontName[] {
  const first = cps[0] ?? 0;
  const emojiFirst = cps.some((c) => c === VS16 || c === ZWJ) || (first > 0xffff && PICTOGRAPHIC.test(g));
  if (emojiFirst) return ['emoji', 'body', 'symbols'];
  if (first >= 0x20000 && first <= 0x3ffff) return ['cjk-ext', 'body'];
  return ['body', 'emoji', 'symbols'];
}

/** The font that draws grapheme `g`: the first candidate with a glyph for each of its characters; the body font when none has. */
function fontForGrapheme(doc: PDFKit.PDFDocument, g: string): FontName {
  // Most graphemes are one BMP character the body font has.
  if (g.length === 1 && bodyHas(doc, g.charCodeAt(0))) return 'body';
  const cps = Array.from(g, (c) => c.codePointAt(0) ?? 0);
  const needed = cps.filter((c) => !isJoiner(c));
  if (needed.length === 0) return 'body';
  for (const name of candidates(g, cps)) {
    const covers =
      name === 'body'
        ? needed.every((c) => bodyHas(doc, c))
        : needed.every((c) => fontOf(doc, name).hasGlyphForCodePoint(c));
    if (covers) return name;
  }
  return 'body';
}

/** Whether `text` may hold a grapheme of several code points: astral characters, joiners, selectors, marks. */
function mayCluster(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xd800 && c <= 0xdfff) || (c >= 0x300 && c <= 0x36f) || c === 0x200d || c === 0x20e3) return true;
    if (c === 0xfe0e || c === 0xfe0f) return true;
  }
  return false;
}

/**
 * The user-perceived characters of `text`, for cutting it at a page break: a surrogate pair, an
 * emoji with its selector, skin tone or ZWJ sequence is never cut in two. Plain text takes the
 * fast path and never builds the segmenter.
 */
export function characters(text: string): string[] {
  return mayCluster(text) ? Array.from(graphemes(text), (g) => g.segment) : Array.from(text);
}

let segmenter: Intl.Segmenter | undefined;
/** The graphemes of `text`; the segmenter is made on first use, so a plain document never pays for it. */
export function graphemes(text: string): Intl.Segments {
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });
  return segmenter.segment(text);
}

/**
 * Splits `text` into runs of one font each. A grapheme (a surrogate pair, an emoji with its variation
 * selector, skin tone or ZWJ sequence) is never split between runs. Text the body font covers entirely
 * is one run and loads no other font.
 */
export function textRuns(doc: PDFKit.PDFDocument, text: string): TextRun[] {
  if (allBody(doc, text)) return [{ font: 'body', text }];
  const runs: TextRun[] = [];
  for (const { segment } of graphemes(text)) {
    const font = fontForGrapheme(doc, segment);
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.text += segment;
    else runs.push({ font, text: segment });
  }
  return runs;
}
