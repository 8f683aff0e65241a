// 收款方式 in a real browser (issue 17): an exchange for dearer goods asks how the customer pays the
// difference instead of a refund method, and the saved slip shows it. Screenshot: slip-payment.png.
import { describe, expect, it } from 'vitest';
import { choose, type Harness, shot, signIn, useHarness } from './harness';

let h: Harness;
useHarness((started) => (h = started));

describe('slip payment method', () => {
  it('an exchange where the customer pays asks 收款方式 and the slip shows it', async () => {
    const page = await h.newPage();
    await signIn(page, h.url, 'C001');
    await page.goto(`${h.url}#/slip/new`);
    await page.locator('#slipReceipt').fill('R20261130088');
    await choose(page, 'slipUnit', '鞋部');
    await page.locator('#returnedLines-0-itemCode').fill('6900000000042');
    await page.locator('#returnedLines-0-name').fill('运动鞋 42码');
    await page.locator('#returnedLines-0-unitPrice').fill('299');
    await page.locator('#issuedLines-0-itemCode').fill('6900000000043');
    await page.locator('#issuedLines-0-name').fill('运动鞋 43码 新款');
    await page.locator('#issuedLines-0-unitPrice').fill('339');
    // The customer pays ¥40.00: the form asks how, not how to refund.
    await page.locator('#slipPaymentMethod').waitFor();
    expect(await page.locator('#slipRefundMethod').count()).toBe(0);
    await choose(page, 'slipPaymentMethod', '银行卡');
    await choose(page, 'slipReason', '尺码不合');
    for (const q of ['packagingIntact', 'accessoriesComplete', 'qualityProblem', 'deductCommission']) {
      await page
        .locator(`#${q}`)
        .getByLabel(q === 'packagingIntact' || q === 'accessoriesComplete' ? '是' : '否')
        .check();
    }
    await page.keyboard.press('Control+Enter');
    const fields = page.locator('[data-testid="slip-fields"]');
    await fields.waitFor();
    await expect.poll(async () => (await fields.textContent()) ?? '').toContain('收款方式银行卡');
    await shot(page, 'slip-payment');
  });
});
