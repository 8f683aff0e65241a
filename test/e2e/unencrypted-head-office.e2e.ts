// The head-office address in Chromium (issue 15 §6): an http:// address on another computer is refused
// with the field named and what was typed kept, until the manager ticks 允许不加密连接; then the sync
// line warns that the connection is not encrypted, in zh-CN and English.
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeProblems, shot, signIn, useDemoBranch, openManagerScreen } from './harness';

const REMOTE = 'http://192.168.1.20:8787';
let url = '';
let browser: Browser;
useDemoBranch({ cases: 5, name: 'unencrypted' }, (b) => ({ url, browser } = b));

describe('an unencrypted head-office address', () => {
  it('is refused until the manager allows it, then the sync line warns', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await signIn(page, url, 'M001');
    await openManagerScreen(page, '设置');
    const address = page.locator('#headOfficeUrl');
    await address.fill(REMOTE);
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('不加密的 http:// 地址须改为 https://,或勾选"允许不加密连接"').waitFor();
    expect(await address.inputValue()).toBe(REMOTE);
    await expect(page.getByTestId('sync-unencrypted').count()).resolves.toBe(0);
    await address.scrollIntoViewIfNeeded();
    await shot(page, 'settings-unencrypted-refused');

    await page.getByRole('checkbox', { name: /允许不加密连接|顾客资料将以明文/ }).check();
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('设置已保存').waitFor();
    const warning = page.getByTestId('sync-unencrypted');
    await warning.getByText('连接未加密').waitFor();
    await address.scrollIntoViewIfNeeded();
    await shot(page, 'sync-unencrypted-warning');
    expect(await axeProblems(page)).toEqual([]);

    await page.getByText('English').first().click();
    await warning.getByText('connection not encrypted').waitFor();
    await page.getByText('Allow unencrypted connection').waitFor();
    await shot(page, 'sync-unencrypted-warning-en');
    await ctx.close();
  }, 120_000);
});
