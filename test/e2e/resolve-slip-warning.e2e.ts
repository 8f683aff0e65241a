// A refund resolved with an amount and no slip (issue 18 §4): the resolve form hints to open the slip
// while it is filled in, and the saved resolution comes back with the warning on screen.
// Screenshots: docs/screenshots/resolve-slip-hint.png, docs/screenshots/resolve-slip-warning.png.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, choose, type Harness, shot, signIn, startHarness, openManagerScreen } from './harness';

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  h = await startHarness();
  browser = h.browser;
});
afterAll(async () => h?.close());

const HINT = '已填写退款或补偿金额,但没有关联退换货单:请开具退换货单,以防重复退款';

describe('resolve: open the slip', () => {
  it('hints before saving and warns after saving a refund with an amount and no slip', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await signIn(page, h.url, 'S001');
    const shoes = (await api(page, 'units.list', {})).find((u) => u.code === 'SHOES')?.id ?? '';
    const c = await api(page, 'cases.create', {
      channel: 'phone',
      customer: { name: '钱多多', phone: '13912340042' },
      content: '皮鞋开胶,要求退款。',
      categoryCode: 'product_quality',
    });
    await api(page, 'cases.forward', { caseId: c.id, handlingUnitId: shoes });
    await page.goto(`${h.url}#/case/${c.id}`);
    await page.locator('[data-testid="status"]').waitFor();

    await page.locator('[data-action="resolve"]').click();
    const dialog = page.getByRole('dialog');
    const hint = dialog.locator('[data-testid="action-hint"]');
    await choose(page, 'action-type', '退货退款');
    await page.locator('#action-summary').fill('同意退款 459 元。');
    await expect.poll(() => hint.count()).toBe(0);
    await page.locator('#action-amount').fill('459');
    await expect.poll(() => hint.textContent()).toBe(HINT);
    // A slip number typed: no hint; cleared again: the hint is back.
    await page.locator('#action-slipNumbers').fill('SH01-TH-202611-0001');
    await expect.poll(() => hint.count()).toBe(0);
    await page.locator('#action-slipNumbers').fill('');
    await expect.poll(() => hint.count()).toBe(1);
    await shot(page, 'resolve-slip-hint');

    await dialog.getByRole('button', { name: /确\s?定/ }).click();
    const warning = page.locator('.save-warning');
    await warning.waitFor();
    expect(await warning.innerText()).toContain(HINT);
    expect(await page.locator('[data-testid="status"]').textContent()).toBe('已处理');
    await shot(page, 'resolve-slip-warning');
    await ctx.close();
  });

  it("the manager sets the chain's receipt format; a negative count is refused on its field in words", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await signIn(page, h.url, 'M001');
    await openManagerScreen(page, '设置');
    const start = page.locator('#receiptSerialStart');
    expect(await start.inputValue()).toBe('9');
    await start.fill('-1');
    await page.getByRole('button', { name: '保存设置' }).click();
    const item = page.locator('.ant-form-item').filter({ has: start });
    await expect.poll(() => item.innerText()).toContain('小票号流水号前的字符数:');
    await start.scrollIntoViewIfNeeded();
    await shot(page, 'settings-receipt-format');
    await start.fill('0');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('设置已保存').waitFor();
    expect((await api(page, 'settings.get', {})).receiptSerialStart).toBe(0);
    await ctx.close();
  });
});
