// Follow-ups as tasks in Chromium: after feedback the branch's follow-up is proposed on the case
// screen (due date and assignee prefilled), confirmed, recorded unreachable (联系不上) twice, and the
// case filed as customer unreachable (顾客无法联系); the manager's follow-up settings.
// Screenshots: docs/screenshots/followups-*.png.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, choose, type Harness, shot, signIn, startHarness } from './harness';

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  h = await startHarness();
  browser = h.browser;
});
afterAll(async () => h?.close());

/** Records the open follow-up as unreachable from the case screen. */
async function recordUnreachable(page: Page, note: string, screenshot?: string) {
  await page.getByRole('button', { name: '记录回访结果' }).click();
  const dialog = page.getByRole('dialog');
  await choose(page, 'action-outcome', '联系不上');
  await dialog.locator('#action-result').fill(note);
  if (screenshot) await shot(page, screenshot);
  await dialog.getByRole('button', { name: /确\s?定/ }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('follow-ups on screen', () => {
  it('proposes the follow-up after feedback; two unreachable attempts; filed as customer unreachable', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await signIn(page, h.url, 'S001');
    const shoes = (await api(page, 'units.list', {})).find((u) => u.code === 'SHOES')?.id ?? '';
    const c = await api(page, 'cases.create', {
      channel: 'phone',
      customer: { name: '韩梅', phone: '13712345678' },
      content: '收银员态度生硬,要求道歉。',
      categoryCode: 'service_attitude',
    });
    await api(page, 'cases.forward', { caseId: c.id, handlingUnitId: shoes });
    await api(page, 'cases.resolve', { caseId: c.id, type: 'apology', summary: '部门主管电话致歉' });
    await api(page, 'cases.feedback', { caseId: c.id, satisfaction: 'basically_satisfied', disputed: false });
    await page.goto(`${h.url}#/case/${c.id}`);
    await page.locator('[data-testid="status"]').waitFor();

    // The setting's follow-up (default: one, 3 days after feedback) is proposed, not yet a record.
    const proposal = page.locator('[data-follow-up-proposal="0"]');
    await proposal.waitFor();
    expect(await page.locator('[data-follow-up]').count()).toBe(0);
    expect(await page.locator('#proposal-0-assignee').locator('..').locator('..').textContent()).toContain('李晓雯');
    // Filing as unreachable is offered disabled, with the reason.
    expect(await page.locator('[data-testid="blocked-actions"]').textContent()).toContain(
      '须有 2 次联系不上的回访记录',
    );
    await page.locator('[data-group="followUps"]').scrollIntoViewIfNeeded();
    await shot(page, 'followups-proposed');

    // Confirm it for today (the customer is called now).
    await page.locator('#proposal-0-dueDate').click();
    await page
      .locator('#proposal-0-dueDate')
      .fill(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }));
    await page.locator('#proposal-0-dueDate').press('Enter');
    await proposal.getByRole('button', { name: '确认安排' }).click();
    await page.locator('[data-follow-up]').first().waitFor();
    await recordUnreachable(page, '拨打两次无人接听', 'followups-outcome');
    await page.locator('[data-testid="unreachable-attempts"]').getByText('1 次').waitFor();

    // Another attempt is proposed; confirmed and recorded unreachable again.
    const retry = page.locator('[data-follow-up-proposal="retry"]');
    await retry.waitFor();
    await retry.getByRole('button', { name: '确认安排' }).click();
    await expect.poll(async () => page.getByRole('button', { name: '记录回访结果' }).count()).toBe(1);
    await recordUnreachable(page, '电话关机');
    await page.locator('[data-testid="unreachable-attempts"]').getByText('2 次').waitFor();

    // Now the case may be filed as customer unreachable; the dialog says what will happen.
    await page.locator('[data-action="file_unreachable"]').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.locator('[data-testid="action-notice"]').textContent()).toContain('顾客无法联系');
    await dialog.getByRole('button', { name: /确\s?定/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await page.locator('[data-testid="status"]').textContent()) ?? '').toBe('已建档');
    expect(await page.locator('[data-testid="filing-reason"]').textContent()).toContain('顾客无法联系');
    const history = page.locator('[data-testid="case-history"]');
    await history.getByText('建档原因: 无 → 顾客无法联系').waitFor();
    expect(await history.textContent()).toContain('回访结果: 无 → 联系不上');
    await page.locator('[data-testid="filing-reason"]').scrollIntoViewIfNeeded();
    await shot(page, 'followups-filed');
    const filed = await api(page, 'cases.get', { caseId: c.id });
    expect(filed).toMatchObject({ status: 'filed', filingReason: 'customer_unreachable', unreachableAttempts: 2 });
    await ctx.close();
  });

  it('schedules a follow-up by hand (安排回访) for the person picked: the secretary first, then the handler', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await signIn(page, h.url, 'S001');
    const shoes = (await api(page, 'units.list', {})).find((u) => u.code === 'SHOES')?.id ?? '';
    const c = await api(page, 'cases.create', {
      channel: 'phone',
      customer: { name: '王芳', phone: '13812345678' },
      content: '退换货等候时间过长。',
      categoryCode: 'service_attitude',
    });
    // The shoe department's 刘喆 handles it (the staff the secretary may assign are listed on the case).
    const handler = (await api(page, 'cases.get', { caseId: c.id })).followUpAssignees.find((a) => a.name === '刘喆');
    await api(page, 'cases.forward', { caseId: c.id, handlingUnitId: shoes, assigneeId: handler?.id });
    await api(page, 'cases.resolve', { caseId: c.id, type: 'apology', summary: '部门主管当面致歉' });
    await api(page, 'cases.feedback', { caseId: c.id, satisfaction: 'satisfied', disputed: false });
    await page.goto(`${h.url}#/case/${c.id}`);
    await page.locator('[data-action="follow_up"]').click();
    const dialog = page.getByRole('dialog');
    // The same people, in the same order, as the proposals: herself (the default), then the case's handler.
    const select = dialog
      .locator('#action-assigneeId')
      .locator('xpath=ancestor::div[contains(@class,"ant-select")][1]');
    expect(await select.textContent()).toContain('李晓雯(秘书室)');
    await page.locator('#action-assigneeId').focus();
    await page.keyboard.press('ArrowDown');
    const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await options.first().waitFor();
    expect((await options.allTextContents()).slice(0, 2)).toEqual(['李晓雯(秘书室)', '刘喆(被投诉单位人员)']);
    await page.keyboard.press('Escape');
    await choose(page, 'action-assigneeId', '刘喆(被投诉单位人员)');
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    await dialog.locator('#action-dueDate').fill(today);
    await dialog.locator('#action-dueDate').press('Enter');
    await dialog.locator('#action-note').fill('询问顾客对致歉是否满意');
    await shot(page, 'followups-schedule-dialog');
    await dialog.getByRole('button', { name: /确\s?定/ }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.locator('[data-follow-up]').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('刘喆');
    await page.locator('[data-group="followUps"]').scrollIntoViewIfNeeded();
    await shot(page, 'followups-scheduled');
    const stored = await api(page, 'cases.get', { caseId: c.id });
    expect(stored.followUps.map((u) => u.assigneeId)).toEqual([handler?.id]);
    await ctx.close();
  });

  it("lists the assignee's due follow-ups under 我的回访 on the home screen; the manager sets the follow-ups", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await signIn(page, h.url, 'S001');
    const c = await api(page, 'cases.create', {
      channel: 'phone',
      customer: { name: '李雷', phone: '13612345678' },
      content: '收银台排队太久。',
      categoryCode: 'service_facilities',
    });
    await api(page, 'cases.resolve', { caseId: c.id, type: 'explanation', summary: '已解释并增开收银台' });
    await api(page, 'cases.feedback', { caseId: c.id, satisfaction: 'satisfied', disputed: false });
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    await api(page, 'followUps.schedule', { caseId: c.id, dueDate: today });
    await page.goto(`${h.url}#/`);
    // The follow-up was scheduled through the channel, not the screen: load the counts afresh.
    await page.reload();
    await page.getByText('我的回访').first().click();
    await page.getByText(c.number).first().waitFor();
    await shot(page, 'followups-home');
    await ctx.close();

    const mctx = await browser.newContext({ viewport: { width: 1366, height: 1100 }, locale: 'zh-CN' });
    const m = await mctx.newPage();
    await signIn(m, h.url, 'M001');
    await m.goto(`${h.url}#/settings`);
    await m.locator('#followUpCount').fill('2');
    await m.locator('#followUpDay1').waitFor();
    await m.locator('#followUpDay1').fill('2');
    await m.getByRole('button', { name: '保存设置' }).click();
    await m.locator('#followUpCount-help').waitFor();
    expect(await m.locator('#followUpCount-help').textContent()).toContain('每次回访的天数须比前一次多');
    await m.locator('#followUpDay1').fill('10');
    await m.getByRole('button', { name: '保存设置' }).click();
    await m.getByText('设置已保存').waitFor();
    await m.locator('#followUpCount').scrollIntoViewIfNeeded();
    await shot(m, 'followups-settings');
    expect((await api(m, 'settings.get', {})).followUpDays).toEqual([3, 10]);
    await mctx.close();
  });
});
