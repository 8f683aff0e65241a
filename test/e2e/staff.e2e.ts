// Staff self-service in a real browser: a clerk changes her PIN from the header, the manager
// resets another user's PIN (who must change it before seeing anything) and unlocks an account,
// sign-out says so and the next user starts at home, amounts as typed, the date picker in Chinese.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeProblems, type Harness, shot, signIn, useHarness, openManagerScreen } from './harness';

let h: Harness;
useHarness((started) => (h = started));

/** Fills the sign-in card and presses Enter; resolves once main has answered (signed in or not). */
async function typeSignIn(page: Page, staffNo: string, pin: string): Promise<void> {
  await page.locator('#staffNo').fill(staffNo);
  await page.locator('#pin').fill(pin);
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth.signIn'));
  await page.locator('#pin').press('Enter');
  await answered;
}

async function fillPinChange(scope: ReturnType<Page['getByRole']> | Page, current: string, next: string) {
  await scope.locator('#currentPin').fill(current);
  await scope.locator('#newPin').fill(next);
  await scope.locator('#confirmPin').fill(next);
}

describe('staff self-service end to end', () => {
  it('lets a clerk change her PIN from the header; sign-out says so and the next user starts at home', async () => {
    const page = await h.newPage();
    await signIn(page, h.url, 'C001');
    await page.getByRole('button', { name: '修改 PIN' }).click();
    const dialog = page.getByRole('dialog');
    // The rules are checked before anything is sent.
    await fillPinChange(dialog, '123456', '111111');
    await dialog.getByRole('button', { name: '保存新 PIN' }).click();
    await dialog
      .locator('#newPin-help')
      .getByText(/太容易猜到/)
      .waitFor();
    await fillPinChange(dialog, '123456', '135790');
    await shot(page, 'change-pin');
    await dialog.getByRole('button', { name: '保存新 PIN' }).click();
    await page.getByText('PIN 已修改').waitFor();
    await dialog.waitFor({ state: 'detached' });

    // Leave the clerk on another page, then sign out.
    await page.getByRole('button', { name: '新登记' }).click();
    await page.locator('#phone').waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByText('已退出登录').waitFor();
    expect(await page.getByText('长时间无操作').count()).toBe(0);

    // The old PIN no longer works; the next user lands on home, not on the clerk's intake page.
    await typeSignIn(page, 'C001', '123456');
    await page.getByText('工号或 PIN 不正确').first().waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    await typeSignIn(page, 'S001', '123456');
    await page.getByRole('navigation').waitFor();
    await page.getByText('工作队列').waitFor();
    expect(await page.locator('#phone').count()).toBe(0);
    expect(await page.evaluate(() => location.hash)).toMatch(/^(#\/?)?$/);
    await page.getByRole('button', { name: '退出登录' }).click();
    await typeSignIn(page, 'C001', '135790');
    await page.getByRole('navigation').waitFor();
  });

  it("lets the manager reset a user's PIN, who must change it before seeing anything, and unlock an account", async () => {
    // U002 locks their account with five wrong PINs.
    const locked = await h.newPage();
    await locked.goto(h.url);
    for (let i = 0; i < 5; i++) {
      await typeSignIn(locked, 'U002', '000000');
    }
    await locked
      .getByText(/账号已锁定/)
      .first()
      .waitFor();

    const page = await h.newPage();
    await signIn(page, h.url, 'M001');
    await openManagerScreen(page, '人员与单位');
    await page.locator('#newStaffNo').waitFor();
    const rowOf = (staffNo: string) =>
      page.getByRole('row').filter({ has: page.getByRole('cell', { name: staffNo, exact: true }) });
    await rowOf('U002').getByText('已锁定').waitFor();

    await rowOf('D001')
      .getByRole('button', { name: /^重置 PIN/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/下次登录时必须先修改 PIN/).waitFor();
    await dialog.locator('#temporaryPin').fill('12');
    await dialog.getByRole('button', { name: /^重\s?置 PIN$/ }).click();
    await dialog
      .locator('#temporaryPin-help')
      .getByText(/6–8 位数字/)
      .waitFor();
    await dialog.locator('#temporaryPin').fill('246813');
    await shot(page, 'reset-pin');
    await dialog.getByRole('button', { name: /^重\s?置 PIN$/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(/PIN,其下次登录须修改/).waitFor();
    await rowOf('D001').getByText('须改 PIN').waitFor();

    await rowOf('U002').getByRole('button', { name: /^解锁/ }).click();
    await page
      .getByText(/的账号$/)
      .first()
      .waitFor();
    await expect.poll(() => rowOf('U002').getByText('已锁定').count()).toBe(0);
    // No unlock button on an account that is not locked.
    expect(await rowOf('D001').getByRole('button', { name: /^解锁/ }).count()).toBe(0);
    await shot(page, 'admin-users');
    expect(await axeProblems(page)).toEqual([]);

    // The unlocked account signs in again.
    await typeSignIn(locked, 'U002', '123456');
    await locked.getByRole('navigation').waitFor();

    // D001 signs in with the temporary PIN: only the PIN change, no navigation, until it is done.
    const duty = await h.newPage();
    await duty.goto(h.url);
    await typeSignIn(duty, 'D001', '246813');
    await duty.getByText(/此 PIN 由店长设置/).waitFor();
    expect(await duty.getByRole('navigation').count()).toBe(0);
    expect(await duty.getByText('工作队列').count()).toBe(0);
    await fillPinChange(duty, '246813', '975310');
    await duty.getByRole('button', { name: '保存新 PIN' }).click();
    await duty.getByRole('navigation').waitFor();
    await duty.getByText('工作队列').waitFor();
    await rowOf('D001').waitFor();
    await page.reload();
    await page.locator('#newStaffNo').waitFor();
    await expect.poll(() => rowOf('D001').getByText('须改 PIN').count()).toBe(0);
  });

  it('refuses an amount typed as abc with the field message, keeps it, accepts １２３; the date picker is Chinese', async () => {
    const page = await h.newPage();
    await signIn(page, h.url, 'S001');
    await page.getByRole('button', { name: '新登记' }).click();
    await page.locator('#amount').waitFor();
    await page.locator('#amount').fill('abc');
    await page.getByRole('button', { name: /登记/ }).last().click();
    await page
      .locator('#amount-help')
      .getByText(/请输入金额,如 1200 或 1200.50/)
      .waitFor();
    expect(await page.locator('#amount').inputValue()).toBe('abc');
    await page.locator('#amount').scrollIntoViewIfNeeded();
    await shot(page, 'amount-refused');

    await page.locator('#amount').fill('１２３');
    await page.getByRole('button', { name: /登记/ }).last().click();
    await page.locator('#content-help').waitFor();
    await expect.poll(() => page.getByText(/请输入金额/).count()).toBe(0);
    expect(await page.locator('#amount').inputValue()).toBe('１２３');

    // The content counter shows its limit from the schema.
    await page.locator('#content').fill('皮鞋开胶');
    await page.getByText('4 / 5000').waitFor();

    await page.locator('#purchaseDate').click();
    const picker = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
    await picker.waitFor();
    const text = await picker.innerText();
    expect(text).toMatch(/\d+月/);
    expect(text).toContain('一');
    expect(text).toContain('今天');
    expect(text).not.toMatch(/\b(Mo|Tu|Today|Jan|Feb|Nov|Dec)\b/);
    await shot(page, 'date-picker-zh');
  });
});
