// Sync health with next steps and the case list's return, in a real browser against the real
// head-office server (demo store): a reviewer acknowledges the restored branch's REWOUND alert
// (who and when shown, kept after a reload); a list scrolled past its first page and filtered
// comes back at the same offset after opening a case, reloading it and going back.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_REVIEWER, REWOUND_BRANCH, SILENT_BRANCH } from '../../scripts/console-demo-store';
import { type ConsoleHarness, useConsolePage } from './console-harness';
import { axeProblems, shot } from './harness';

let h: ConsoleHarness;
let page: Page;
/** Uncaught errors in the page over the whole run (must stay empty). */
const pageErrors = useConsolePage((c) => ({ h, page } = c));

const listTop = () => page.locator('.vlist').evaluate((el) => el.scrollTop);

describe('console sync health and the list’s return', () => {
  it('shows each problem with its next step, and a reviewer acknowledges the REWOUND alert', async () => {
    await page.goto(`${h.origin}/console/#/health`);
    const rewound = page.locator(`[data-testid="problem-${REWOUND_BRANCH}-REWOUND"]`);
    await rewound.waitFor();
    expect(await rewound.innerText()).toContain('处理办法:门店电脑的数据库是从旧备份恢复的');
    expect(await rewound.getAttribute('data-acknowledged')).toBe('no');
    const never = page.locator(`[data-testid="problem-${SILENT_BRANCH}-NEVER_SYNCED"]`);
    expect(await never.innerText()).toContain('设置 → 总部同步');
    // The newest record's own time beside the import time.
    expect(await page.locator('[data-testid="newest-SH01"]').innerText()).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
    expect(await page.locator('#health-title').locator('..').innerText()).toContain('数据陈旧:门店最新记录');
    await shot(page, 'console-health-next-steps');

    await rewound.getByRole('button').click();
    await expect.poll(() => rewound.getAttribute('data-acknowledged')).toBe('yes');
    expect(await rewound.innerText()).toContain(`已由 ${DEMO_REVIEWER.name} 于`);
    expect(await rewound.getByRole('button').count()).toBe(0);
    // Kept at head office: the same after a reload; the branch's state reads acknowledged.
    await page.reload();
    await rewound.waitFor();
    expect(await rewound.getAttribute('data-acknowledged')).toBe('yes');
    const row = page.locator(`[data-testid="health-${REWOUND_BRANCH}"]`);
    expect(['yes', 'acknowledged']).toContain(await row.getAttribute('data-problem'));
    await rewound.scrollIntoViewIfNeeded();
    await shot(page, 'console-health-acknowledged');
    expect(await axeProblems(page)).toEqual([]);
  });

  it('returns from a case to the filtered list at the same scroll offset, also after a reload', async () => {
    const hash = '#/?order=oldest';
    await page.goto(`${h.origin}/console/${hash}`);
    await page.locator('[data-testid="case-row"]').first().waitFor();
    // Past the first keyset page (100 rows of 40 px): scroll to its end, let the next page load, go on.
    const target = 130 * 40;
    for (let i = 0; i < 20 && (await listTop()) < target; i++) {
      await page.locator('.vlist').evaluate((el, t) => el.scrollTo(0, t), target);
      await page.waitForTimeout(250);
    }
    expect(await listTop()).toBe(target);
    const opened = await page
      .locator('[data-testid="case-row"]')
      .evaluateAll(
        (els, t) => els.find((e) => parseInt((e as HTMLElement).style.top) >= t)?.getAttribute('href'),
        target,
      );
    expect(opened).toBeTruthy();
    await page.locator(`[data-testid="case-row"][href="${opened}"]`).click();
    await page.getByRole('button', { name: '返回个案列表' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: '返回个案列表' }).click();
    await page.locator('[data-testid="case-row"]').first().waitFor();
    expect(page.url()).toContain(hash);
    await expect.poll(listTop, { timeout: 10_000 }).toBe(target);
    expect(await page.locator(`[data-testid="case-row"][href="${opened}"]`).count()).toBe(1);
    // The list reloaded in place keeps it too.
    await page.reload();
    await page.locator('[data-testid="case-row"]').first().waitFor();
    await expect.poll(listTop, { timeout: 10_000 }).toBe(target);
    await shot(page, 'console-health-list-return');
    expect(pageErrors).toEqual([]);
  });
});
