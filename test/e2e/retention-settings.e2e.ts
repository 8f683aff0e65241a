// The manager's retention setting in Chromium (issue 20 §2): a number out of 1–30 is refused on its
// field in words; a valid one is saved; when head office imposes the chain's value (carried by the
// pull, kept in the store) the field shows it read-only, naming the branch's own value as not in force.
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shot, signIn, useDemoBranch, openManagerScreen } from './harness';

let url = '';
let browser: Browser;
let store = '';
useDemoBranch({ cases: 5, name: 'retention' }, (b) => ({ url, browser, store } = b));

describe('retention setting', () => {
  it('refuses 31 in words, saves 5, and shows head office’s value read-only when imposed', async () => {
    const page = await (
      await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })
    ).newPage();
    await signIn(page, url, 'M001');
    await openManagerScreen(page, '设置');
    const years = page.locator('#retentionYears');
    await years.waitFor();
    expect(await years.inputValue()).toBe('3');
    await years.fill('31');
    await page.getByRole('button', { name: '保存设置' }).click();
    const item = page.locator('.ant-form-item').filter({ has: years });
    await item.getByText('个人信息建档后保留年数').first().waitFor();
    expect(await item.innerText()).toContain('个人信息建档后保留年数:不能大于 30');
    await years.fill('5');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('设置已保存').waitFor();
    await years.scrollIntoViewIfNeeded();
    await shot(page, 'pii-retention-setting');

    const db = new Database(store);
    db.prepare("INSERT INTO sync_state (key, value) VALUES ('chain_retention_years', '2')").run();
    db.close();
    await page.reload();
    await page.getByText('总部统一规定:建档后 2 年(本店设置 5 年暂不生效)').waitFor();
    expect(await page.locator('#retentionYears').isDisabled()).toBe(true);
    expect(await page.locator('#retentionYears').inputValue()).toBe('2');
    await page.locator('#retentionYears').scrollIntoViewIfNeeded();
    await shot(page, 'pii-retention-imposed');
  }, 180_000);
});
