// 不予受理 in a real browser: the secretary opens a new case, chooses 不予受理 with a reason from the
// branch's list, the words and the body; the case screen's 受理 group shows the decision, the notice is
// offered, and its PDF (fetched as the page) reads back; the manager edits the list of reasons on the
// settings screen. Screenshots: docs/screenshots/acceptance-*.png.
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
    // The confirmation says what 不予受理 does: closed, out of the queues, no deadline, the notice to print.
    const notice = await dialog.getByTestId('action-notice').innerText();
    for (const want of ['不予受理后个案进入“不予受理”', '不再出现在待办队列', '不再计算处理时限', '《不予受理告知书》'])
      expect(notice).toContain(want);
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

  it("the manager edits the branch's reasons: renamed, removed, added; an empty name is refused on its field", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 1000 }, locale: 'zh-CN' });
    const m = await ctx.newPage();
    await signIn(m, h.url, 'M001');
    await m.goto(`${h.url}#/settings`);
    await m.locator('#declineReason0zh').fill('不属于本店经营或服务范围');
    await m.locator('#declineReason0en').fill('Not about goods or services of this branch');
    await m.getByRole('button', { name: '删除原因 5' }).click();
    await m.getByRole('button', { name: '添加原因' }).click();
    await m.locator('#declineReason5zh').fill('超过投诉时限');
    await m.getByRole('button', { name: '保存设置' }).click();
    await m.locator('#declineReason5en-help').waitFor();
    expect(await m.locator('#declineReason5en-help').textContent()).toBe('原因(英文):必须填写');
    expect(await m.locator('#declineReason5zh').inputValue()).toBe('超过投诉时限');
    await m.locator('#declineReason5en').fill('Beyond the time limit for complaints');
    await m.getByRole('button', { name: '保存设置' }).click();
    await m.getByText('设置已保存').waitFor();
    await m.evaluate(() => document.querySelector('[data-testid="decline-reasons"]')?.scrollIntoView());
    await shot(m, 'acceptance-reasons-settings');
    const saved = (await api(m, 'settings.get', {})).declineReasons;
    expect(saved.map((r) => r.zh)).toEqual([
      '不属于本店经营或服务范围',
      '不属于消费者权益争议',
      '已由法院、仲裁机构或其他行政机关受理或处理',
      '没有明确的投诉对象、事实和请求',
      '同一事项已处理并答复',
      '超过投诉时限',
    ]);
    expect(saved[0]?.code).toBe('not_this_branch');
    await ctx.close();
  });
});
