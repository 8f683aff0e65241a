// 顾客异议处理月报表 / 周汇总 (SPEC §8): the key figures, three vector charts (report-charts.ts:
// cases by category, the trend against earlier periods, the time-limit split), and every table of
// the summary, under a header that names the branch, the period and the generation time on every
// page. Pure: (doc, report, text).
import type { SummaryReport } from '../../shared/summary-types';
import { Flow, SIZE } from '../layout';
import { barChart, DARK, type Fill, splitBar, TREND_LATE, trendChart } from '../report-charts';
import { categoryName, cellText, reportHeaderLines, reportSections } from '../report-sections';
import type { ReportText } from '../report-text';

const GREY = '#8a8f98';
/** The time-limit classes in grey-safe fills: dark solid, light hatched, lined, cross-hatched red, empty. */
const CLOSING_FILLS: Record<'same_day' | 'next_day' | 'within_limit' | 'late' | 'duplicate' | 'open', Fill> = {
  same_day: { color: '#2f6f45' },
  next_day: { color: '#cfe5c4', ink: '#2f6f45', lines: 'diagonal' },
  within_limit: { color: '#ffffff', ink: '#2f6f45', lines: 'horizontal' },
  late: TREND_LATE,
  // A merged duplicate (issue 22): closed, counted apart from the closings on time.
  duplicate: { color: '#d9d9d9' },
  open: { color: '#ffffff' },
};

/**
 * Every page: the title, the branch, the period (with 截至 while it runs) and the generation time in
 * the branch's time zone, so that any loose sheet says what it is and when it was made.
 */
function header(f: () => Flow, r: SummaryReport, t: ReportText) {
  return (): number => {
    const flow = f();
    flow.text(t.summary.title[r.summary.period.type], flow.left, 26, flow.width, {
      font: 'bold',
      size: 16,
      align: 'center',
    });
    const [branch, period, generated] = reportHeaderLines(r, t).map(
      ([k, v]) => `${k}${t.lang === 'en' ? ': ' : ':'}${v}`,
    );
    const half = flow.width / 2;
    flow.text(branch ?? '', flow.left, 50, half, { size: 8.5 });
    flow.text(generated ?? '', flow.left + half, 50, half, { size: 8.5, align: 'right' });
    flow.text(period ?? '', flow.left, 62, flow.width, { size: 8.5 });
    flow.doc.moveTo(flow.left, 76).lineTo(flow.right, 76).lineWidth(0.8).stroke('#333').lineWidth(1);
    return 84;
  };
}

/** The key figures as a row of boxes. */
function tiles(f: Flow, items: { label: string; value: string; color?: string }[]): void {
  const gap = 6;
  const w = (f.width - gap * (items.length - 1)) / items.length;
  // As tall as the tallest label (an English label may take two lines).
  const h = 30 + Math.max(...items.map((it) => f.measure(it.label, w, SIZE.small)));
  f.ensure(h + 8);
  items.forEach((it, i) => {
    const x = f.left + i * (w + gap);
    f.doc.roundedRect(x, f.y, w, h, 3).fillAndStroke('#f5f6f8', '#c9ccd1');
    f.text(it.value, x, f.y + 5, w, { size: 15, font: 'bold', align: 'center', color: it.color ?? '#1f2329' });
    f.text(it.label, x, f.y + 25, w, { size: SIZE.small, align: 'center', color: '#555' });
  });
  f.y += h + 10;
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
    { label: w.slips.count, value: String(s.slipsByDate.count) },
    { label: w.closing.not_accepted, value: String(s.closing.not_accepted) },
  ]);
  if (s.matters !== undefined && s.total > 0) {
    // Issue 22: "5 起个案,3 个事项" — linked cases and a merged duplicate count once as a matter.
    flow.text(w.mattersLine(s.total, s.matters), flow.left, flow.y, flow.width, { size: SIZE.value });
    flow.y += 16;
  }
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
    w.trendLegend,
    s.trend.map((p) => ({ label: p.key, total: p.total, late: p.late })),
    flow.left + half + 16,
    half,
  );
  flow.y += Math.max(hBars, hTrend) + 8;
  splitBar(
    flow,
    w.chartClosing,
    (['same_day', 'next_day', 'within_limit', 'late', 'duplicate', 'open'] as const).map((k) => ({
      label: w.closing[k],
      value: s.closing[k],
      fill: CLOSING_FILLS[k],
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
  flow.numberPages(t.form.page);
}
