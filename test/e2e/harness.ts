// End-to-end harness: a fresh demo store in a temp dir, `npm start`'s browser mode on a free loopback
// port (open access: every page is its own browser), and Debian's Chromium driven by playwright-core
// (ARCHITECTURE §5).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { Channel, ChannelInput, ChannelOutput } from '../../src-main/shared/ipc/contract';
import type { Result } from '../../src-main/shared/result';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(import.meta.dirname, '../../docs/screenshots');

export interface Harness {
  url: string;
  browser: Browser;
  newPage(): Promise<Page>;
  /** Screenshots of every open page into the temp dir, for a failed test's report. */
  capture(name: string): Promise<string[]>;
  close(): Promise<void>;
}

/** `npm start`'s browser mode for a test: open access, any free port, never opening a browser itself. */
export const BROWSER_MODE = ['scripts/start.ts', '--browser', '--open-access', '--no-open', '--port', '0'];
/** The line start.ts prints with its address. */
export const BROWSER_MODE_URL = /Branch Desk: (http:\/\/127\.0\.0\.1:\d+\/)/;

/** The branch app on the demo store of `cases` cases in `dir` (its file: demoStore(dir)). */
export const startDemoBranch = (dir: string, cases: number, extra: string[] = []) =>
  spawnServer(
    [...BROWSER_MODE, '--data-dir', dir, '--demo', '--demo-cases', String(cases), ...extra],
    BROWSER_MODE_URL,
    'npm start (browser mode)',
  );
export const demoStore = (dir: string): string => join(dir, 'demo', 'branch-desk.sqlite');

export interface DemoBranch {
  url: string;
  browser: Browser;
  /** The demo store's file. */
  store: string;
}

/**
 * A file's branch app on a fresh demo store of `cases` cases and a Chromium, started before its
 * tests and stopped after; `prepare` may change the store once the app has made it.
 */
export function useDemoBranch(
  o: { cases: number; name: string; prepare?: (store: string) => void },
  assign: (b: DemoBranch) => void,
): void {
  let dir = '';
  let proc: ChildProcess | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `branch-desk-e2e-${o.name}-`));
    const started = await startDemoBranch(dir, o.cases);
    proc = started.proc;
    o.prepare?.(demoStore(dir));
    browser = await launchChromium();
    assign({ url: started.url, browser, store: demoStore(dir) });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stopProcess(proc);
    rmSync(dir, { recursive: true, force: true });
  });
}

/** Stops a server process and waits for it (only when still running: an exit already heard is never heard again). */
export async function stopProcess(proc: ChildProcess | undefined): Promise<void> {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  // A server whose loop is stuck never runs its SIGTERM handler: killed after 10 s, and said so.
  const stuck = setTimeout(() => {
    console.error(`process ${proc.pid} did not stop on SIGTERM in 10 s: killed`);
    proc.kill('SIGKILL');
  }, 10_000);
  await exited;
  clearTimeout(stuck);
}

/** Starts a server process and resolves with its URL once it prints one matching `url`. */
export function spawnServer(
  args: string[],
  url: RegExp,
  what: string,
): Promise<{ proc: ChildProcess; url: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: join(import.meta.dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = url.exec(out);
      if (m?.[1]) resolve({ proc, url: m[1], output: () => out });
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', (b: Buffer) => (out += b.toString()));
    proc.on('exit', (code) => reject(new Error(`${what} exited with ${code}:\n${out}`)));
  });
}

/** Debian's Chromium, headless, without the background traffic a test does not want. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });

export async function startHarness(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'branch-desk-e2e-'));
  const { proc, url } = await startDemoBranch(dir, 240);
  const browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const pages: Page[] = [];
  return {
    url,
    browser,
    async newPage() {
      // Each page its own context: its own cookie, so its own session on the server.
      const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
      const page = await ctx.newPage();
      pages.push(page);
      return page;
    },
    capture: (name) => capturePages(pages, `branch-desk-e2e-failure-${name}`),
    async close() {
      await browser.close();
      await stopProcess(proc);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function signIn(page: Page, url: string, staffNo: string, pin = '123456'): Promise<void> {
  await page.goto(url);
  await page.locator('#staffNo').fill(staffNo);
  await page.locator('#pin').fill(pin);
  await page.keyboard.press('Enter');
  await page.getByRole('navigation').waitFor();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe-core violations on the current screen (id: first targets). */
export async function axeProblems(page: Page): Promise<string[]> {
  // evaluate() runs through the DevTools protocol, so the page's CSP does not block it.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            o: object,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    // antd's select dropdown keeps aria-selected on its visual option rows (the accessible
    // listbox is a separate hidden list it renders alongside); that is the library's markup.
    // A toast (.ant-message) is measured mid fade-in or fade-out at whatever opacity the animation
    // reached, so its colour contrast depends on timing (CI flake); at rest it is antd's
    // rgba(0,0,0,.88) on white, and its words are announced by its live region anyway.
    const r = await axe.run({ exclude: [['.ant-select-dropdown'], ['.ant-message']] } as unknown as Document, {
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.targets.join(' | ')}`);
}

export async function shot(page: Page, name: string): Promise<void> {
  // Let antd's motion settle so the picture shows the steady state.
  await page.waitForTimeout(400);
  // Success toasts of earlier steps would cover the screen in the picture.
  await page.evaluate(() =>
    document.querySelectorAll<HTMLElement>('.ant-message').forEach((e) => (e.style.visibility = 'hidden')),
  );
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Screenshots of every open page into the temp dir, for a failed test's report. */
export async function capturePages(pages: Page[], prefix: string): Promise<string[]> {
  const files: string[] = [];
  for (const [i, page] of pages.entries()) {
    if (page.isClosed()) continue;
    const file = join(tmpdir(), `${prefix.replace(/\W+/g, '-')}-${i}.png`);
    await page.screenshot({ path: file }).catch(() => {});
    files.push(file);
  }
  return files;
}

/** Picks a select option from the keyboard (as a clerk would): open, arrow to it, Enter. */
export async function choose(page: Page, id: string, option: string): Promise<void> {
  await page.locator(`#${id}`).focus();
  await page.keyboard.press('ArrowDown');
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await open.waitFor();
  for (
    let i = 0;
    i < 30 && (await open.locator('.ant-select-item-option-active').getAttribute('title')) !== option;
    i++
  ) {
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await open.waitFor({ state: 'hidden' });
}

/** Calls a channel as the signed-in page's user (the same HTTP seam the screens use). */
export async function api<C extends Channel>(
  page: Page,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const body = JSON.stringify(input);
  const raw: unknown = await page.evaluate(
    async ([ch, json]) => {
      const res = await fetch(`api/${ch}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: json,
        // A request the server never answers fails the test with its channel's name, not a bare timeout.
        signal: AbortSignal.timeout(60_000),
      });
      return (await res.json()) as unknown;
    },
    [channel, body],
  );
  // The envelope lib/api.ts reads: the contract types its value.
  const r = raw as Result<ChannelOutput<C>>;
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** Opens one of the manager's back-office screens (人员与单位, 个人信息访问记录, 工作日历, 设置) through the header's 管理 menu. */
export async function openManagerScreen(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: /^管理/ }).click();
  await page.getByRole('menuitem', { name }).click();
}

/**
 * A file's harness: started before its tests, closed after them, and every open page captured when a test
 * fails (the path printed), so a failure shows the screens as they were.
 */
export function useHarness(assign: (h: Harness) => void): void {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness();
    assign(h);
  });
  afterAll(async () => h?.close());
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && h) console.error('screens at failure:', await h.capture(ctx.task.name));
  });
}
