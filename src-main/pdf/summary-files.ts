// The summary as a file: PDF (with its charts), CSV (UTF-8 with a byte-order mark, so that
// Excel in China opens it as UTF-8 and not GBK), and a spreadsheet with one sheet per
// section, numbers as numbers and money as yuan with two decimals. Pure, so that head office
// writes its consolidated summary with the same writers (services/report-export.ts re-exports it).
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { type Cell, cellText, reportFileBase, reportHeaderLines, reportSections } from './report-sections';
import { reportText } from './report-text';
import { renderPdf, type RenderOptions } from './render';
import { summaryReportTemplate } from './templates/summary-report';
import type { ReportFormat } from '../shared/schemas/report';
import type { SummaryReport } from '../shared/summary-types';

export type ReportLanguage = 'zh-CN' | 'en';

export interface ReportFile {
  data: Buffer;
  fileName: string;
  mime: string;
}

const BOM = '\uFEFF';

export function summaryCsv(r: SummaryReport, lang: ReportLanguage = 'zh-CN'): Buffer {
  const t = reportText(lang);
  const rows: string[][] = [
    [t.summary.title[r.summary.period.type]],
    ...reportHeaderLines(r, t).map(([k, v]) => [k, v]),
  ];
  for (const sec of reportSections(r, t)) {
    rows.push([], [sec.title], sec.columns);
    // Money as plain yuan numbers (123.45) and shares as percentages, so a spreadsheet can add them up.
    for (const row of sec.rows) rows.push(row.map(cellText));
    if (sec.note) rows.push([sec.note]);
  }
  return Buffer.from(BOM + stringify(rows, { record_delimiter: 'windows' }), 'utf8');
}

function xlsxValue(c: Cell): string | number {
  switch (c.t) {
    case 'text':
      return c.v;
    case 'int':
      return c.v;
    case 'yuan':
      return c.fen / 100;
    case 'share':
      return c.v;
  }
}

const NUM_FMT: Record<Cell['t'], string | undefined> = { text: undefined, int: '0', yuan: '#,##0.00', share: '0.0%' };

/** Sheet names: at most 31 characters, none of []:*?/\ (Excel's rules). */
const sheetName = (s: string) => s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

export async function summaryXlsx(
  r: SummaryReport,
  lang: ReportLanguage = 'zh-CN',
  created = new Date(r.generatedAt),
): Promise<Buffer> {
  const t = reportText(lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Branch Desk';
  wb.created = created;
  wb.modified = created;
  for (const sec of reportSections(r, t)) {
    const ws = wb.addWorksheet(sheetName(sec.title));
    if (sec.id === 'overview') {
      ws.addRow([t.summary.title[r.summary.period.type]]).font = { bold: true, size: 14 };
      for (const line of reportHeaderLines(r, t)) ws.addRow(line);
      ws.addRow([]);
    }
    const head = ws.addRow(sec.columns);
    head.font = { bold: true };
    head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF1F4' } };
    for (const row of sec.rows) {
      const xr = ws.addRow(row.map(xlsxValue));
      row.forEach((c, i) => {
        const fmt = NUM_FMT[c.t];
        if (fmt) xr.getCell(i + 1).numFmt = fmt;
      });
    }
    if (sec.note) ws.addRow([sec.note]).font = { italic: true };
    ws.columns.forEach((col, i) => {
      const widest = Math.max(
        ...[sec.columns[i] ?? '', ...sec.rows.map((row) => (row[i] ? cellText(row[i] as Cell) : ''))].map((s) =>
          // CJK characters take two columns' width.
          Array.from(s).reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0),
        ),
      );
      col.width = Math.min(Math.max(10, widest + 2), 48);
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function summaryPdf(
  r: SummaryReport,
  lang: ReportLanguage = 'zh-CN',
  opts: RenderOptions = {},
): Promise<Buffer> {
  const t = reportText(lang);
  return renderPdf(summaryReportTemplate, r, t, {
    ...opts,
    paper: 'A4',
    title: `${t.summary.title[r.summary.period.type]} ${r.branch.code} ${r.summary.period.key}`,
  });
}

export async function exportSummary(
  r: SummaryReport,
  format: ReportFormat,
  lang: ReportLanguage = 'zh-CN',
  opts: RenderOptions = {},
): Promise<ReportFile> {
  const base = reportFileBase(r, reportText(lang));
  if (format === 'csv') return { data: summaryCsv(r, lang), fileName: `${base}.csv`, mime: 'text/csv' };
  if (format === 'xlsx')
    return {
      data: await summaryXlsx(r, lang),
      fileName: `${base}.xlsx`,
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
  return { data: await summaryPdf(r, lang, opts), fileName: `${base}.pdf`, mime: 'application/pdf' };
}
