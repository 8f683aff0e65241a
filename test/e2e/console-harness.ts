// End-to-end harness of the head-office console: a demo head-office store filled by real
// imported batch files (scripts/console-demo-store.ts), the head-office server on a free
// loopback port serving the built console, and Debian's Chromium (playwright-core).
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildConsoleDemo, type DemoHq } from '../../scripts/console-demo-store';
import { signRequest } from '../../src-main/sync/batch-sign';
import { capturePages, launchChromium, SCREENSHOTS, spawnServer } from './harness';

export interface ConsoleHarness {
  /** http://127.0.0.1:PORT (no trailing slash). */
  origin: string;
  demo: DemoHq;
  browser: Browser;
  newPage(locale?: string): Promise<Page>;
  /** GET as a branch would (signed with its key): what the branch receives. */
  branchGet(branch: string, path: string): Promise<{ status: number; body: unknown }>;
  capture(name: string): Promise<string[]>;
  close(): Promise<void>;
}

/** A free loopback port (the head-office CLI takes a port, not 0). */
function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => res(port));
    });
  });
}

async function serve(hqDb: string): Promise<{ proc: ChildProcess; origin: string }> {
  const port = await freePort();
  const { proc, url } = await spawnServer(
    ['src-headoffice/cli.ts', '--db', hqDb, 'serve', '--port', String(port)],
    /(http:\/\/127\.0\.0\.1:\d+)/,
    'head office',
  );
  return { proc, origin: url };
}

export async function startConsoleHarness(): Promise<ConsoleHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'branch-desk-console-e2e-'));
  // CONSOLE_E2E_DEMO=DIR reuses a demo built before by `npm run dev:console -- --dir DIR`
  // (copied, so the test's changes stay in the temp dir); by default it is built fresh.
  const prebuilt = process.env.CONSOLE_E2E_DEMO;
  let demo: DemoHq;
  if (prebuilt) {
    cpSync(prebuilt, dir, { recursive: true });
    demo = {
      hqDb: join(dir, 'headoffice.sqlite'),
      keys: JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8')) as Record<string, string>,
      branchDbs: {},
    };
  } else {
    demo = buildConsoleDemo(dir);
  }
  const { proc, origin } = await serve(demo.hqDb);
  const browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const pages: Page[] = [];
  return {
    origin,
    demo,
    browser,
    async newPage(locale = 'zh-CN') {
      const ctx = await browser.newContext({
        viewport: { width: 1366, height: 768 },
        locale,
        timezoneId: 'Europe/London',
      });
      const page = await ctx.newPage();
      pages.push(page);
      return page;
    },
    async branchGet(branch, path) {
      const key = demo.keys[branch];
      if (!key) throw new Error(`no key for ${branch}`);
      const headers = signRequest(key, { method: 'GET', path, branch, body: '', now: Date.now() });
      const res = await fetch(origin + path, { headers: { ...headers } });
      return { status: res.status, body: await res.json() };
    },
    capture: (name) => capturePages(pages, `console-e2e-failure-${name}`),
    async close() {
      await browser.close();
      proc.kill('SIGTERM');
      // Only when it is still running: an exit that already happened would never be heard again.
      if (proc.exitCode === null && proc.signalCode === null) await new Promise((r) => proc.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
