// Reports and the training library in a real browser against the dev server's demo store:
// the secretary runs this month's summary (progress polled, then charts and tables), opens
// the PDF preview and exports CSV and Excel; a clerk has no Reports entry but reads the
// training library, whose list, case and printed sheet show no customer name or phone.
// Screenshots: docs/screenshots/reports.png, reports-week-picker.png, training.png.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { axeProblems, type Harness, shot, signIn, useHarness } from './harness';

let h: Harness;
useHarness((started) => (h = started));

describe('reports and training library', () => {
  it('the secretary runs the monthly summary, previews its PDF and exports CSV and Excel', async () => {
    const page = await h.newPage();
    await signIn(page, h.url, 'S001');
    await page.getByRole('button', { name: '汇总报表' }).click();
    await page.getByRole('heading', { name: '顾客异议处理汇总' }).waitFor();
    // The demo store is seeded up to now: the month of 15 days ago always has cases, even on the 1st.
    const month = DateTime.now().setZone('Asia/Shanghai').minus({ days: 15 }).toFormat('yyyy-LL');
    await page.locator('#report-month').fill(month);
    await page.locator('#report-month').press('Enter');
    await page.getByRole('button', { name: '生成报表' }).click();
    await page.getByTestId('summary-view').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('report-heading').innerText()).toContain(month);
    const total = Number(await page.getByTestId('stat-total').locator('.ant-statistic-content-value').innerText());
    expect(total).toBeGreaterThan(0);
    // The charts are SVG with their text as text.
    await page.locator('[data-testid="chart-category"] svg').waitFor();
    expect(await page.locator('[data-testid="chart-category"] svg').textContent()).toMatch(
      /商品质量|服务态度|价格|其他/,
    );
    expect(
      await page.locator('[data-testid="chart-trend"] svg rect, [data-testid="chart-trend"] svg path').count(),
    ).toBeGreaterThan(3);
    expect(await page.getByTestId('table-typical').innerText()).toMatch(/SH01-YY-\d{6}-\d{4}/);
    expect(await axeProblems(page)).toEqual([]);
    await shot(page, 'reports');
    // The returns section: by slip date and by the case's month, side by side and labelled.
    const slips = page.getByTestId('table-slips');
    await slips.scrollIntoViewIfNeeded();
    expect(await slips.innerText()).toMatch(/按单据日期[\s\S]*按个案受理期间/);
    await shot(page, 'reports-returns');

    const csv = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    const csvFile = await csv;
    expect(csvFile.suggestedFilename()).toMatch(/^顾客异议处理月报表-SH01-\d{4}-\d{2}\.csv$/);
    const xlsx = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    expect((await xlsx).suggestedFilename()).toMatch(/\.xlsx$/);

    await page.getByRole('button', { name: 'PDF 预览' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('canvas[data-page="1"]').waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => (await dialog.locator('[aria-label*="顾客异议处理月报表"]').count()) > 0, { timeout: 15_000 })
      .toBe(true);
  });

  it('a weekly summary runs the same way, named by its ISO week', async () => {
    const page = await h.newPage();
    await signIn(page, h.url, 'D001');
    await page.getByRole('button', { name: '汇总报表' }).click();
    await page.getByText('周汇总').click();
    // The week is picked on a calendar in the screen's language, Monday first, its value the ISO week.
    await page.locator('#report-week').click();
    await page.locator('.ant-picker-dropdown .ant-picker-week-panel').waitFor();
    expect(await page.locator('.ant-picker-dropdown thead th').nth(1).innerText()).toBe('一');
    await shot(page, 'reports-week-picker');
    await page.keyboard.press('Escape');
    expect(await page.locator('#report-week').inputValue()).toMatch(/^\d{4}-W\d{2}$/);
    await page.getByRole('button', { name: '生成报表' }).click();
    await page.getByTestId('summary-view').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('report-heading').innerText()).toMatch(/\d{4}-W\d{2}/);
  });

  it('a clerk has no reports but reads the training library without names or phones', async () => {
    const page = await h.newPage();
    await signIn(page, h.url, 'C001');
    expect(await page.getByRole('button', { name: '汇总报表' }).count()).toBe(0);
    await page.getByRole('button', { name: '典型范例' }).click();
    await page.getByRole('heading', { name: '典型范例(培训资料)' }).waitFor();
    const items = page.getByTestId('training-list').locator('.ant-card');
    await items.first().waitFor();
    expect(await items.count()).toBeGreaterThan(0);
    expect(await axeProblems(page)).toEqual([]);
    await shot(page, 'training');

    // What the store knows about a typical case's customer must not be on screen. An anonymous
    // complaint can be typical too, so the check opens the first listed case that names its
    // customer by name or phone (the demo is seeded on today's clock, so which one varies).
    const secretary = await h.newPage();
    await signIn(secretary, h.url, 'S001');
    const titles = await items.locator('.ant-card-head-title').allInnerTexts();
    const numbers = titles.flatMap((title) => /[A-Z0-9]+-[A-Z]+-\d{6}-\d{4}/.exec(title) ?? []);
    expect(numbers.length, 'the training list shows each case number').toBe(await items.count());
    const known = await secretary.evaluate(async (ns) => {
      const out: { number: string; who: string[]; receiptNo: string | null }[] = [];
      for (const n of ns) {
        const r = await fetch('api/cases.getByNumber', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ number: n }),
        });
        const answer = (await r.json()) as {
          ok: boolean;
          value?: { customerName: string | null; customerPhone: string | null; receiptNo: string | null };
        };
        if (!answer.ok || !answer.value) throw new Error(`cases.getByNumber ${n} failed`);
        const who = [answer.value.customerName, answer.value.customerPhone].filter(
          (v): v is string => typeof v === 'string' && v.trim() !== '',
        );
        out.push({ number: n, who, receiptNo: answer.value.receiptNo });
      }
      return out;
    }, numbers);
    // The check must have something to check: a listed case names its customer.
    const named = known.find((k) => k.who.length > 0);
    if (!named) throw new Error(`no typical case among ${numbers.join(', ')} names its customer`);
    await items.filter({ hasText: named.number }).first().click();
    await page.getByTestId('training-case').waitFor();
    const number = (await page.getByRole('heading', { level: 1 }).innerText()).replace(/^典型范例\s*/, '').trim();
    expect(number).toBe(named.number);
    const present = (v: string | null | undefined): v is string => typeof v === 'string' && v.trim() !== '';
    const who = named.who;
    const secrets = [...who, named.receiptNo].filter(present);
    const text = await page.locator('#main').innerText();
    const squeezed = text.replace(/\s+/g, '');
    for (const secret of secrets) {
      expect(text).not.toContain(secret);
      expect(squeezed).not.toContain(secret.replace(/\s+/g, ''));
    }
    await page.getByRole('button', { name: '打印预览' }).click();
    await page.locator('canvas[data-page="1"]').waitFor({ timeout: 30_000 });
    const pdfText = (
      await page
        .locator('[aria-label]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? '').join(' '))
    ).replace(/\s+/g, '');
    expect(pdfText).toContain('典型范例');
    for (const secret of who) expect(pdfText).not.toContain(secret.replace(/\s+/g, ''));
  });
});
