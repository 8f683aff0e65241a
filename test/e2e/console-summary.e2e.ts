// The consolidated summary in a real browser against the real head-office server (demo store): a figure
// opens the cases behind it (as many as it counts, each leading to its case), the PDF/CSV/xlsx download
// in the reviewer's language, 打印 opens the PDF itself, and the branches side by side link to their cases.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BranchCompareAnswer, ConsoleSummary } from '../../src-headoffice/console/api-contract';
import { parseCsv } from '../helpers/csv';
import { readPdf, squash } from '../helpers/pdf-text';
import { type ConsoleHarness, getJson, useConsolePage } from './console-harness';
import { axeProblems, SCREENSHOTS, shot } from './harness';

const Q = 'period=month&date=2026-11-15';
let h: ConsoleHarness;
let page: Page;
/** Uncaught errors in the page over the whole run (must stay empty). */
const pageErrors = useConsolePage((c) => ({ h, page } = c));

const api = <T>(path: string): Promise<T> => getJson<T>(page, path);

describe('console summary: drill-down, exports, print, branches side by side', () => {
  it('opens the cases behind a figure: as many rows as the figure, each leading to its case', async () => {
    await page.goto(`${h.origin}/console/#/summary?${Q}`);
    await page.locator('[data-testid="summary-view"]').waitFor();
    const s = (await api<ConsoleSummary>(`/console/api/summary?${Q}`)).summary;
    const phone = s.byChannel.find((r) => r.key === 'phone')?.count ?? 0;
    expect(phone).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    await shot(page, 'console-summary-figures');
    expect(await axeProblems(page)).toEqual([]);
    // The channel table's 来电申诉 count is a link to its cases.
    const link = page.locator('[data-testid="table-channel"] tr', { hasText: '来电申诉' }).locator('a.summary-figure');
    expect(await link.innerText()).toBe(String(phone));
    await link.click();
    await page.locator('[data-testid="drill-total"]').waitFor();
    expect(await page.evaluate(() => window.location.hash)).toContain('figure=channel%3Aphone');
    expect(await page.locator('[data-testid="drill-total"]').innerText()).toContain(`按表现方式:来电申诉:${phone}`);
    const rows = page.locator('[data-testid="drill-table"] tbody tr.ant-table-row');
    const shown = Math.min(phone, 50);
    await expect.poll(() => rows.count()).toBe(shown);
    await shot(page, 'console-summary-drill');
    expect(await axeProblems(page)).toEqual([]);
    // A row leads to its case.
    const number = await rows.first().locator('a').innerText();
    await rows.first().locator('a').click();
    await page.waitForFunction(() => window.location.hash.startsWith('#/case/'));
    await expect.poll(async () => page.locator('main').innerText()).toContain(number);
    // The overdue figure lists exactly the open cases past their limit.
    await page.goto(`${h.origin}/console/#/summary/cases?${Q}&figure=overdue`);
    await page.locator('[data-testid="drill-total"]').waitFor();
    expect(await page.locator('[data-testid="drill-total"]').innerText()).toContain(
      `其中已超时未反馈:${s.openOverdue}`,
    );
    expect(pageErrors).toEqual([]);
  });

  it('downloads PDF, CSV and xlsx in the reviewer’s language; 打印 opens the PDF itself', async () => {
    await page.goto(`${h.origin}/console/#/summary?${Q}`);
    await page.locator('[data-testid="summary-view"]').waitFor();
    const s = (await api<ConsoleSummary>(`/console/api/summary?${Q}`)).summary;
    const dir = mkdtempSync(join(tmpdir(), 'summary-dl-'));
    const download = async (name: string) => {
      const wait = page.waitForEvent('download');
      await page.getByRole('link', { name }).click();
      const d = await wait;
      const path = join(dir, d.suggestedFilename());
      await d.saveAs(path);
      return { path, name: d.suggestedFilename() };
    };
    const pdf = await download('导出 PDF');
    expect(pdf.name).toBe('顾客异议处理月报表-ALL-2026-11.pdf');
    const text = squash((await readPdf(readFileSync(pdf.path))).map((p) => p.text).join(''));
    expect(text).toContain('顾客异议处理月报表');
    expect(text).toContain('全部门店SH01、SH02');
    expect(text).toContain(`${s.total}受理总数`);
    // The PDF's pages as pictures, looked at.
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', pdf.path, join(dir, 'page')]);
    for (const f of readdirSync(dir)
      .filter((x) => x.startsWith('page'))
      .sort())
      renameSync(join(dir, f), join(SCREENSHOTS, `console-summary-pdf${f.replace(/^page/, '')}`));

    const csv = await download('导出 CSV');
    const rows = parseCsv(readFileSync(csv.path, 'utf8').replace(/^\uFEFF/, ''));
    expect(rows.find((r) => r[0] === '受理总数')?.[1]).toBe(String(s.total));
    const xlsx = await download('导出 Excel');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.path);
    expect(wb.worksheets[0]?.name).toBe('概况');

    // 打印: the PDF opened in a new window (the browser's viewer prints it), not the screen printed.
    const href = await page.getByRole('link', { name: /^打\s?印$/ }).getAttribute('href');
    expect(href).toContain('disposition=inline');
    const res = await page.evaluate(async (p) => {
      const r = await fetch(p ?? '', { credentials: 'same-origin' });
      return { type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition') };
    }, href);
    expect(res).toMatchObject({ type: 'application/pdf' });
    expect(res.disposition).toMatch(/^inline;/);

    // In English the files are English.
    await page.getByText('English').first().click();
    await page.getByRole('link', { name: 'Export CSV' }).waitFor();
    const en = await download('Export CSV');
    expect(parseCsv(readFileSync(en.path, 'utf8').replace(/^\uFEFF/, ''))[0]).toEqual([
      'Customer objections: monthly report',
    ]);
    await page.getByText('中文').first().click();
    await page.getByRole('link', { name: '导出 CSV' }).waitFor();
  });

  it('shows the branches side by side, each count leading to that branch’s cases', async () => {
    await page.goto(`${h.origin}/console/#/summary?${Q}`);
    await page.getByRole('button', { name: '门店对比' }).click();
    await page.locator('[data-testid="compare-table"]').waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe(`#/summary/branches?${Q}`);
    const c = await api<BranchCompareAnswer>(`/console/api/summary/branches?${Q}`);
    const sh01 = c.branches.find((b) => b.branch === 'SH01');
    expect(sh01?.cases).toBeGreaterThan(0);
    const header = await page.locator('[data-testid="compare-table"] thead').innerText();
    for (const b of c.branches) expect(header).toContain(b.branch);
    const casesRow = page.locator('[data-testid="compare-table"] tbody tr', { hasText: '受理总数' });
    expect(await casesRow.innerText()).toContain(String(sh01?.cases));
    await shot(page, 'console-summary-compare');
    expect(await axeProblems(page)).toEqual([]);
    const idx = c.branches.findIndex((b) => b.branch === 'SH01');
    await casesRow
      .locator('td')
      .nth(idx + 1)
      .locator('a')
      .click();
    await page.locator('[data-testid="drill-total"]').waitFor();
    expect(await page.locator('[data-testid="drill-total"]').innerText()).toContain(`受理总数:${sh01?.cases}`);
    expect(await page.locator('[data-testid="drill-total"]').innerText()).toContain('SH01');
    expect(pageErrors).toEqual([]);
  });
});
