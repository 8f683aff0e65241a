// The summary report's vector charts (pdfkit): bars by category, the trend against earlier periods
// with its late part, and the time-limit split. Readable on a black-and-white printer: every fill
// that a legend names differs in pattern (solid, hatched, cross-hatched, lined, empty), not only
// in hue, and every bar and segment carries its value as a direct label.
import { type Flow, SIZE } from './layout';

export const BLUE = '#3b6fb6';
export const DARK = '#b8433a';

/** A fill: a background colour and, over it, lines in `ink` (none: solid). */
export interface Fill {
  color: string;
  ink?: string;
  lines?: 'diagonal' | 'cross' | 'horizontal';
}

/** Fills a rectangle with its fill; pattern lines are clipped to the rectangle, 3.5 pt apart. */
export function fillRect(doc: PDFKit.PDFDocument, x: number, y: number, w: number, h: number, f: Fill): void {
  if (w <= 0 || h <= 0) return;
  doc.save();
  doc.rect(x, y, w, h).fill(f.color);
  if (f.lines) {
    doc.rect(x, y, w, h).clip();
    doc.lineWidth(0.9).strokeColor(f.ink ?? '#000');
    const gap = 3.5;
    if (f.lines === 'horizontal') {
      for (let ly = y + gap / 2; ly < y + h; ly += gap) doc.moveTo(x, ly).lineTo(x + w, ly);
    } else {
      // Lines at 45°: one every `gap` along x, across the whole rectangle (and its height again).
      for (let d = -h; d < w; d += gap) doc.moveTo(x + d, y + h).lineTo(x + d + h, y);
      if (f.lines === 'cross') for (let d = 0; d < w + h; d += gap) doc.moveTo(x + d, y + h).lineTo(x + d - h, y);
    }
    doc.stroke();
  }
  doc.restore();
}

/** A legend swatch: the fill, outlined so that a white fill still shows. */
function swatch(doc: PDFKit.PDFDocument, x: number, y: number, f: Fill): void {
  fillRect(doc, x, y, 9, 9, f);
  doc.save().lineWidth(0.5).rect(x, y, 9, 9).stroke('#333').restore();
}

/** A round upper bound for an axis, and its step. */
export function niceMax(v: number): { max: number; step: number } {
  if (v <= 0) return { max: 4, step: 1 };
  const raw = v / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const nice = Math.max(1, Math.round(step));
  return { max: Math.ceil(v / nice) * nice, step: nice };
}

/** Horizontal bars, one per row, with the count at the end of each bar (one fill: no legend). */
export function barChart(
  f: Flow,
  title: string,
  rows: { label: string; value: number }[],
  x0: number,
  width: number,
): number {
  const rowH = 15;
  const labelW = 92;
  const top = f.y;
  f.text(title, x0, top, width, { font: 'bold', size: 9.5 });
  let y = top + 16;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const barW = width - labelW - 34;
  for (const r of rows) {
    f.text(r.label, x0, y + 2, labelW - 4, { size: SIZE.small, align: 'right' });
    const w = (r.value / max) * barW;
    f.doc.rect(x0 + labelW, y + 2, Math.max(w, 0.5), rowH - 5).fill(BLUE);
    f.text(String(r.value), x0 + labelW + w + 3, y + 2, 34, { size: SIZE.small });
    y += rowH;
  }
  return y - top;
}

const TREND_EARLIER: Fill = { color: '#c5d4ea' };
const TREND_CURRENT: Fill = { color: BLUE };
/** Late: white under dark cross-hatching, so it stays apart from both blues in grey. */
export const TREND_LATE: Fill = { color: '#ffffff', ink: DARK, lines: 'cross' };

/**
 * Vertical bars per period (the current one darker), the late cases as a cross-hatched part at the
 * foot of each bar; the total above each bar, the late count beside its part; a legend under the title.
 */
