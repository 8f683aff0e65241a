// Rows of boxed cells that split across pages: a cell whose text does not fit continues on the
// next page under the repeated form header, the row's other cells print their continuation or
// stay blank, and a row can be kept on one page with what must follow it (a signature block).
//
// pdfkit's own doc.table() (0.17+) is not used here: it never splits a row (a row taller than the
// page is clamped and its text cut, a row that does not fit moves whole to a page it starts at
// the top margin), it has no repeating header row, and it knows nothing of our header callback,
// so its continuation pages would have no form title, copy label, number or barcode.
import type { Flow } from './layout';
import { characters } from './font-fallback';

export interface RowCell {
  x: number;
  w: number;
  text: string;
  size: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Background of a label or head cell; a value cell has none. */
  fill?: string;
  /** Printed whole on every fragment (a grid label), with the continued mark after the first. */
  repeat?: boolean;
}

export interface RowOptions {
  minHeight: number;
  /** Points that must follow the row's last fragment on the same page (a signature block). */
  keepWith?: number;
  /** Draws what repeats after a page break before or inside the row (a table's head row). */
  onNewPage?: () => void;
}

const chars = characters;

/** Height of a row showing `texts` in `cells`. */
export function rowHeight(f: Flow, cells: RowCell[], texts: string[], minHeight: number): number {
  const pad = f.m.pad;
  return Math.max(minHeight, ...cells.map((c, i) => f.measure(texts[i] ?? '', c.w - 2 * pad, c.size) + 2 * pad));
}

const WORD = /[\p{L}\p{N}._-]/u;
const LATIN = /[A-Za-z0-9._-]/;

/** Punctuation that may not start a line (or a continued cell). */
const NO_START = /[、，。；：！？）」』〉》,.;:!?)\]}]/;

/**
 * How many characters of `text` fit `height` at `width`. A cut inside a Latin word or number
 * (an item code) backs up to just after the last space or punctuation within 24 characters; a
 * cut before closing punctuation takes the character before it along (a CJK character, or the
 * whole Latin word), so the continuation never starts with 、 or 。.
 */
export function fitStart(f: Flow, text: string, width: number, height: number, size: number): number {
  const all = chars(text);
  const n = f.fitPrefix(text, width, height, size);
  if (n >= all.length || n < 2) return n;
  const latinBefore = LATIN.test(all[n - 1] ?? '');
  if (NO_START.test(all[n] ?? '') && !latinBefore) return n - 1;
  if (!latinBefore || !(LATIN.test(all[n] ?? '') || NO_START.test(all[n] ?? ''))) return n;
  for (let i = n - 1; i > 0 && i >= n - 24; i--) if (!WORD.test(all[i] ?? '')) return i + 1;
  return n;
}

const fittingStart = (f: Flow, text: string, cell: RowCell, height: number): string =>
  chars(text)
    .slice(0, fitStart(f, text, cell.w - 2 * f.m.pad, height, cell.size))
    .join('');

function paint(f: Flow, cells: RowCell[], texts: string[], h: number): void {
  const pad = f.m.pad;
  cells.forEach((c, i) => {
    if (c.fill) f.doc.rect(c.x, f.y, c.w, h).fillAndStroke(c.fill, '#555');
    else f.doc.rect(c.x, f.y, c.w, h).stroke('#555');
    const s = texts[i] ?? '';
    if (s)
      f.text(s, c.x + pad, f.y + pad, c.w - 2 * pad, {
        size: c.size,
        font: c.bold ? 'bold' : 'body',
        align: c.align ?? 'left',
      });
  });
  f.y += h;
}

/**
 * Draws one row. Invariant: nothing is drawn below `f.bottom` unless a single line does not fit
 * an empty page; a row shorter than three lines moves whole to the next page, a longer one fills
 * the page (at least two lines) and continues. With `keepWith`, the last fragment always leaves
 * that much room after it, taking its last line(s) to the next page when only the tail does not fit.
 */
export function drawRow(f: Flow, cells: RowCell[], o: RowOptions): void {
  if (f.page === 0) f.newPage();
  const keep = o.keepWith ?? 0;
  const line = Math.max(...cells.map((c) => f.measure('字', 100, c.size))) + 2 * f.m.pad;
  let rest = cells.map((c) => c.text);
  let first = true;
  for (;;) {
    const shown = cells.map((c, i) => (c.repeat && !first ? `${rest[i]}${f.continued}` : (rest[i] ?? '')));
    const h = rowHeight(f, cells, shown, first ? o.minHeight : line);
    const room = f.bottom - f.y;
    const pending = cells.some((c, i) => !c.repeat && rest[i]);
    if (h + keep <= room) return paint(f, cells, shown, h);
    const atTop = f.y <= f.top + 0.5;
    if (!atTop && (!pending || h <= 3 * line || room < 2 * line)) {
      f.newPage();
      o.onNewPage?.();
      continue;
    }
    if (!pending) return paint(f, cells, shown, h);
    // Fits but for its tail: leave its last line for the next page, with the tail.
    const avail = (h <= room ? h - line : room) - 2 * f.m.pad;
    if (avail < line - 2 * f.m.pad) return paint(f, cells, shown, h);
    const parts = cells.map((c, i) => (c.repeat ? (shown[i] ?? '') : fittingStart(f, rest[i] ?? '', c, avail)));
    paint(f, cells, parts, rowHeight(f, cells, parts, line));
    rest = cells.map((c, i) =>
      c.repeat
        ? (rest[i] ?? '')
        : chars(rest[i] ?? '')
            .slice(chars(parts[i] ?? '').length)
            .join('')
            .replace(/^\s+/, ''),
    );
    first = false;
    f.newPage();
    o.onNewPage?.();
  }
}

export interface TableColumn {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** A table whose head row repeats on each page; `keepWith` is room that must follow the last row. */
export function drawTable(f: Flow, columns: TableColumn[], rows: string[][], keepWith: number): void {
  const m = f.m;
  const total = columns.reduce((s, c) => s + c.width, 0);
  let x = f.left;
  const slots = columns.map((c) => {
    const slot = { x, w: (c.width / total) * f.width, align: c.align ?? ('left' as const) };
    x += slot.w;
    return slot;
  });
  const head: RowCell[] = slots.map((s, i) => ({
    ...s,
    text: columns[i]?.title ?? '',
    size: m.label,
    bold: true,
    fill: '#f1f1f1',
    repeat: true,
  }));
  const headH = rowHeight(
    f,
    head,
    columns.map((c) => c.title),
    0,
  );
  const drawHead = () => drawRow(f, head, { minHeight: 0 });
  // The head row never stands alone at the foot of a page.
  f.ensure(headH + m.ruledLine);
  drawHead();
  rows.forEach((r, i) =>
    drawRow(
      f,
      slots.map((s, j) => ({ ...s, text: r[j] ?? '', size: m.value })),
      { minHeight: m.ruledLine, onNewPage: drawHead, keepWith: i === rows.length - 1 ? keepWith : 0 },
    ),
  );
  f.y += m.pad * 2;
}
