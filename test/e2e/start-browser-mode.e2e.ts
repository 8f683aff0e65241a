// `npm start`'s browser mode (scripts/start.ts, no Electron binary here) in Chromium: an empty store
// starts into the first-manager setup through the one-time address; the address works once; the
// demo store (--demo) prints a case record into the browser's own PDF viewer (a new tab).
import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, shot, signIn, spawnServer, stopProcess } from './harness';

const ADDRESS = /Branch Desk: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/;
const dirs: string[] = [];
const procs: ChildProcess[] = [];
let browser: Browser;

async function start(demo: boolean): Promise<{ url: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'branch-desk-start-'));
  dirs.push(dir);
  const args = ['scripts/start.ts', '--data-dir', dir, '--no-open', '--port', '0', ...(demo ? ['--demo'] : [])];
  const { proc, url } = await spawnServer(args, ADDRESS, 'npm start (browser mode)');
  procs.push(proc);
  return { url, dir };
}

const newPage = async () =>
  (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  for (const p of procs) await stopProcess(p);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('npm start in browser mode', () => {
  it('starts an empty store into the first-manager setup; the address works only once', async () => {
    const { url } = await start(false);
    const page = await newPage();
    await page.goto(url);
    // The token is exchanged for the cookie and dropped from the address.
    expect(page.url()).toBe(url.replace(/\?token=.*$/, ''));
    await page.getByRole('heading', { name: '首次使用:创建店长账号' }).waitFor();
    // Mismatched PINs are named on the field; nothing is created.
    await page.locator('#staffNo').fill('m001');
    await page.locator('#name').fill('王店长');
    await page.locator('#pin').fill('246810');
    await page.locator('#pinConfirm').fill('246811');
    await page.getByRole('button', { name: '创建店长并登录' }).click();
    await page.getByText('两次输入的 PIN 不一致').waitFor();
    await shot(page, 'start-browser-mode-setup');
    await page.locator('#pinConfirm').fill('246810');
    await page.getByRole('button', { name: '创建店长并登录' }).click();
    await page.getByRole('navigation').waitFor();
    await shot(page, 'start-browser-mode-home');

    // Another browser with the same address: refused, bilingual.
    const other = await newPage();
    const refused = await other.goto(url);
    expect(refused?.status()).toBe(403);
    await other.getByText('此链接无效或已使用过').waitFor();
    await other.getByText('This link is wrong or was already used').waitFor();
    await shot(other, 'start-browser-mode-refused');
  }, 180_000);

  it('opens the demo store with --demo and prints a case record into the browser PDF viewer', async () => {
    const { url, dir } = await start(true);
    const store = new Database(join(dir, 'demo', 'branch-desk.sqlite'), { readonly: true });
    const row = store.prepare('SELECT id FROM cases ORDER BY created_at DESC LIMIT 1').get() as { id: string };
    store.close();
    const page = await newPage();
    await signIn(page, url, 'S001');
    const base = url.replace(/\?token=.*$/, '');
    await page.goto(`${base}#/print/case_record/${row.id}`);
    const viewer = page.locator('a.print-open-viewer');
    await viewer.waitFor();
    const [tab] = await Promise.all([page.context().waitForEvent('page'), viewer.click()]);
    await tab.waitForLoadState();
    expect(tab.url()).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
    await shot(page, 'start-browser-mode-print');
  }, 240_000);
});
