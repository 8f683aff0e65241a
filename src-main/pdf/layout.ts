// A small flow layout over pdfkit for printed forms: content moves down the page, and
// whatever does not fit continues on the next page under a repeated header. Every block
// measures its text before drawing, so nothing overflows a box or overlaps the next one.
export const PAPER_SIZES = { A4: [595.28, 841.89], A5: [419.53, 595.28] } as const;

export interface FlowOptions {
  paper: keyof typeof PAPER_SIZES;
  margin: number;
  /** Draws the page header and returns the y where content starts. Called on every page. */
  header: (doc: PDFKit.PDFDocument, page: number) => number;
  /** Space kept free at the bottom for the footer. */
  footerHeight: number;
}

const PAD = 3;
/**
 * Bold text is the regular face filled and outlined with a line this fraction of the font
 * size: one embedded font instead of two halves the first document's load time and the
 * installer's font payload.
 */
export const FAUX_BOLD = 0.035;
export const SIZE = { label: 8, value: 9.5, small: 7.5 };
const GRID_LABEL_WIDTH = 62;
const RULED_LINE = 17;

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
  readonly left: number;
  readonly right: number;
  readonly bottom: number;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly o: FlowOptions,
  ) {
    const [w, h] = PAPER_SIZES[o.paper];
    this.left = o.margin;
    this.right = w - o.margin;
    this.bottom = h - o.margin - o.footerHeight;
  }

  get width(): number {
    return this.right - this.left;
  }

  newPage(): void {
    this.doc.addPage({ size: this.o.paper, margin: 0 });
    this.page++;
    this.y = this.o.header(this.doc, this.page);
  }

  /** Starts a new page unless `h` points still fit. */
  ensure(h: number): void {
    if (this.page === 0 || this.y + h > this.bottom) this.newPage();
  }

  /** Bold is drawn by stroking the regular face, so both weights measure alike. */
  measure(text: string, width: number, size = SIZE.value, _font = 'body'): number {
    this.doc.font('body').fontSize(size);
    return this.doc.heightOfString(text || ' ', { width, lineGap: 1 });
  }

  /** The longest prefix (in characters) of `text` that fits `height` at `width`. */
  fitPrefix(text: string, width: number, height: number, size = SIZE.value): number {
    const chars = Array.from(text);
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
    this.doc.text(s, x, y, { width, align: opts.align ?? 'left', lineGap: 1, fill: true, stroke: bold });
    this.doc.fillColor('#000').strokeColor('#000').lineWidth(1);
  }

  sectionTitle(title: string): void {
    this.ensure(40);
    this.y += 4;
    this.text(title, this.left, this.y, this.width, { font: 'bold', size: 10.5 });
    this.y += 16;
  }

  /** Label/value cells in `cols` columns; an empty value leaves the cell blank to fill by hand. */
  grid(pairs: Pair[], cols = 2): void {
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
    for (const r of rows) this.gridRow(r, r.length === 1 && r[0]?.wide ? this.width : slot);
  }

  private gridRow(r: Pair[], slot: number): void {
    const vw = slot - GRID_LABEL_WIDTH;
    const h = Math.max(
      RULED_LINE + 1,
      ...r.map(
        (p) =>
          Math.max(
            this.measure(p.label, GRID_LABEL_WIDTH - 2 * PAD, SIZE.label),
            this.measure(p.value ?? '', vw - 2 * PAD, SIZE.value, p.bold ? 'bold' : 'body'),
          ) +
          2 * PAD,
      ),
    );
    this.ensure(h);
    r.forEach((p, i) => {
      const x = this.left + i * slot;
      this.doc.rect(x, this.y, GRID_LABEL_WIDTH, h).fillAndStroke('#f1f1f1', '#555');
      this.doc.rect(x + GRID_LABEL_WIDTH, this.y, vw, h).stroke('#555');
      this.text(p.label, x + PAD, this.y + PAD + 1, GRID_LABEL_WIDTH - 2 * PAD, { size: SIZE.label });
      if (p.value)
        this.text(p.value, x + GRID_LABEL_WIDTH + PAD, this.y + PAD, vw - 2 * PAD, { font: p.bold ? 'bold' : 'body' });
    });
    this.y += h;
  }

  /** A titled box of free text that continues on the next page; empty, it gives ruled lines to write on. */
  textBox(title: string, body: string | null | undefined, opts: { minLines?: number; continued?: string } = {}): void {
    const minLines = opts.minLines ?? 3;
    const titleH = 15;
    const innerW = this.width - 2 * PAD;
    let rest = body ?? '';
    let label = title;
    let first = true;
    do {
      const minH = rest ? this.measure('字', innerW) + 2 * PAD : minLines * RULED_LINE;
      this.ensure(titleH + minH);
      const avail = this.bottom - this.y - titleH - 2 * PAD;
      this.doc.rect(this.left, this.y, this.width, titleH).fillAndStroke('#f1f1f1', '#555');
      this.text(label, this.left + PAD, this.y + 3, innerW, { size: SIZE.label, font: 'bold' });
      this.y += titleH;
      if (!rest) {
        this.ruledBox(minLines);
        break;
      }
      const n = this.fitPrefix(rest, innerW, avail);
      const chars = Array.from(rest);
      const part = chars.slice(0, n).join('');
      const h = Math.max(this.measure(part, innerW) + 2 * PAD, first ? minLines * RULED_LINE : 0);
      this.doc.rect(this.left, this.y, this.width, h).stroke('#555');
      this.text(part, this.left + PAD, this.y + PAD, innerW);
      this.y += h + 6;
      rest = chars.slice(n).join('');
      label = `${title}${opts.continued ?? '(续)'}`;
      first = false;
    } while (rest);
  }

  private ruledBox(lines: number): void {
    const h = lines * RULED_LINE;
    this.doc.rect(this.left, this.y, this.width, h).stroke('#555');
    for (let i = 1; i < lines; i++) {
      const ly = this.y + i * RULED_LINE;
      this.doc
        .moveTo(this.left + PAD, ly)
        .lineTo(this.right - PAD, ly)
        .dash(1, { space: 2 })
        .stroke('#999')
        .undash();
    }
    this.y += h + 6;
  }

  /** Entries of a list (timeline, escalations…): a bold head line and a body that may run over pages. */
  entries(items: { head: string; body: string | null }[], empty: string): void {
    if (items.length === 0) {
      this.ensure(RULED_LINE);
      this.text(empty, this.left + PAD, this.y + 2, this.width, { size: SIZE.label, color: '#555' });
      this.y += RULED_LINE;
      return;
    }
    const w = this.width - 2 * PAD - 12;
    for (const it of items) {
      this.ensure(this.measure(it.head, w, SIZE.label, 'bold') + this.measure('字', w) + 4);
      this.text(it.head, this.left + PAD, this.y, this.width - 2 * PAD, { size: SIZE.label, font: 'bold' });
      this.y += this.measure(it.head, this.width - 2 * PAD, SIZE.label, 'bold') + 1;
      let rest = it.body ?? '';
      while (rest) {
        const n = this.fitPrefix(rest, w, this.bottom - this.y);
        const chars = Array.from(rest);
        const part = chars.slice(0, n).join('');
        this.text(part, this.left + PAD + 12, this.y, w);
        this.y += this.measure(part, w) + 2;
        rest = chars.slice(n).join('');
        if (rest) this.newPage();
      }
      this.y += 3;
    }
  }

  /** A table whose header row repeats on each page. */
  table(columns: { title: string; width: number; align?: 'left' | 'right' | 'center' }[], rows: string[][]): void {
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const rowH = (cells: string[], size: number, font: string) =>
      Math.max(...cells.map((c, i) => this.measure(c, (widths[i] ?? 0) - 2 * PAD, size, font))) + 2 * PAD;
    const drawRow = (cells: string[], h: number, head: boolean) => {
      let x = this.left;
      cells.forEach((c, i) => {
        const w = widths[i] ?? 0;
        if (head) this.doc.rect(x, this.y, w, h).fillAndStroke('#f1f1f1', '#555');
        else this.doc.rect(x, this.y, w, h).stroke('#555');
        this.text(c, x + PAD, this.y + PAD, w - 2 * PAD, {
          size: head ? SIZE.label : SIZE.value,
          font: head ? 'bold' : 'body',
          align: columns[i]?.align ?? 'left',
        });
        x += w;
      });
      this.y += h;
    };
    const titles = columns.map((c) => c.title);
    const headH = rowH(titles, SIZE.label, 'bold');
    this.ensure(headH + RULED_LINE);
    drawRow(titles, headH, true);
    for (const r of rows) {
      const h = Math.max(RULED_LINE, rowH(r, SIZE.value, 'body'));
      if (this.y + h > this.bottom) {
        this.newPage();
        drawRow(titles, headH, true);
      }
      drawRow(r, h, false);
    }
    this.y += 6;
  }

  /** Writes "page n of N" at the foot of every page; call once, after all content. */
  numberPages(label: (n: number, total: number) => string): void {
    const range = this.doc.bufferedPageRange();
    const [, h] = PAPER_SIZES[this.o.paper];
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      this.text(label(i - range.start + 1, range.count), this.left, h - this.o.margin - 10, this.width, {
        size: SIZE.small,
        align: 'center',
        color: '#444',
      });
    }
  }

  /** Signature and date lines, side by side. */
  signatures(labels: string[], dateLabel: string): void {
    const h = 34;
    this.ensure(h + 8);
    this.y += 8;
    const slot = this.width / labels.length;
    labels.forEach((label, i) => {
      const x = this.left + i * slot;
      this.text(label, x, this.y + 4, slot - 8, { size: SIZE.label });
      this.doc
        .moveTo(x, this.y + 18)
        .lineTo(x + slot - 12, this.y + 18)
        .stroke('#000');
      this.text(`${dateLabel}:`, x, this.y + 22, slot - 8, { size: SIZE.small, color: '#444' });
      this.doc
        .moveTo(x + 28, this.y + 31)
        .lineTo(x + slot - 12, this.y + 31)
        .stroke('#888');
    });
    this.y += h;
  }
}
