// The in-store clock in a real browser whose PC clock is in another time zone (New York): a case
// resolved at the counter with the customer there has no deadline left, and a feedback time typed
// as 北京时间 is stored as that branch time. Screenshot: docs/screenshots/resolve-at-counter.png.
import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, choose, type Harness, shot, signIn, startHarness } from './harness';

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  h = await startHarness();
  browser = h.browser;
});
afterAll(async () => h?.close());

describe('the in-store clock on screen', () => {
  it('resolving at the counter meets the limit; a typed feedback time is branch time on a PC in New York', async () => {
    const ctx = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
      timezoneId: 'America/New_York',
    });
    const page = await ctx.newPage();
    await signIn(page, h.url, 'S001');
    const shoes = (await api(page, 'units.list', {})).find((u) => u.code === 'SHOES')?.id ?? '';
    const c = await api(page, 'cases.create', {
      channel: 'in_store',
      customer: { name: '周敏', phone: '13912345678' },
      content: '购买的电饭煲内胆有划痕,要求当场更换。',
      categoryCode: 'product_quality',
    });
    await api(page, 'cases.forward', { caseId: c.id, handlingUnitId: shoes });
    await page.goto(`${h.url}#/case/${c.id}`);
    await page.locator('[data-testid="status"]').waitFor();

    await page.locator('[data-action="resolve"]').click();
    const dialog = page.getByRole('dialog');
    await choose(page, 'action-type', '换货');
    await page.locator('#action-summary').fill('当场为顾客更换同型号新品,顾客认可。');
    await page.locator('#action-amount').fill('399');
    await dialog.locator('#action-atCounter').getByText('是').click();
    await shot(page, 'resolve-at-counter');
    await dialog.getByRole('button', { name: /确\s?定/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await page.locator('[data-testid="status"]').textContent()) ?? '').toBe('已处理');
    const resolved = await api(page, 'cases.get', { caseId: c.id });
    expect(resolved.counterResolvedAt).not.toBeNull();
    // The limit was met at the counter: no deadline is chased any more.
    expect(resolved.due).toBeNull();

    // Feedback typed as branch wall time, two minutes from now (after the resolution, within the 5 minutes allowed).
    const typed = DateTime.now().setZone('Asia/Shanghai').plus({ minutes: 2 }).toFormat('yyyy-MM-dd HH:mm');
    await page.locator('[data-action="feedback"]').click();
    await choose(page, 'action-satisfaction', '满意');
    await dialog.locator('#action-disputed').getByText('否').click();
    await page.locator('#action-fedBackAt').fill(typed);
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: /确\s?定/ }).click();
    await dialog.waitFor({ state: 'detached' }).catch(async (e: Error) => {
      throw new Error(`feedback dialog stayed open: ${await dialog.innerText()}`, { cause: e });
    });
    const fed = await api(page, 'cases.get', { caseId: c.id });
    expect(fed.firstFedBackAt).toBe(
      DateTime.fromFormat(typed, 'yyyy-MM-dd HH:mm', { zone: 'Asia/Shanghai' }).toMillis(),
    );
    await ctx.close();
  });
});
