// Several purchased items with quantities at intake, in a real browser: a refused quantity keeps
// what was typed and says what is expected, the case shows every item with its quantity, and a
// slip opened from the case starts with every item and quantity. Screenshots go to docs/screenshots.
import { describe, expect, it } from 'vitest';
import { choose, type Harness, shot, signIn, useHarness } from './harness';

let h: Harness;
useHarness((started) => (h = started));

describe('purchased items end to end', () => {
  it('two items with quantities: a bad quantity refused, then saved, shown and carried into a slip', async () => {
    const page = await h.newPage();
    await signIn(page, h.url, 'C001');
    await page.goto(`${h.url}#/intake/in_store`);
    await page.locator('#name').fill('钱女士');
    await page.locator('#phone').fill('13911112222');
    await page.locator('#item-0-name').fill('电饭煲');
    await page.locator('#item-0-code').fill('6901234500011');
    await page.locator('#item-0-quantity').fill('２');
    await page.getByRole('button', { name: '添加商品' }).click();
    await page.locator('#item-1-name').fill('电水壶');
    await page.locator('#item-1-quantity').fill('0');
    await page.locator('#receiptNo').fill('R20261130101');
    await page.locator('#content').fill('买的电饭煲两台都不加热,电水壶漏水,要求退货。');
    await choose(page, 'category', '商品质量');
    await page.locator('form button[type=submit]').click();

    // Refused on the row's own field, in words, what was typed kept.
    const help = page.locator('#item-1-quantity-help');
    await help.waitFor();
    expect(await help.textContent()).toContain('请输入数量,1 至 999 的整数');
    expect(await page.locator('#item-1-quantity').inputValue()).toBe('0');
    expect(await page.locator('#item-0-quantity').inputValue()).toBe('２');
    await shot(page, 'intake-items-refused');

    await page.locator('#item-1-quantity').fill('1');
    await page.locator('form button[type=submit]').click();
    await page.locator('[data-testid="status"]').waitFor();
    const items = page.getByTestId('purchase-items');
    expect(await items.innerText()).toContain('电饭煲 · 数量 2 · 编码/条码 6901234500011');
    expect(await items.innerText()).toContain('电水壶 · 数量 1');
    await items.scrollIntoViewIfNeeded();
    await shot(page, 'case-items');

    await page.getByRole('button', { name: '开退换货单', exact: true }).click();
    await page.locator('[data-testid="slip-linked-case"]').waitFor();
    expect(await page.locator('#returnedLines-0-name').inputValue()).toBe('电饭煲');
    expect(await page.locator('#returnedLines-0-quantity').inputValue()).toBe('2');
    expect(await page.locator('#returnedLines-1-name').inputValue()).toBe('电水壶');
    expect(await page.locator('#returnedLines-1-quantity').inputValue()).toBe('1');
  });
});
