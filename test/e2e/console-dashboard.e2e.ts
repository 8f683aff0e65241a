// The day's dashboard as the console's home in a real browser: sign-in lands on it, its cards
// agree with GET /dashboard, an overdue-by-branch entry leads to the list filtered by branch and
// overdue, a case entry to its case page, a branch problem to sync health; zh and en screenshots.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_REVIEWER } from '../../scripts/console-demo-store';
import type { CaseListPage, Dashboard } from '../../src-headoffice/console/api-contract';
import { type ConsoleHarness, getJson, useConsolePage } from './console-harness';
import { axeProblems, shot } from './harness';

let h: ConsoleHarness;
let page: Page;
/** Uncaught errors in the page over the whole run (must stay empty). */
const pageErrors = useConsolePage((c) => ({ h, page } = c), { signIn: false });

const get = <T>(path: string): Promise<T> => getJson<T>(page, path);
const hash = () => page.evaluate(() => window.location.hash);

describe('the day’s dashboard', () => {
  it('is where sign-in lands, first in the menu, with every card', async () => {
    await page.goto(`${h.origin}/console/`);
    await page.locator('#username').fill(DEMO_REVIEWER.username);
    await page.locator('#password').fill(DEMO_REVIEWER.password);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="dash-as-of"]').waitFor();
    expect(await page.locator('h1').innerText()).toContain('今日概览');
    const nav = page.getByRole('navigation').getByRole('button');
    expect(await nav.first().innerText()).toBe('今日概览');
    expect(await nav.first().getAttribute('aria-current')).toBe('page');
    for (const id of ['major', 'awaiting', 'overdue', 'branches', 'products'])
      await page.locator(`[data-testid="dash-${id}"]`).waitFor();

    const d = await get<Dashboard>('/console/api/dashboard');
    // The cards show what head office answered: the oldest 待批示 first, the branches with overdue cases.
    const awaiting = await page.locator('[data-testid="dash-awaiting"] [data-testid="dash-case"]').allInnerTexts();
    expect(awaiting).toEqual(d.awaiting.cases.map((c) => c.number));
    const overdue = await page.locator('[data-testid="dash-overdue-link"]').allInnerTexts();
    expect(overdue.map((s) => s.split(' ')[0])).toEqual(d.overdueByBranch.map((o) => o.branch));
    expect(d.overdueByBranch.length).toBeGreaterThan(0);
    const branchLinks = await page.locator('[data-testid="dash-branch-link"]').allInnerTexts();
    expect(branchLinks).toEqual(d.branchProblems.map((b) => b.branch));
    // A card with nothing in it says so.
    if (d.newMajor.cases.length === 0)
      expect(await page.locator('[data-testid="dash-major"]').innerText()).toContain('小时内没有新的重大个案');
    await shot(page, 'console-dashboard');
    expect(await axeProblems(page)).toEqual([]);
  });

  it('leads from a branch’s overdue count to the list filtered by that branch and overdue', async () => {
    const d = await get<Dashboard>('/console/api/dashboard');
    const first = d.overdueByBranch[0];
    if (!first) throw new Error('the demo has no overdue case');
    await page.locator('[data-testid="dash-overdue-link"]').first().click();
    await expect.poll(hash).toBe(`#/?branch=${first.branch}&overdue=1`);
    await page.locator('[data-testid="row-count"]').filter({ hasNotText: '正在加载' }).waitFor();
    const listed = await get<CaseListPage>(`/console/api/cases?branch=${first.branch}&overdue=1`);
    expect(listed.total).toBe(first.count);
    const rows = await page.locator('[data-testid="case-row"]').allInnerTexts();
    expect(rows.length).toBe(Math.min(first.count, rows.length));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toContain(first.branch);
    expect(await page.locator('#f-overdue').isChecked()).toBe(true);
  });

  it('leads from a 待批示 to its case, and from a branch problem to sync health', async () => {
    await page.getByRole('navigation').getByRole('button').first().click();
    await expect.poll(hash).toBe('#/dashboard');
    const d = await get<Dashboard>('/console/api/dashboard');
    const oldest = d.awaiting.cases[0];
    if (oldest) {
      await page.locator('[data-testid="dash-awaiting"] [data-testid="dash-case"]').first().click();
      await expect.poll(hash).toBe(`#/case/${oldest.branch}/${oldest.id}`);
      await page.goBack();
      await page.locator('[data-testid="dash-as-of"]').waitFor();
    }
    if (d.branchProblems.length > 0) {
      await page.locator('[data-testid="dash-branch-link"]').first().click();
      await expect.poll(hash).toBe('#/health');
    }
  });

  it('leads from a flagged product to the list of its cases, the product shown as a filter that can be cleared', async () => {
    await page.goto(`${h.origin}/console/#/dashboard`);
    await page.locator('[data-testid="dash-as-of"]').waitFor();
    const d = await get<Dashboard>('/console/api/dashboard');
    const flag = d.products.flags[0];
    if (!flag) throw new Error('the demo has no flagged product');
    await page.locator('[data-testid="dash-product-link"]').first().click();
    await expect.poll(hash).toContain(`item=${encodeURIComponent(flag.item)}`);
    await page.locator('[data-testid="row-count"]').filter({ hasNotText: '正在加载' }).waitFor();
    expect(await page.locator('[data-testid="item-filter"]').innerText()).toContain(flag.item);
    const from = new URLSearchParams((await hash()).split('?')[1]).get('from') ?? '';
    const listed = await get<CaseListPage>(
      `/console/api/cases?item=${encodeURIComponent(flag.item)}&from=${from}&limit=200`,
    );
    // Every case the flag counted is listed (the list starts at the window's first day).
    expect(listed.total).toBeGreaterThanOrEqual(flag.cases);
    expect(await page.locator('[data-testid="case-row"]').count()).toBe(Math.min(listed.total, 200));
    await shot(page, 'console-dashboard-product');
    await page.locator('[data-testid="item-filter"] [aria-label="不再按商品筛选"]').click();
    await expect.poll(hash).not.toContain('item=');
  });

  it('reads in English', async () => {
    await page.goto(`${h.origin}/console/#/dashboard`);
    await page.getByText('English').first().click();
    await expect.poll(() => page.locator('h1').innerText()).toContain('Today at a glance');
    expect(await page.locator('[data-testid="dash-overdue"]').innerText()).toContain('Overdue cases by branch');
    await shot(page, 'console-dashboard-en');
    expect(pageErrors).toEqual([]);
  });
});
