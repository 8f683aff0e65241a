// The summary as PDF, CSV and spreadsheet, each read back: the PDF's text with pdfjs, the
// CSV with a strict reader (BOM first), the .xlsx with exceljs (numbers as numbers, money in
// yuan with two decimals).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/handlers';
import { reportJobsFor } from '../../src-main/handlers/report-handlers';
import { summaryCsv, summaryPdf, summaryXlsx } from '../../src-main/services/report-export';
import { computeSummary } from '../../src-main/services/reports';
import type { SummaryReport } from '../../src-main/shared/summary-types';
import { parseCsv } from '../helpers/csv';
import { readPdf, squash } from '../helpers/pdf-text';
import { MONTH, seedReportCases } from '../helpers/report-seed';
import { openTestStore, T0, type TestStore } from '../helpers/store';

let s: TestStore;
let report: SummaryReport;
beforeAll(() => {
  s = openTestStore();
  seedReportCases(s);
  s.clock.t = T0 + 48 * 3_600_000;
  report = computeSummary(s.ctx, s.users.secretary, MONTH);
});
afterAll(() => s?.close());

describe('summary PDF', () => {
  it('has the title, period, Chinese labels and the counts, as text', async () => {
    const pages = await readPdf(await summaryPdf(report, 'zh-CN', { creationDate: new Date(T0) }));
    const text = squash(pages.map((p) => p.text).join(''));
    for (const s of [
      '顾客异议处理月报表',
      '2026-11',
      '上海一店',
      '按异议类别',
      '商品质量',
      '服务态度',
      '来电申诉',
      '鞋部',
      '食品部',
      '结案时限',
      '当日结案',
      '超时',
      '顾客满意度',
      '退换货',
      '典型范例',
      '与前期比较',
      '2026-10',
      '异议类别分布',
    ]) {
      expect(text, s).toContain(s);
    }
    // The figures: refund 459.00 yuan, commission deducted on 459.00, quality share 50.0%.
    expect(text).toContain('459.00');
    expect(text).toContain('50.0%');
    // The trend's slip and refund columns say which view of the slips they follow.
    expect(text).toContain(squash('退换货单与退款按个案受理期间计'));
    expect(text).toContain(report.summary.typical[0]?.number ?? 'missing');
    expect(pages[0]?.text).toMatch(/第1页\/共\d+页|第 1 页/);
  });

  it('prints in English too', async () => {
    const text = squash((await readPdf(await summaryPdf(report, 'en'))).map((p) => p.text).join(''));
    expect(text).toContain(squash('Customer objections: monthly report'));
    expect(text).toContain('Productquality');
    expect(text).toContain(squash('Slips and refunds count as "By case received" above'));
  });

  it('an empty period prints, saying so', async () => {
    const empty = computeSummary(s.ctx, s.users.secretary, {
      periodType: 'week',
      date: '2026-06-03',
      previousCount: 0,
    });
    const text = squash((await readPdf(await summaryPdf(empty))).map((p) => p.text).join(''));
    expect(text).toContain('本期没有受理个案');
  });
});

describe('summary CSV', () => {
  it('is UTF-8 with a BOM and reads back to the same figures', () => {
    const buf = summaryCsv(report);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(buf.toString('utf8').slice(1));
    expect(rows[0]).toEqual(['顾客异议处理月报表']);
    const find = (label: string) => rows.find((r) => r[0] === label);
    expect(find('受理总数')?.[1]).toBe('2');
    expect(find('商品质量')?.slice(1)).toEqual(['1', '50.0%']);
    expect(find('退款金额(元)')?.[1]).toBe('459.00');
    expect(find('扣提成(单)')?.[1]).toBe('1');
    expect(rows.find((r) => r[0] === '2026-10')?.[1]).toBe('1');
  });
});

describe('summary spreadsheet', () => {
  it('one sheet per section, numbers as numbers, money as yuan with two decimals', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await summaryXlsx(report)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual([
      '概况',
      '按异议类别',
      '按表现方式',
      '按被投诉单位',
      '按商品',
      '结案时限',
      '顾客满意度',
      '调查认定',
      '有疑义与升级处理',
      '约定回复',
      '回访',
      '纠正预防措施',
      '方案被接受',
      '处理步骤执行情况',
      '政府职能部门转办',
      '退换货',
      '与前期比较',
      '典型范例',
      '有疑义或升级的个案',
    ]);
    const rowOf = (sheet: string, label: string) => {
      let found: ExcelJS.Row | undefined;
      wb.getWorksheet(sheet)?.eachRow((r) => {
        if (r.getCell(1).value === label) found = r;
      });
      return found;
    };
    expect(rowOf('概况', '受理总数')?.getCell(2).value).toBe(2);
    const refund = rowOf('退换货', '退款金额(元)')?.getCell(2);
    expect(refund?.value).toBe(459);
    expect(refund?.numFmt).toBe('#,##0.00');
    expect(rowOf('退换货', '质量问题占比')?.getCell(2).value).toBe(0.5);
    expect(rowOf('按异议类别', '服务态度')?.getCell(2).value).toBe(1);
    // 按商品: both November cases name the shoes (the October one counts only in the trend), one founded.
    const shoes = rowOf('按商品', '男士皮鞋 (6901234567890)');
    expect([2, 3, 4].map((i) => shoes?.getCell(i).value)).toEqual([2, 1, 1]);
  });
});

describe('exports through the handler map', () => {
  it('renders each format from a finished job; saving needs the desktop shell', async () => {
    const sess = { user: s.users.secretary };
    const started = await dispatch(s.ctx, sess, 'reports.start', MONTH);
    if (!started.ok) throw new Error('start refused');
    await reportJobsFor(s.ctx).settled(started.value.jobId);
    for (const format of ['pdf', 'csv', 'xlsx'] as const) {
      const r = await dispatch(s.ctx, sess, 'reports.export', { jobId: started.value.jobId, format });
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(r.value.fileName).toBe(`顾客异议处理月报表-SH01-2026-11.${format}`);
        expect(Buffer.from(r.value.base64, 'base64').length).toBeGreaterThan(100);
      }
    }
    expect(await dispatch(s.ctx, sess, 'reports.saveAs', { jobId: started.value.jobId, format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const saved: { name: string; bytes: number }[] = [];
    const ctx = {
      ...s.ctx,
      platform: {
        printPdf: async () => ({ printed: false, printerName: null }),
        savePdf: async () => null,
        listPrinters: async () => [],
        saveFile: async (d: Buffer, name: string) => (saved.push({ name, bytes: d.length }), `/tmp/${name}`),
      },
    };
    expect(await dispatch(ctx, sess, 'reports.saveAs', { jobId: started.value.jobId, format: 'xlsx' })).toEqual({
      ok: true,
      value: { path: '/tmp/顾客异议处理月报表-SH01-2026-11.xlsx' },
    });
    expect(saved[0]?.bytes).toBeGreaterThan(1000);
  });
});
