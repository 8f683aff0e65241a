// 顾客异议处理月报表 / 周汇总 (SPEC §8): the key figures, three vector charts drawn with
// pdfkit (cases by category, the trend against earlier periods, the time-limit split), and
// every table of the summary. Pure: (doc, report, text).
import type { SummaryReport } from '../../shared/summary-types';
import { formatInstant } from '../format';
import { Flow, SIZE } from '../layout';
import { categoryName, cellText, periodLine, reportSections } from '../report-sections';
import type { ReportText } from '../report-text';

const BLUE = '#3b6fb6';
const DARK = '#b8433a';
const GREY = '#8a8f98';
const CLOSING_COLORS = {
  same_day: '#3f8f5a',
  next_day: '#7cb36b',
  within_limit: '#b9d38a',
  late: DARK,
  open: '#c9ccd1',
} as const;

function header(f: () => Flow, r: SummaryReport, t: ReportText) {
  return (): number => {
    const flow = f();
    flow.text(t.summary.title[r.summary.period.type], flow.left, 28, flow.width, {
      font: 'bold',
      size: 17,
      align: 'center',
    });
    const sep = t.lang === 'en' ? ': ' : ':';
    const branch = t.lang === 'en' ? `${r.branch.name} (${r.branch.code})` : `${r.branch.name}(${r.branch.code})`;
    flow.text(`${t.summary.branch}${sep}${branch}`, flow.left, 54, 260, { size: 9 });
    flow.text(`${t.summary.period}${sep}${periodLine(r, t)}`, flow.right - 300, 54, 300, { size: 9, align: 'right' });
    flow.doc.moveTo(flow.left, 68).lineTo(flow.right, 68).lineWidth(0.8).stroke('#333').lineWidth(1);
    return 76;
  };
}

/** The key figures as a row of boxes. */
function tiles(f: Flow, items: { label: string; value: string; color?: string }[]): void {
  const h = 40;
  f.ensure(h + 8);
  const gap = 6;
  const w = (f.width - gap * (items.length - 1)) / items.length;
  items.forEach((it, i) => {
    const x = f.left + i * (w + gap);
    f.doc.roundedRect(x, f.y, w, h, 3).fillAndStroke('#f5f6f8', '#c9ccd1');
    f.text(it.value, x, f.y + 5, w, { size: 15, font: 'bold', align: 'center', color: it.color ?? '#1f2329' });
    f.text(it.label, x, f.y + 25, w, { size: SIZE.small, align: 'center', color: '#555' });
  });
  f.y += h + 10;
}

/** A round upper bound for an axis, and its step. */
function niceMax(v: number): { max: number; step: number } {
  if (v <= 0) return { max: 4, step: 1 };
  const raw = v / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const nice = Math.max(1, Math.round(step));
  return { max: Math.ceil(v / nice) * nice, step: nice };
}

function chartTitle(f: Flow, title: string): void {
  f.text(title, f.left, f.y, f.width, { font: 'bold', size: 9.5 });
  f.y += 15;
}

