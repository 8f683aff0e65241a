// The manager's number settings in Chromium: an out-of-range number stays as typed and is refused on
// its field in words (no silent clamp to the minimum); a valid one is saved and shown after a reload.
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shot, signIn, useDemoBranch, openManagerScreen } from './harness';

let url = '';
let browser: Browser;
useDemoBranch({ cases: 5, name: 'settings' }, (b) => ({ url, browser } = b));

describe('number settings', () => {
  it('refuses days kept below 7 and 0 minutes to the lock on their fields, keeping what was typed; saves valid ones', async () => {
    const page = await (
      await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })
    ).newPage();
    await signIn(page, url, 'M001');
    await openManagerScreen(page, '设置');
    const days = page.locator('#outboxArchiveDays');
    await days.fill('3');
    await page.locator('#lockAfterMinutes').fill('0');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('已同步记录在本机保留天数:不能小于 7').waitFor();
    expect(await days.inputValue()).toBe('3');
    expect(await page.locator('#lockAfterMinutes').inputValue()).toBe('0');
    // Each refusal names its field in words, not by its key.
    const lockItem = page.locator('.ant-form-item').filter({ has: page.locator('#lockAfterMinutes') });
    expect(await lockItem.innerText()).toContain('无操作锁屏分钟数:不能小于 1');
    await days.scrollIntoViewIfNeeded();
    await shot(page, 'settings-archive-refused');

    await days.fill('60');
    await page.locator('#lockAfterMinutes').fill('10');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('设置已保存').waitFor();
    await page.reload();
    await page.locator('#outboxArchiveDays').waitFor();
    expect(await page.locator('#outboxArchiveDays').inputValue()).toBe('60');
    expect(await page.locator('#lockAfterMinutes').inputValue()).toBe('10');
  }, 120_000);
});