export function trendChart(
  f: Flow,
  title: string,
  legend: { total: string; late: string },
  points: { label: string; total: number; late: number }[],
  x0: number,
  width: number,
): number {
  const top = f.y;
  f.text(title, x0, top, width, { font: 'bold', size: 9.5 });
  swatch(f.doc, x0, top + 15, TREND_CURRENT);
  f.text(legend.total, x0 + 12, top + 15, 70, { size: SIZE.small });
  swatch(f.doc, x0 + 84, top + 15, TREND_LATE);
  f.text(legend.late, x0 + 96, top + 15, 90, { size: SIZE.small });
  const plotTop = top + 36;
  const plotH = 100;
  const axisW = 28;
  const { max, step } = niceMax(Math.max(...points.map((p) => p.total), 0));
  const plotW = width - axisW;
  const base = plotTop + plotH;
  for (let v = 0; v <= max; v += step) {
    const y = base - (v / max) * plotH;
    f.doc
      .moveTo(x0 + axisW, y)
      .lineTo(x0 + width, y)
      .lineWidth(0.4)
      .stroke(v === 0 ? '#555' : '#dde0e4')
      .lineWidth(1);
    f.text(String(v), x0, y - 4, axisW - 4, { size: 6.5, align: 'right', color: '#555' });
  }
  const slot = plotW / Math.max(points.length, 1);
  const barW = Math.min(34, slot * 0.5);
  points.forEach((p, i) => {
    const cx = x0 + axisW + slot * i + slot / 2;
    const h = (p.total / max) * plotH;
    const lh = (p.late / max) * plotH;
    const current = i === points.length - 1;
    fillRect(f.doc, cx - barW / 2, base - h, barW, Math.max(h, 0.5), current ? TREND_CURRENT : TREND_EARLIER);
    if (lh > 0) {
      fillRect(f.doc, cx - barW / 2, base - lh, barW, lh, TREND_LATE);
      f.doc
        .save()
        .lineWidth(0.6)
        .rect(cx - barW / 2, base - lh, barW, lh)
        .stroke(DARK)
        .restore();
      // The late count beside its part, at the right of the bar.
      f.text(String(p.late), cx + barW / 2 + 1.5, Math.max(base - lh / 2 - 4, base - h), slot / 2 - barW / 2, {
        size: 6.5,
        color: '#7a2a24',
      });
    }
    f.text(String(p.total), cx - slot / 2, base - h - 10, slot, { size: 6.5, align: 'center' });
    f.text(p.label, cx - slot / 2, base + 3, slot, { size: 6.5, align: 'center', color: current ? '#000' : '#555' });
  });
  return base + 16 - top;
}

/** One bar split into parts with their values written on them where they fit, and a legend below. */
export function splitBar(f: Flow, title: string, parts: { label: string; value: number; fill: Fill }[]): void {
  const h = 16;
  f.ensure(66);
  f.text(title, f.left, f.y, f.width, { font: 'bold', size: 9.5 });
  f.y += 15;
  const total = parts.reduce((s, p) => s + p.value, 0);
  let x = f.left;
  if (total === 0) f.doc.rect(f.left, f.y, f.width, h).fill('#eceef1');
  for (const p of parts) {
    const w = total === 0 ? 0 : (p.value / total) * f.width;
    fillRect(f.doc, x, f.y, w, h, p.fill);
    if (w > 0) f.doc.save().lineWidth(0.5).rect(x, f.y, w, h).stroke('#333').restore();
    // The value on a white box over the pattern, so it reads whatever lies under it.
    const label = String(p.value);
    const lw = f.doc.fontSize(7).widthOfString(label) + 4;
    if (w >= lw + 2) {
      f.doc.rect(x + w / 2 - lw / 2, f.y + 3.5, lw, 9).fill('#ffffff');
      f.text(label, x + w / 2 - lw / 2, f.y + 4, lw, { size: 7, align: 'center', color: '#000' });
    }
    x += w;
  }
  f.y += h + 6;
  const slot = f.width / parts.length;
  // A long legend entry (English) wraps: the row is as tall as its tallest entry.
  const tallest = Math.max(...parts.map((p) => f.measure(`${p.label} ${p.value}`, slot - 13, SIZE.small)));
  parts.forEach((p, i) => {
    const lx = f.left + i * slot;
    swatch(f.doc, lx, f.y + 1.5, p.fill);
    f.text(`${p.label} ${p.value}`, lx + 12, f.y + 1, slot - 13, { size: SIZE.small });
  });
  f.y += Math.max(20, tallest + 10);
}