/** Horizontal bars, one per row, with the count at the end of each bar. */
function barChart(f: Flow, title: string, rows: { label: string; value: number }[], x0: number, width: number): number {
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

/** Vertical bars per period: all cases, and the late ones in front; value labels above. */
function trendChart(
  f: Flow,
  title: string,
  points: { label: string; total: number; late: number }[],
  x0: number,
  width: number,
): number {
  const top = f.y;
  f.text(title, x0, top, width, { font: 'bold', size: 9.5 });
  const plotTop = top + 22;
  const plotH = 110;
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
  const barW = Math.min(34, slot * 0.6);
  points.forEach((p, i) => {
    const cx = x0 + axisW + slot * i + slot / 2;
    const h = (p.total / max) * plotH;
    const lh = (p.late / max) * plotH;
    const current = i === points.length - 1;
    f.doc.rect(cx - barW / 2, base - h, barW, Math.max(h, 0.5)).fill(current ? BLUE : '#9db7dc');
    if (lh > 0) f.doc.rect(cx - barW / 2, base - lh, barW, lh).fill(DARK);
    f.text(String(p.total), cx - slot / 2, base - h - 10, slot, { size: 6.5, align: 'center' });
    f.text(p.label, cx - slot / 2, base + 3, slot, { size: 6.5, align: 'center', color: current ? '#000' : '#555' });
  });
  return base + 16 - top;
}

/** One bar split by the time-limit outcome, with a legend. */
function closingBar(f: Flow, title: string, parts: { label: string; value: number; color: string }[]): void {
  f.ensure(62);
  chartTitle(f, title);
  const total = parts.reduce((s, p) => s + p.value, 0);
  let x = f.left;
  if (total === 0) f.doc.rect(f.left, f.y, f.width, 14).fill('#eceef1');
  for (const p of parts) {
    const w = total === 0 ? 0 : (p.value / total) * f.width;
    if (w > 0) f.doc.rect(x, f.y, w, 14).fill(p.color);
    x += w;
  }
  f.y += 20;
  const slot = f.width / parts.length;
  parts.forEach((p, i) => {
    const lx = f.left + i * slot;
    f.doc.rect(lx, f.y + 2, 8, 8).fill(p.color);
    f.text(`${p.label} ${p.value}`, lx + 11, f.y + 1, slot - 12, { size: SIZE.small });
  });
  f.y += 20;
}

export function summaryReportTemplate(doc: PDFKit.PDFDocument, r: SummaryReport, t: ReportText): void {
  const s = r.summary;
  const w = t.summary;
  const flow: Flow = new Flow(doc, { paper: 'A4', margin: 36, footerHeight: 14, header: header(() => flow, r, t) });
  flow.newPage();
  tiles(flow, [
    { label: w.total, value: String(s.total) },
    { label: w.closing.same_day, value: String(s.closing.same_day) },
    { label: w.closing.late, value: String(s.closing.late), color: s.closing.late > 0 ? DARK : '#1f2329' },
    { label: w.disputed, value: String(s.disputed) },
    { label: w.escalated, value: String(s.escalated) },
    { label: w.slips.count, value: String(s.slips.count) },
    { label: w.closing.not_accepted, value: String(s.closing.not_accepted) },
  ]);
  if (s.total === 0) {
    flow.text(w.empty, flow.left, flow.y, flow.width, { size: SIZE.value, color: '#555' });
    flow.y += 18;
  }

  // Category bars and the trend side by side.
  const half = (flow.width - 16) / 2;
  const catRows = s.byCategory.slice(0, 8).map((c) => ({ label: categoryName(r, c.key, t.lang), value: c.count }));
  flow.ensure(160);
  const hBars = barChart(flow, w.chartCategory, catRows, flow.left, half);
  const hTrend = trendChart(
    flow,
    w.chartTrend,
    s.trend.map((p) => ({ label: p.key, total: p.total, late: p.late })),
    flow.left + half + 16,
    half,
  );
  flow.y += Math.max(hBars, hTrend) + 8;
  closingBar(
    flow,
    w.chartClosing,
    (['same_day', 'next_day', 'within_limit', 'late', 'open'] as const).map((k) => ({
      label: w.closing[k],
      value: s.closing[k],
      color: CLOSING_COLORS[k],
    })),
  );

  for (const sec of reportSections(r, t)) {
    if (sec.id === 'overview') continue;
    // A title never stays alone at the foot of a page: room for it, the head row and a row.
    flow.ensure(72);
    flow.sectionTitle(sec.title);
    if (sec.rows.length === 0) {
      flow.text(sec.id === 'typical' ? w.noTypical : t.form.none, flow.left + 3, flow.y, flow.width, {
        size: SIZE.label,
        color: GREY,
      });
      flow.y += 16;
      continue;
    }
    const caseTable = sec.id === 'typical' || sec.id === 'attention';
    const widths = caseTable
      ? [19, 16, 11, 12, 11, 8, 9, 13].slice(0, sec.columns.length)
      : sec.id === 'trend'
        ? sec.columns.map((_, i) => (i === 0 || i === sec.columns.length - 1 ? 1.7 : 1))
        : sec.columns.map((_, i) => (i === 0 ? 3 : 1));
    flow.table(
      sec.columns.map((title, i) => ({
        title,
        width: widths[i] ?? 1,
        align: caseTable || i === 0 ? ('left' as const) : ('right' as const),
      })),
      sec.rows.map((row) => row.map(cellText)),
    );
    if (sec.note) {
      flow.text(sec.note, flow.left + 3, flow.y - 3, flow.width, { size: SIZE.small, color: '#555' });
      flow.y += 12;
    }
  }
  flow.ensure(20);
  flow.text(
    `${w.generatedAt}${t.lang === 'en' ? ': ' : ':'}${formatInstant(r.generatedAt, r.timeZone)}`,
    flow.left,
    flow.y + 4,
    flow.width,
    { size: SIZE.small, color: '#555', align: 'right' },
  );
  flow.numberPages(t.form.page);
}
