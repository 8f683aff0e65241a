// A small flow layout over pdfkit for printed forms: content moves down the page, and
// whatever does not fit continues on the next page under a repeated header. Every block
// measures its text before drawing, so nothing overflows a box or overlaps the next one.
import { drawRow, drawTable, fitStart, type RowCell, type TableColumn } from './layout-rows';
import { drawTextBox, type TextBoxOptions } from './layout-text-box';
import { boxHeight, drawRuns, fallbackRuns, layoutRuns } from './text-runs';
import { characters } from './font-fallback';
export const PAPER_SIZES = { A4: [595.28, 841.89], A5: [419.53, 595.28] } as const;

export interface FlowOptions {
  paper: keyof typeof PAPER_SIZES;
  margin: number;
  /** Draws the page header and returns the y where content starts. Called on every page. */
  header: (doc: PDFKit.PDFDocument, page: number) => number;
  /** Space kept free at the bottom for the footer. */
  footerHeight: number;
  /** Sizes and spacing; A5 forms pass COMPACT. */
  metrics?: Metrics;
  /** Appended to a label or title that continues from the previous page. */
  continued?: string;
}

export interface Metrics {
  label: number;
  value: number;
  small: number;
  section: number;
  pad: number;
  labelWidth: number;
  ruledLine: number;
  signatureHeight: number;
}

/**
 * Bold text is the regular face filled and outlined with a line this fraction of the font
 * size: one embedded font instead of two halves the first document's load time and the
 * installer's font payload.
 */
export const FAUX_BOLD = 0.035;
export const SIZE = { label: 8, value: 9.5, small: 7.5 };
export const REGULAR: Metrics = {
  ...SIZE,
  section: 10.5,
  pad: 3,
  labelWidth: 62,
  ruledLine: 17,
  signatureHeight: 42,
};
/** A5: nothing smaller than 7 pt, so that a slip of five lines a side fits one sheet per copy. */
export const COMPACT: Metrics = {
  label: 7,
  value: 7.5,
  small: 7,
  section: 8.5,
  pad: 1.5,
  labelWidth: 52,
  ruledLine: 14,
  signatureHeight: 36,
};

export interface Pair {
  label: string;
  value: string | null | undefined;
  /** Takes the whole row (long values). */
  wide?: boolean;
  bold?: boolean;
}

