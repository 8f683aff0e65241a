// The summary's 按商品 (by item) table in a real browser against the demo store: the secretary runs this
// month's summary and sees the items named in its cases, cut to the first 10 with the count of all.
// Screenshot: docs/screenshots/reports-by-item.png.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { axeProblems, type Harness, shot, signIn, useHarness } from './harness';

let h: Harness;
useHarness((started) => (h = started));

describe('按商品 in the summary', () => {
  it('lists the most complained-about items with their codes, cases and shares', async () => {
    const page = await h.newPage();
    await signIn(page, h.url, 'S001');
    await page.getByRole('button', { name: '汇总报表' }).click();
    const month = DateTime.now().setZone('Asia/Shanghai').minus({ days: 15 }).toFormat('yyyy-LL');
    await page.locator('#report-month').fill(month);
    await page.locator('#report-month').press('Enter');
    await page.getByRole('button', { name: '生成报表' }).click();
    await page.getByTestId('summary-view').waitFor({ timeout: 30_000 });
    const table = page.getByTestId('table-byItem');
    await table.scrollIntoViewIfNeeded();
    const text = await table.innerText();
    expect(text).toContain('按商品');
    expect(text).toMatch(/商品\(编码\)[\s\S]*异议件数[\s\S]*属实\/部分属实[\s\S]*占比/);
    // Demo items carry EAN-13 barcodes (690–695), shown after the name.
    expect(text).toMatch(/\((69[0-5]\d{10})\)/);
    const rows = await table.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThanOrEqual(10);
    if (rows === 10) expect(text).toMatch(/仅列出前 10 项,共 \d+ 项/);
    expect(text).toContain('异议单不记录品牌和供应商');
    expect(await axeProblems(page)).toEqual([]);
    await shot(page, 'reports-by-item');
  });
});
