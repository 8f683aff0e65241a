// The case list's unit, late and waiting filters in a real browser against the real head-office
// server (demo store): units named "SH01 <name>" from every branch, a unit keeps to its branch,
// late only, the 待批示 queue waiting longest first with days waiting in the row; all in the address
// (kept after a reload).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CaseListPage, UnitOption } from '../../src-headoffice/console/api-contract';
import { type ConsoleHarness, getJson, useConsolePage } from './console-harness';
import { axeProblems, shot } from './harness';

let h: ConsoleHarness;
let page: Page;
/** Uncaught errors in the page over the whole run (must stay empty). */
const pageErrors = useConsolePage((c) => ({ h, page } = c));

const api = <T>(path: string): Promise<T> => getJson<T>(page, path);
const listSettled = async () => {
  await page.locator('[data-testid="row-count"]').filter({ hasNotText: '正在加载' }).waitFor();
  await page.waitForLoadState('networkidle');
};
const rowBranches = () =>
  page.locator('[data-testid="case-row"] > span:first-child').evaluateAll((els) => els.map((e) => e.textContent));

describe('console list filters: unit, late, waiting', () => {
  it('chooses a unit by "branch name" among every branch\'s units; only that branch\'s cases, kept after a reload', async () => {
    await page.goto(`${h.origin}/console/#/`);
    await listSettled();
    const units = await api<UnitOption[]>('/console/api/units');
    expect(new Set(units.map((u) => u.branch))).toEqual(new Set(['SH01', 'SH02', 'SH03']));
    // A unit with cases at SH01, chosen in the select by its visible name.
    let chosen: UnitOption | undefined;
    for (const u of units.filter((x) => x.branch === 'SH01')) {
      const p = await api<CaseListPage>(`/console/api/cases?limit=1&unit=${encodeURIComponent(u.key)}`);
      if (p.total > 0) {
        chosen = u;
        break;
      }
    }
    if (!chosen) throw new Error('no SH01 unit with cases');
    await page.locator('#f-unit').click();
    await page.keyboard.type(`SH01 ${chosen.name}`);
    await page
      .locator('.ant-select-item-option', { hasText: `SH01 ${chosen.name}` })
      .first()
      .click();
    await page.waitForURL((u) => u.hash.includes(`unit=${encodeURIComponent(chosen.key)}`));
    await listSettled();
    const expected = await api<CaseListPage>(`/console/api/cases?limit=200&unit=${encodeURIComponent(chosen.key)}`);
    expect(expected.rows.every((r) => r.branch === 'SH01' && r.complainedUnit === chosen.key)).toBe(true);
    expect(new Set(await rowBranches())).toEqual(new Set(['SH01']));
    // The list draws only the rows in view; the count says how many matched.
    expect(await page.locator('[data-testid="row-count"]').innerText()).toContain(`共 ${expected.total} 条`);
    await page.reload();
    await listSettled();
    expect(await page.locator('.filters-more').innerText()).toContain(`SH01 ${chosen.name}`);
    expect(new Set(await rowBranches())).toEqual(new Set(['SH01']));
    await shot(page, 'console-filters-unit');
    expect(await axeProblems(page)).toEqual([]);
  });

  it('late only: each row says which deadline it was answered after', async () => {
    await page.goto(`${h.origin}/console/#/`);
    await listSettled();
    await page.locator('#f-late').check();
    await page.waitForURL((u) => u.hash.includes('late=1'));
    await listSettled();
    const late = await api<CaseListPage>('/console/api/cases?limit=100&late=1');
    expect(late.rows.every((r) => r.lateBy === 'handling' || r.lateBy === 'promise')).toBe(true);
    if (late.rows.length > 0) {
      const first = page.locator('[data-testid="case-row"]').first();
      expect(await first.locator('[data-testid="row-late"]').innerText()).toMatch(/^超时:(处理时限|承诺答复)$/);
      expect(await page.locator('[data-testid="row-late"]').count()).toBe(
        await page.locator('[data-testid="case-row"]').count(),
      );
    } else await page.locator('[data-testid="empty"]').waitFor();
    await shot(page, 'console-filters-late');
  });

  it('the 待批示 queue waits longest first with days waiting in each row; the order is kept in the address', async () => {
    await page.goto(`${h.origin}/console/#/?status=awaiting_instruction`);
    await listSettled();
    const queue = await api<CaseListPage>('/console/api/cases?limit=100&status=awaiting_instruction');
    expect(queue.rows.length).toBeGreaterThan(1);
    const since = queue.rows.map((r) => r.waitingSince as number);
    expect(since).toEqual([...since].sort((a, b) => a - b));
    expect(await page.locator('#f-order').locator('..').locator('..').innerText()).toContain('等待最久在前');
    const shown = await page.locator('[data-testid="row-waiting"]').allInnerTexts();
    // The rows in view (the list draws only those), each with its days waiting.
    expect(shown.length).toBe(await page.locator('[data-testid="case-row"]').count());
    expect(shown[0]).toBe(`等待 ${queue.rows[0]?.daysWaiting} 天`);
    const days = shown.map((s) => Number(/(\d+)/.exec(s)?.[1]));
    expect(days).toEqual([...days].sort((a, b) => b - a));
    await shot(page, 'console-filters-waiting');

    // The same order chosen for the whole list, in the address.
    await page.goto(`${h.origin}/console/#/`);
    await listSettled();
    await page.locator('#f-order').click({ force: true });
    await page.locator('.ant-select-item-option', { hasText: '等待最久在前' }).click();
    await page.waitForURL((u) => u.hash.includes('order=waiting'));
    await listSettled();
    const all = await api<CaseListPage>('/console/api/cases?limit=100&order=waiting');
    const firstNumber = await page.locator('[data-testid="case-row"] .hq-number strong').first().innerText();
    expect(firstNumber).toBe(all.rows[0]?.number);
    // The closed dropdown's fade-out lies over the rows for a moment: check once it is gone.
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    await page.mouse.move(5, 5);
    await page.waitForTimeout(400);
    expect(await axeProblems(page)).toEqual([]);
  });

  it('reads in English too, with no page error', async () => {
    await page.goto(`${h.origin}/console/#/?status=awaiting_instruction&overdueBy=handling&late=1`);
    await listSettled();
    await page.getByText('English').first().click();
    await page.locator('#f-overdue-by').locator('..').locator('..').getByText('Handling limit').waitFor();
    expect(await page.locator('.filters-more').innerText()).toContain('Answered late only');
    await page.goto(`${h.origin}/console/#/?status=awaiting_instruction`);
    await page.locator('[data-testid="row-waiting"]').first().waitFor();
    expect(await page.locator('[data-testid="row-waiting"]').first().innerText()).toMatch(/^Waiting \d+ d$/);
    await shot(page, 'console-filters-en');
    expect(pageErrors).toEqual([]);
  });
});
