// The sync line of a store behind head office in Chromium (issue 15 §2): the words in zh-CN and
// English, the manager's "restore from head office" button with its confirmation, none for a clerk.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, demoStore, launchChromium, shot, signIn, startDemoBranch, stopProcess } from './harness';

let proc: ChildProcess;
let url = '';
let browser: Browser;
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'branch-desk-e2e-recover-'));
  ({ proc, url } = await startDemoBranch(dir, 20));
  // The state a sync leaves when head office holds what this store does not (src-main/sync/README.md).
  const db = new Database(demoStore(dir));
  db.pragma('busy_timeout = 5000');
  db.prepare("INSERT INTO sync_state (key, value) VALUES ('recovery', ?)").run(
    JSON.stringify({ state: 'behind', reason: 'numbers', cursor: 0 }),
  );
  db.close();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stopProcess(proc);
  rmSync(dir, { recursive: true, force: true });
});

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
