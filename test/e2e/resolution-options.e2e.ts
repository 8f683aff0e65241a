// Offering choices (issue 21 §3) in Chromium: the resolve form's 提供给顾客的方案 filled by keyboard, a bad
// amount refused under its input with the text kept, the chosen option marked and sent with Ctrl+Enter; the
// case screen lists the options with the chosen one; the month's summary counts 方案被接受.
// Screenshots: docs/screenshots/resolution-options-refused.png, -form.png, -case.png, -summary.png.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, choose, type Harness, shot, signIn, startHarness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('resolve: the options offered to the customer', () => {
  it('records them from the form, shows them on the case and counts them in the summary', async () => {
    const page = await h.newPage();
    await signIn(page, h.url, 'S001');
    const shoes = (await api(page, 'units.list', {})).find((u) => u.code === 'SHOES')?.id ?? '';
    const c = await api(page, 'cases.create', {
      channel: 'phone',
      customer: { name: '孙丽', phone: '13912340077' },
      content: '新买的运动鞋鞋底开裂,要求处理。',
      categoryCode: 'product_quality',
    });
    await api(page, 'cases.forward', { caseId: c.id, handlingUnitId: shoes });
    await page.goto(`${h.url}#/case/${c.id}`);
    await page.locator('[data-testid="status"]').waitFor();

    await page.locator('[data-action="resolve"]').click();
    const dialog = page.getByRole('dialog');
    await choose(page, 'action-type', '换货');
    await page.locator('#action-summary').fill('向顾客提出换货或部分退款,顾客选择换货。');
    // An exchange names its value (or a slip), as before.
    await page.locator('#action-amount').fill('459');
    const add = dialog.getByRole('button', { name: /添加方案/ });
    await add.click();
    await add.click();
    await add.click();
    await choose(page, 'action-offer-0-kind', '换货');
    await page.locator('#action-offer-0-text').fill('换同款 40 码,当日调货');
    await choose(page, 'action-offer-1-kind', '部分退款');
    await page.locator('#action-offer-1-amount').fill('12,00');
    await choose(page, 'action-offer-2-kind', '专人跟进关怀');
    await page.locator('#action-offer-2-text').fill('鞋部刘主管一个月内回访');
    await dialog.getByRole('button', { name: /确\s?定/ }).click();
    await dialog.getByText('方案金额:请输入金额,如 1200 或 1200.50').waitFor();
    expect(await page.locator('#action-offer-0-text').inputValue()).toBe('换同款 40 码,当日调货');
    await shot(page, 'resolution-options-refused');

    await page.locator('#action-offer-1-amount').fill('¥80');
    await dialog.getByLabel('顾客选择了方案 1').check();
    await shot(page, 'resolution-options-form');
    await page.locator('#action-summary').focus();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('[data-testid="status"]').textContent()).toBe('已处理');
    const list = page.getByTestId('offer-list');
    await list.scrollIntoViewIfNeeded();
    expect(await list.innerText()).toContain('换货 · 换同款 40 码,当日调货');
    expect(await list.locator('[data-chosen]').innerText()).toContain('顾客选择');
    expect(await list.innerText()).toContain('部分退款 · ¥80.00');
    await shot(page, 'resolution-options-case');

    await page.getByRole('button', { name: '汇总报表' }).click();
    await page.getByRole('heading', { name: '顾客异议处理汇总' }).waitFor();
    await page.locator('#report-month').fill(DateTime.now().setZone('Asia/Shanghai').toFormat('yyyy-LL'));
    await page.locator('#report-month').press('Enter');
    await page.getByRole('button', { name: '生成报表' }).click();
    const table = page.getByTestId('table-offers');
    await table.waitFor({ timeout: 30_000 });
    expect(await table.innerText()).toMatch(/提供了方案的个案\s+1/);
    expect(await table.innerText()).toMatch(/选择了首个方案\s+1\s+100\.0%/);
    await table.scrollIntoViewIfNeeded();
    await shot(page, 'resolution-options-summary');
  });
});
