// The manager's update card in Chromium: the branch app (npm start's browser mode) learns of version 1.2.0 from a real feed on 127.0.0.1, downloads and verifies it, and the settings screen shows it waiting for the next restart; the manager defers it.
import { createHash } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, launchChromium, shot, signIn, startDemoBranch, stopProcess, openManagerScreen } from './harness';

const installer = Buffer.from('Branch Desk Setup 1.2.0 '.repeat(4000));
const sha512 = createHash('sha512').update(installer).digest('base64');

let feed: Server;
let proc: ChildProcess;
let url = '';
let browser: Browser;
let dir = '';

beforeAll(async () => {
  feed = createServer((req, res) => {
    if ((req.url ?? '').startsWith('/v1/updates/latest')) {
      res.setHeader('content-type', 'text/yaml');
      res.end(
        `version: 1.2.0\nfiles:\n  - url: Branch-Desk-Setup-1.2.0.exe\n    sha512: ${sha512}\n    size: ${installer.length}\n`,
      );
    } else if (req.url === '/v1/updates/Branch-Desk-Setup-1.2.0.exe') res.end(installer);
    else res.writeHead(404).end();
  });
  await new Promise<void>((ok) => feed.listen(0, '127.0.0.1', ok));
  const feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'branch-desk-e2e-update-'));
  ({ proc, url } = await startDemoBranch(dir, 20, ['--update-feed', feedUrl]));
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stopProcess(proc);
  await new Promise((ok) => feed.close(ok));
  rmSync(dir, { recursive: true, force: true });
});

describe('update waiting', () => {
  it('shows the manager the downloaded version and lets them defer it, in zh-CN and English', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await signIn(page, url, 'M001');
    await openManagerScreen(page, '设置');
    const card = page.getByTestId('update-card');
    await card.getByText('新版本 1.2.0 已下载,将在下次重启时安装').waitFor();
    await shot(page, 'update-waiting');
    expect(await axeProblems(page)).toEqual([]);
    await card.getByRole('button', { name: '推迟到下次' }).click();
    await card.getByText('新版本 1.2.0 已下载,已推迟:下次重启时不安装').waitFor();
    await page.getByText('English').first().click();
    await card.getByText('New version 1.2.0 is downloaded and deferred').waitFor();
    await shot(page, 'update-deferred-en');
    await ctx.close();
  }, 120_000);
});