export class Flow {
  y = 0;
  page = 0;
  /** Where content starts on the current page (below its header). */
  top = 0;
  readonly left: number;
  readonly right: number;
  readonly bottom: number;
  readonly m: Metrics;
  readonly continued: string;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly o: FlowOptions,
  ) {
    const [w, h] = PAPER_SIZES[o.paper];
    this.left = o.margin;
    this.right = w - o.margin;
    this.bottom = h - o.margin - o.footerHeight;
    this.m = o.metrics ?? REGULAR;
    this.continued = o.continued ?? '(续)';
  }

  get width(): number {
    return this.right - this.left;
  }

  newPage(): void {
    this.doc.addPage({ size: this.o.paper, margin: 0 });
    this.page++;
    this.y = this.o.header(this.doc, this.page);
    this.top = this.y;
  }

  /** Starts a new page unless `h` points still fit. */
  ensure(h: number): void {
    if (this.page === 0 || this.y + h > this.bottom) this.newPage();
  }

  /** Bold is drawn by stroking the regular face, so both weights measure alike. */
  measure(text: string, width: number, size = SIZE.value, _font = 'body'): number {
    // Characters the body font lacks are laid out in fallback runs, exactly as text() draws them.
    const runs = fallbackRuns(this.doc, text);
    if (runs) return boxHeight(layoutRuns(this.doc, runs, width, size), 1);
    this.doc.font('body').fontSize(size);
    return this.doc.heightOfString(text || ' ', { width, lineGap: 1 });
  }

  /** The longest prefix (in characters: graphemes, see `characters`) of `text` that fits `height` at `width`. */
  fitPrefix(text: string, width: number, height: number, size = SIZE.value): number {
    const chars = characters(text);
    if (this.measure(text, width, size) <= height) return chars.length;
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.measure(chars.slice(0, mid).join(''), width, size) <= height) lo = mid;
      else hi = mid - 1;
    }
    return Math.max(lo, 1);
  }

  text(
    s: string,
    x: number,
    y: number,
    width: number,
    opts: { size?: number; font?: string; align?: 'left' | 'center' | 'right'; color?: string } = {},
  ): void {
    const size = opts.size ?? SIZE.value;
    const bold = opts.font === 'bold';
    const color = opts.color ?? '#000';
    this.doc.font('body').fontSize(size).fillColor(color);
    if (bold) this.doc.strokeColor(color).lineWidth(size * FAUX_BOLD);
    const align = opts.align ?? 'left';
    const runs = fallbackRuns(this.doc, s);
    if (runs)
      drawRuns(this.doc, layoutRuns(this.doc, runs, width, size), x, y, width, {
        size,
        lineGap: 1,
        align,
        stroke: bold,
      });
    else this.doc.text(s, x, y, { width, align, lineGap: 1, fill: true, stroke: bold });
    this.doc.font('body').fillColor('#000').strokeColor('#000').lineWidth(1);
  }

  sectionTitle(title: string): void {
    const m = this.m;
    this.ensure(m.section * 4);
    this.y += m.pad + 1;
    this.text(title, this.left, this.y, this.width, { font: 'bold', size: m.section });
    this.y += m.section * 1.5;
  }

  /**
   * Label/value cells in `cols` columns; an empty value leaves the cell blank to fill by hand.
   * A value that does not fit continues on the next page under its label marked continued.
   * `keepWith`: room that must follow the last row on its page (the signature block).
   */
  grid(pairs: Pair[], cols = 2, opts: { keepWith?: number } = {}): void {
    const slot = this.width / cols;
    const rows: Pair[][] = [];
    let row: Pair[] = [];
    for (const p of pairs) {
      if (p.wide) {
        if (row.length) rows.push(row);
        rows.push([p]);
        row = [];
        continue;
      }
      row.push(p);
      if (row.length === cols) {
        rows.push(row);
        row = [];
      }
    }
    if (row.length) rows.push(row);
    rows.forEach((r, i) =>
      this.gridRow(r, r.length === 1 && r[0]?.wide ? this.width : slot, i === rows.length - 1 ? opts.keepWith : 0),
    );
  }

  private gridRow(r: Pair[], slot: number, keepWith = 0): void {
    const m = this.m;
    const cells: RowCell[] = r.flatMap((p, i) => {
      const x = this.left + i * slot;
      return [
        { x, w: m.labelWidth, text: p.label, size: m.label, fill: '#f1f1f1', repeat: true },
        { x: x + m.labelWidth, w: slot - m.labelWidth, text: p.value ?? '', size: m.value, bold: !!p.bold },
      ];
    });
    drawRow(this, cells, { minHeight: m.ruledLine + 1, keepWith });
  }

  /** A titled box of free text that continues on the next page; empty, it gives ruled lines to write on. */
  textBox(title: string, body: string | null | undefined, opts: TextBoxOptions = {}): void {
    drawTextBox(this, title, body ?? '', opts);
  }

  /** Entries of a list (timeline, escalations…): a bold head line and a body that may run over pages. */
  entries(items: { head: string; body: string | null }[], empty: string): void {
    const m = this.m;
    if (items.length === 0) {
      this.ensure(m.ruledLine);
      this.text(empty, this.left + m.pad, this.y + 2, this.width, { size: m.label, color: '#555' });
      this.y += m.ruledLine;
      return;
    }
    const w = this.width - 2 * m.pad - 12;
    const line = this.measure('字', w, m.value);
    for (const it of items) {
      const headH = this.measure(it.head, this.width - 2 * m.pad, m.label, 'bold');
      this.ensure(headH + line + 4);
      this.text(it.head, this.left + m.pad, this.y, this.width - 2 * m.pad, { size: m.label, font: 'bold' });
      this.y += headH + 1;
      let rest = it.body ?? '';
      while (rest) {
        // Invariant: a body line is drawn only where a whole line fits above the footer.
        if (this.bottom - this.y < line) this.newPage();
        const n = fitStart(this, rest, w, this.bottom - this.y, m.value);
        const chars = characters(rest);
        const part = chars.slice(0, n).join('');
        this.text(part, this.left + m.pad + 12, this.y, w, { size: m.value });
        this.y += this.measure(part, w, m.value) + 2;
        rest = chars.slice(n).join('');
        if (rest) this.newPage();
      }
      this.y += 3;
    }
  }

  /** A table whose head row repeats on each page and whose cells split across pages (layout-rows.ts). */
  table(columns: TableColumn[], rows: string[][], opts: { keepWith?: number } = {}): void {
    drawTable(this, columns, rows, opts.keepWith ?? 0);
  }

  /** Writes "page n of N" at the foot of every page; call once, after all content. */
  numberPages(label: (n: number, total: number) => string): void {
    this.eachPage((n, total) => {
      const [, h] = PAPER_SIZES[this.o.paper];
      this.text(label(n, total), this.left, h - this.o.margin - 10, this.width, {
        size: this.m.small,
        align: 'center',
        color: '#444',
      });
    });
  }

  /** Runs `draw` on every page once all content is laid out (page numbers, watermarks above content). */
  eachPage(draw: (n: number, total: number) => void): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      draw(i - range.start + 1, range.count);
    }
  }

  /** Signature and date lines, side by side; kept whole on one page (`m.signatureHeight` tall). */
  signatures(labels: string[], dateLabel: string): void {
    const m = this.m;
    const gap = 2 * m.pad + 2;
    this.ensure(m.signatureHeight);
    this.y += gap;
    const slot = this.width / labels.length;
    const signY = m.label + 10;
    const dateY = signY + 3 + m.small + 3;
    labels.forEach((label, i) => {
      const x = this.left + i * slot;
      this.text(label, x, this.y + 4, slot - 8, { size: m.label });
      this.doc
        .moveTo(x, this.y + signY)
        .lineTo(x + slot - 12, this.y + signY)
        .stroke('#000');
      this.text(`${dateLabel}:`, x, this.y + signY + 3, slot - 8, { size: m.small, color: '#444' });
      this.doc
        .moveTo(x + 28, this.y + dateY)
        .lineTo(x + slot - 12, this.y + dateY)
        .stroke('#888');
    });
    this.y += m.signatureHeight - gap;
  }
}
