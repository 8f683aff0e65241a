// The consolidated summary's 按商品 table in the console (real head-office server, demo store): the items
// named in the synced cases of every branch, as the head-office API counts them.
// Screenshot: docs/screenshots/console-summary-by-item.png.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ConsoleSummary } from '../../src-headoffice/console/api-contract';
import { type ConsoleHarness, getJson, useConsolePage } from './console-harness';
import { axeProblems, shot } from './harness';

const Q = 'period=month&date=2026-11-15';
let h: ConsoleHarness;
let page: Page;
const pageErrors = useConsolePage((c) => ({ h, page } = c));

describe('console summary 按商品', () => {
  it('shows the items of the synced cases with their cases and shares', async () => {
    await page.goto(`${h.origin}/console/#/summary?${Q}`);
    await page.locator('[data-testid="summary-view"]').waitFor();
    const s = (await getJson<ConsoleSummary>(page, `/console/api/summary?${Q}`)).summary;
    const first = s.byItem?.[0];
    expect(first).toBeDefined();
    const table = page.locator('[data-testid="table-byItem"]');
    await table.scrollIntoViewIfNeeded();
    const firstRow = table.locator('tbody tr').first();
    expect(await firstRow.innerText()).toContain(first?.code ? `${first.name} (${first.code})` : String(first?.name));
    expect(await table.locator('tbody tr').count()).toBe(s.byItem?.length);
    if ((s.byItemTotal ?? 0) > (s.byItem?.length ?? 0))
      expect(await table.innerText()).toContain(`仅列出前 ${s.byItem?.length} 项,共 ${s.byItemTotal} 项`);
    await shot(page, 'console-summary-by-item');
    expect(await axeProblems(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
