// End-to-end harness of the head-office console: a demo head-office store filled by real
// imported batch files (scripts/console-demo-store.ts), the head-office server on a free
// loopback port serving the built console, and Debian's Chromium (playwright-core).
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { buildConsoleDemo, DEMO_BRANCHES, DEMO_REVIEWER, type DemoHq } from '../../scripts/console-demo-store';
import { encodeBatch } from '../../src-main/sync/batch-format';
import { signRequest } from '../../src-main/sync/batch-sign';
import { capturePages, launchChromium, SCREENSHOTS, spawnServer, stopProcess } from './harness';

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
    ['src-headoffice/cli.ts', '--db', hqDb, 'serve', '--port', String(port), '--insecure-keys'],
    /(http:\/\/127\.0\.0\.1:\d+)/,
    'head office',
  );
  return { proc, origin: url };
}

/**
 * The demo to start from: CONSOLE_E2E_DEMO=DIR (one built before by `npm run dev:console -- --dir DIR
 * --now 2026-11-20T18:00:00+08:00`), else the run's shared demo, built here by the first file that needs it
 * (files run one after another, so it is built once).
 */
function demoSource(): string {
  const given = process.env.CONSOLE_E2E_DEMO;
  if (given) return given;
  const shared = inject('consoleDemoDir');
  if (!existsSync(join(shared, 'keys.json'))) buildConsoleDemo(shared);
  return shared;
}

export async function startConsoleHarness(): Promise<ConsoleHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'branch-desk-console-e2e-'));
  // Copied, so the test's changes stay in its own temp dir.
  cpSync(demoSource(), dir, { recursive: true });
  const branchDbs: Record<string, string> = {};
  for (const b of DEMO_BRANCHES) branchDbs[b.code] = join(dir, `${b.code.toLowerCase()}.sqlite`);
  const demo: DemoHq = {
    hqDb: join(dir, 'headoffice.sqlite'),
    keys: JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8')) as Record<string, string>,
    branchDbs,
  };
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
      await stopProcess(proc);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs the demo reviewer in on the page, and waits for the console's menu. */
export async function signInReviewer(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/console/`);
  await page.locator('#username').fill(DEMO_REVIEWER.username);
  await page.locator('#password').fill(DEMO_REVIEWER.password);
  await page.keyboard.press('Enter');
  await page.getByRole('navigation').waitFor();
}

/**
 * A test file's console: one harness and one page for the whole file (handed to `started`), the reviewer
 * signed in unless `signIn` is false, the screens captured when a test fails, everything closed at the end.
 * Answers the page's uncaught errors over the run (a file expects them to stay empty).
 */
export function useConsolePage(
  started: (c: { h: ConsoleHarness; page: Page }) => void,
  o: { signIn?: boolean } = {},
): string[] {
  const pageErrors: string[] = [];
  let h: ConsoleHarness | undefined;
  beforeAll(async () => {
    h = await startConsoleHarness();
    const page = await h.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    if (o.signIn !== false) await signInReviewer(page, h.origin);
    started({ h, page });
  });
  afterAll(async () => h?.close());
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && h) console.error('screens at failure:', await h.capture(ctx.task.name));
  });
  return pageErrors;
}

/** GET from the signed-in page (its cookie, its origin): the answer's JSON. */
export const getJson = <T>(page: Page, path: string): Promise<T> =>
  page.evaluate(async (p) => (await (await fetch(p, { credentials: 'same-origin' })).json()) as T, path);

/** PUT or POST from the signed-in page with its CSRF token: the status and the JSON answer. */
export const sendJson = <T>(page: Page, method: 'POST' | 'PUT', path: string, body: unknown) =>
  page.evaluate(
    async ({ m, p, b }) => {
      const session = (await (await fetch('/console/api/session', { credentials: 'same-origin' })).json()) as {
        csrfToken: string;
      };
      const r = await fetch(p, {
        method: m,
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify(b),
      });
      return { status: r.status, json: (await r.json()) as T };
    },
    { m: method, p: path, b: body },
  );

/** One signed batch of `branch` under an epoch of its own (`epoch`), holding the given records: the HTTP status. */
export async function pushRecords(
  h: ConsoleHarness,
  branch: string,
  epoch: string,
  records: { type: string; data: Record<string, unknown> }[],
): Promise<number> {
  const key = h.demo.keys[branch] as string;
  const body = encodeBatch(
    branch,
    epoch,
    records.map((r, i) => ({
      seq: i + 1,
      type: r.type,
      id: String(r.data.id),
      version: 1,
      schema: 1,
      data: JSON.stringify(r.data),
    })),
  ).body;
  const headers = signRequest(key, { method: 'POST', path: '/v1/batches', branch, body, now: Date.now() });
  const res = await fetch(`${h.origin}/v1/batches`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(body),
  });
  return res.status;
}
