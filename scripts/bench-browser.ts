// What the browser benchmarks share: a copy of the cached 1,000,000-case store (the app writes to
// it), `npm start`'s browser mode on it (open access), headless Chromium, and a signed-in page.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { ensureDataset } from '../bench/dataset';

export interface BrowserBench {
  url: string;
  page: Page;
  close(): Promise<void>;
}

export async function startBrowserBench(name: string): Promise<BrowserBench> {
  const dataset = ensureDataset(join(import.meta.dirname, '../bench/tmp'), 1_000_000, (s) => console.error(s));
  const dir = mkdtempSync(join(tmpdir(), `branch-desk-${name}-`));
  const db = join(dir, 'store.sqlite');
  copyFileSync(dataset.file, db);

  const server = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/start.ts', '--browser', '--open-access', '--no-open', '--port', '0', '--db', db],
    { cwd: join(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /Branch Desk: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    server.on('exit', (c) => reject(new Error(`npm start (browser mode) exited ${c}`)));
  });

  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto(url);
  await page.locator('#staffNo').fill('S001');
  await page.locator('#pin').fill('246810');
  await page.keyboard.press('Enter');
  await page.getByRole('navigation').waitFor({ timeout: 120_000 });

  return {
    url,
    page,
    async close() {
      await browser.close();
      server.kill('SIGTERM');
      // Only when it is still running: an exit that already happened would never be heard again.
      if (server.exitCode === null && server.signalCode === null) await new Promise((r) => server.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
