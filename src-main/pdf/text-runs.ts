// Wraps, measures and draws text set in more than one font (fallback runs): lines break where
// pdfkit's own wrapping would (Unicode line breaking, never inside a grapheme), every piece is
// measured in its own font and drawn on the body font's baseline, so measure and draw agree.
// The renderer's typecheck reaches this file through the e2e tests without including src-main's .d.ts files.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./linebreak.d.ts" />
import type LineBreakerClass from 'linebreak';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type FontName, type TextRun, fontOf, graphemes, textRuns, useFont } from './font-fallback';

/**
 * pdfkit's own copy of linebreak (CommonJS, loaded and its tables decoded with pdfkit): importing the
 * ES build would decode them a second time on every first document, fallback or not.
 */
const LineBreaker = createRequire(join(import.meta.dirname, 'text-runs.js'))('linebreak') as typeof LineBreakerClass;

export interface RunLine {
  pieces: TextRun[];
  /** Width without the trailing spaces (they do not count when the line is aligned or fitted). */
  width: number;
}

export interface RunBox {
  lines: RunLine[];
  /** The pitch of one line: the body font's line height plus the line gap, as pdfkit's heightOfString uses. */
  lineHeight: number;
}

/** Widths per document by font, size and text: a long text repeats the same chunks (one per CJK character). */
const widthCache = new WeakMap<PDFKit.PDFDocument, Map<string, number>>();

function pieceWidth(doc: PDFKit.PDFDocument, font: FontName, text: string, size: number): number {
  if (!text) return 0;
  let cache = widthCache.get(doc);
  if (!cache) widthCache.set(doc, (cache = new Map()));
  const key = `${font}\u0000${size}\u0000${text}`;
  let w = cache.get(key);
  if (w === undefined) {
    w = useFont(doc, font).fontSize(size).widthOfString(text);
    cache.set(key, w);
  }
  return w;
}

/** The runs of text[from, to), cut from `runs` (which cover the whole text in order). */
function slice(runs: TextRun[], starts: number[], from: number, to: number): TextRun[] {
  const out: TextRun[] = [];
  runs.forEach((r, i) => {
    const s = starts[i] ?? 0;
    const a = Math.max(from, s);
    const b = Math.min(to, s + r.text.length);
    if (a < b) out.push({ font: r.font, text: r.text.slice(a - s, b - s) });
  });
  return out;
}

function widthOf(doc: PDFKit.PDFDocument, pieces: TextRun[], size: number): number {
  return pieces.reduce((w, p) => w + pieceWidth(doc, p.font, p.text, size), 0);
}

function trimEnd(pieces: TextRun[]): TextRun[] {
  const out = pieces.map((p) => ({ ...p }));
  while (out.length) {
    const last = out[out.length - 1] as TextRun;
    last.text = last.text.replace(/\s+$/u, '');
    if (last.text) break;
    out.pop();
  }
  return out;
}

/** Break positions: where linebreak allows one, moved back to a grapheme boundary. */
function breaks(text: string): { position: number; required: boolean }[] {
  const bounds = new Set<number>([0, text.length]);
  for (const g of graphemes(text)) bounds.add(g.index);
  const out: { position: number; required: boolean }[] = [];
  const lb = new LineBreaker(text);
  for (let b = lb.nextBreak(); b; b = lb.nextBreak()) {
    if (bounds.has(b.position)) out.push({ position: b.position, required: b.required });
  }
  return out;
}

/** Lays `text` out in lines of at most `width` at `size`; a chunk wider than a line breaks between graphemes. */
export function layoutRuns(doc: PDFKit.PDFDocument, runs: TextRun[], width: number, size: number): RunBox {
  const text = runs.map((r) => r.text).join('');
  const starts: number[] = [];
  runs.reduce((s, r) => (starts.push(s), s + r.text.length), 0);
  const lines: RunLine[] = [];
  let line: TextRun[] = [];
  let lineW = 0;
  const push = () => {
    const pieces = merge(line);
    lines.push({ pieces, width: widthOf(doc, trimEnd(pieces), size) });
    line = [];
    lineW = 0;
  };
  let from = 0;
  for (const b of breaks(text)) {
    const chunk = slice(runs, starts, from, b.position);
    const fits = (w: number) => lineW + w <= width + 1e-6;
    const chunkW = widthOf(doc, chunk, size);
    const inkW = /\s$/u.test(text.slice(from, b.position)) ? widthOf(doc, trimEnd(chunk), size) : chunkW;
    if (!fits(inkW) && line.length) push();
    if (!fits(inkW)) {
      // Wider than a whole line: place it grapheme by grapheme.
      for (const g of graphemes(text.slice(from, b.position))) {
        const piece = slice(runs, starts, from + g.index, from + g.index + g.segment.length);
        const w = widthOf(doc, piece, size);
        if (!fits(/\s/u.test(g.segment) ? 0 : w) && line.length) push();
        line.push(...piece);
        lineW += w;
      }
    } else {
      line.push(...chunk);
      lineW += chunkW;
    }
    if (b.required) {
      line = trimEnd(line).map((p) => ({ ...p, text: p.text.replace(/[\r\n\u2028\u2029]+$/u, '') }));
      push();
    }
    from = b.position;
  }
  if (line.length || lines.length === 0) push();
  useFont(doc, 'body').fontSize(size);
  return { lines, lineHeight: doc.currentLineHeight(true) };
}

function merge(pieces: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last && last.font === p.font) last.text += p.text;
    else if (p.text) out.push({ ...p });
  }
  return out;
}

/** The runs of `text`, or null when the body font draws all of it (then pdfkit lays it out itself). */
export function fallbackRuns(doc: PDFKit.PDFDocument, text: string): TextRun[] | null {
  const runs = textRuns(doc, text);
  return runs.length === 1 && runs[0]?.font === 'body' ? null : runs;
}

/** The height `box` takes with `lineGap` between lines, as pdfkit's heightOfString would count it. */
export function boxHeight(box: RunBox, lineGap: number): number {
  return box.lines.length * (box.lineHeight + lineGap);
}

/**
 * Draws `box` from (x, y): each line aligned within `width`, each piece in its font on the body
 * font's baseline (a fallback font's taller or shorter ascender must not shift its piece). Fill,
 * stroke colour and line width (faux bold) are the caller's, set before.
 */
export function drawRuns(
  doc: PDFKit.PDFDocument,
  box: RunBox,
  x: number,
  y: number,
  width: number,
  o: { size: number; lineGap: number; align: 'left' | 'center' | 'right'; stroke: boolean },
): void {
  const body = fontOf(doc, 'body');
  // pdfkit puts the baseline `ascender` below y by default; the body font's, for every piece.
  const baseline = (body.ascent / body.unitsPerEm) * o.size;
  box.lines.forEach((line, i) => {
    const ly = y + i * (box.lineHeight + o.lineGap);
    let px = o.align === 'left' ? x : o.align === 'center' ? x + (width - line.width) / 2 : x + width - line.width;
    for (const p of line.pieces) {
      useFont(doc, p.font).fontSize(o.size);
      doc.text(p.text, px, ly, { lineBreak: false, baseline: -baseline, fill: true, stroke: o.stroke });
      px += doc.widthOfString(p.text);
    }
  });
  useFont(doc, 'body').fontSize(o.size);
}
