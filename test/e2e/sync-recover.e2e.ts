// The sync line of a store behind head office in Chromium (issue 15 §2): the words in zh-CN and
// English, the manager's "restore from head office" button with its confirmation, none for a clerk.
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeProblems, shot, signIn, useDemoBranch } from './harness';

/** The state a sync leaves when head office holds what this store does not (src-main/sync/README.md). */
function markBehind(store: string): void {
  const db = new Database(store);
  db.pragma('busy_timeout = 5000');
  db.prepare("INSERT INTO sync_state (key, value) VALUES ('recovery', ?)").run(
    JSON.stringify({ state: 'behind', reason: 'numbers', cursor: 0 }),
  );
  db.close();
}

let url = '';
let browser: Browser;
useDemoBranch({ cases: 20, name: 'recover', prepare: markBehind }, (b) => ({ url, browser } = b));

describe('a store behind head office', () => {
  it('tells everyone on the sync line; the manager gets the restore button and a confirmation', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await signIn(page, url, 'M001');
    const line = page.getByTestId('sync-status');
    await line.getByText('本机数据落后于总部').waitFor();
    await line.getByRole('button', { name: '从总部恢复' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('将从总部下载本店的全部记录并合并到本机').waitFor();
    await shot(page, 'sync-behind-confirm');
    expect(await axeProblems(page)).toEqual([]);
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('English').first().click();
    await line.getByText('This PC is behind head office').waitFor();
    await line.getByRole('button', { name: 'Restore from head office' }).waitFor();
    await shot(page, 'sync-behind-en');
    await ctx.close();

    const clerk = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const p2 = await clerk.newPage();
    await signIn(p2, url, 'C001');
    await p2.getByTestId('sync-status').getByText('本机数据落后于总部').waitFor();
    expect(await p2.getByTestId('sync-status').getByRole('button', { name: '从总部恢复' }).count()).toBe(0);
    await clerk.close();
  }, 120_000);
});
