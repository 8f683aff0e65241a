// 不予受理 in a real browser: the secretary opens a new case, chooses 不予受理 with a reason from the
// branch's list, the words and the body; the case screen's 受理 group shows the decision, the notice is
// offered, and its PDF (fetched as the page) reads back. Screenshots: docs/screenshots/acceptance-*.png.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf, squash } from '../helpers/pdf-text';
import { api, choose, type Harness, shot, signIn, startHarness } from './harness';

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  h = await startHarness();
  browser = h.browser;
});
afterAll(async () => h?.close());

describe('不予受理 on screen', () => {
  it('a secretary records 不予受理 on a new case and prints the notice', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await signIn(page, h.url, 'S001');
    const c = await api(page, 'cases.create', {
      channel: 'phone',
      customer: { name: '钱女士', phone: '13800138123' },
      content: '隔壁商户装修噪音很大,影响我在家休息,要求贵店赔偿损失。',
      categoryCode: 'other',
    });
    await page.goto(`${h.url}#/case/${c.id}`);
    await page.locator('[data-testid="status"]').waitFor();
    await expect.poll(async () => page.locator('[data-testid="acceptance-decision"]').textContent()).toContain('受理');

    await page.locator('[data-action="decline"]').click();
    const dialog = page.getByRole('dialog');
    await choose(page, 'action-declineReason', '不属于消费者权益争议');
    await page
      .locator('#action-declineText')
      .fill('装修噪音属相邻商户之间的问题,不涉及您在本店购买的商品或接受的服务。');
    await page.locator('#action-referTo').fill('商场物业管理处(电话 021-5555 1234)');
    await shot(page, 'acceptance-decline-dialog');
    // The text emptied again: the dialog refuses in words before sending, and keeps what was chosen.
    await page.locator('#action-declineText').fill('');
    await dialog.getByRole('button', { name: /确\s?定/ }).click();
    await expect.poll(async () => dialog.innerText()).toContain('不予受理理由:必须填写');
    await page
      .locator('#action-declineText')
      .fill('装修噪音属相邻商户之间的问题,不涉及您在本店购买的商品或接受的服务。');
    await dialog.getByRole('button', { name: /确\s?定/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await page.locator('[data-testid="status"]').textContent()) ?? '').toBe('不予受理');
    await expect.poll(async () => page.locator('[data-testid="acceptance-decision"]').textContent()).toBe('不予受理');
    await page.locator('[data-action="decline_notice"]').waitFor();
    await shot(page, 'acceptance-not-accepted');

    const printed = await api(page, 'print.render', { kind: 'decline_notice', id: c.id });
    expect(printed.fileName).toBe(`不予受理告知书-${c.number}.pdf`);
    const text = squash((await readPdf(Buffer.from(printed.pdfBase64, 'base64'))).map((p) => p.text).join(''));
    for (const want of [
      '不予受理告知书',
      c.number,
      '钱女士',
      '隔壁商户装修噪音很大',
      '因不属于消费者权益争议,我店决定不予受理。',
      '装修噪音属相邻商户之间的问题',
      '可向商场物业管理处(电话021-55551234)反映。',
    ])
      expect(text).toContain(squash(want));

    // Out of the open queue.
    const open = await api(page, 'queues.list', { queue: 'open' });
    expect(open.rows.map((r) => r.id)).not.toContain(c.id);

    await page.locator('[data-action="decline_notice"]').click();
    await page.waitForTimeout(2500);
    await shot(page, 'acceptance-notice-preview');
    await ctx.close();
  });
});
