// A product flag sent as a notice and acknowledged at a branch (issue 18 §2), in real browsers: the
// console lists items complained about at several branches with their cases; the reviewer sends a
// notice from one (an empty title refused in words, nothing sent); the demo branch's own store
// pulls it from the real head-office server; its home screen shows it until the manager
// acknowledges it; the acknowledgement syncs back and the console shows who acknowledged it.
import type { ChildProcess } from 'node:child_process';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { NoticesAnswer, ProductFlagsAnswer } from '../../src-headoffice/console/contract-products';
import { openDatabase } from '../../src-main/db/connection';
import { createContext } from '../../src-main/services/context';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { pullInstructions } from '../../src-main/sync/instructions-pull';
import { syncOnce } from '../../src-main/sync/sync-run';
import { type ConsoleHarness, getJson, useConsolePage } from './console-harness';
import {
  api,
  axeProblems,
  BROWSER_MODE,
  BROWSER_MODE_URL,
  capturePages,
  shot,
  signIn,
  spawnServer,
  stopProcess,
} from './harness';

let h: ConsoleHarness;
let page: Page;
let branchApp: { proc: ChildProcess; url: string; output: () => string } | null = null;
let branchPage: Page | null = null;
const pageErrors = useConsolePage((c) => ({ h, page } = c));
afterAll(() => stopProcess(branchApp?.proc));
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  if (branchApp) console.error('branch app output at failure:\n', branchApp.output().slice(-4000));
  if (branchPage) console.error('branch at failure:', await capturePages([branchPage], 'product-notice-e2e-failure'));
});

// The demo's cases span months: a year's window and two complaints make flags at several branches.
const RULE = 'minCases=2&days=366';
const TITLE = '集中投诉商品:请检查库存并主动联系购买顾客';

async function withBranchStore<T>(f: (ctx: ReturnType<typeof createContext>, t: HttpTransport) => Promise<T>) {
  const file = h.demo.branchDbs.SH01;
  const key = h.demo.keys.SH01;
  if (!file || !key) throw new Error('no SH01 branch store');
  const { db } = openDatabase(file);
  try {
    return await f(createContext(db), new HttpTransport({ url: h.origin, branch: 'SH01', key }));
  } finally {
    db.close();
  }
}

describe('product flag → notice → acknowledged at a branch', () => {
  it('lists flagged items with their cases by branch and sends a notice from one', async () => {
    const flags = await getJson<ProductFlagsAnswer>(page, `/console/api/product-flags?${RULE}`);
    expect(flags.flags.length).toBeGreaterThan(0);
    await page.goto(`${h.origin}/console/#/products?${RULE}`);
    const table = page.locator('[data-testid="product-flags"]');
    await table.locator('tbody tr[data-row-key]').first().waitFor();
    const first = flags.flags[0];
    if (!first) throw new Error('no flag');
    const row = table.locator('tbody tr[data-row-key]').first();
    expect(await row.innerText()).toContain(first.caseList[0]?.number ?? '');
    await shot(page, 'console-product-flags');
    expect(await axeProblems(page)).toEqual([]);

    await row.getByRole('button', { name: /发送通知/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#notice-title').waitFor();
    expect(await dialog.locator('#notice-title').inputValue()).toContain(first.name ?? first.label);
    await dialog.locator('#notice-title').fill('');
    await dialog.getByTestId('notice-send').click();
    await dialog
      .getByText(/通知标题.*必须填写|通知标题:/)
      .first()
      .waitFor();
    expect((await getJson<NoticesAnswer>(page, '/console/api/notices')).notices).toEqual([]);
    await dialog.locator('#notice-title').fill(TITLE);
    await shot(page, 'console-notice-form');
    expect(await axeProblems(page)).toEqual([]);
    await dialog.getByTestId('notice-send').click();
    await dialog.waitFor({ state: 'hidden' });
    const sent = page.locator('[data-testid="notice"]').filter({ hasText: TITLE });
    await sent.waitFor();
    expect(await sent.locator('[data-testid="notice-branch-SH01"]').innerText()).toContain('未同步');
  });

  it('the branch pulls it and shows it on the home screen until the manager acknowledges it', async () => {
    const pulled = await withBranchStore((ctx, t) => pullInstructions(ctx, t));
    expect(pulled.notices).toBe(1);
    const file = h.demo.branchDbs.SH01 as string;
    branchApp = await spawnServer([...BROWSER_MODE, '--db', file], BROWSER_MODE_URL, 'npm start (browser mode)');
    const open = async () =>
      (await h.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();
    const clerk = await open();
    branchPage = clerk;
    await signIn(clerk, branchApp.url, 'C001');
    const clerkCard = clerk.locator('[data-testid="home-notices"]');
    await clerkCard.waitFor();
    expect(await clerkCard.innerText()).toContain(TITLE);
    expect(await clerkCard.innerText()).toContain('待店长或值班主管确认');
    expect(await clerkCard.getByRole('button', { name: /确认已阅/ }).count()).toBe(0);
    await clerk.close();

    const bp = await open();
    branchPage = bp;
    await signIn(bp, branchApp.url, 'M001');
    const card = bp.locator('[data-testid="home-notices"]');
    await card.waitFor();
    await shot(bp, 'notice-branch-home');
    expect(await axeProblems(bp)).toEqual([]);
    await card.getByRole('button', { name: /确认已阅/ }).click();
    await card.waitFor({ state: 'detached' });

    // The branch's own flags (3 complaints in 30 days): three customers complain about one kettle today.
    for (const [name, phone] of [
      ['赵先生', '13800138201'],
      ['钱女士', '13800138202'],
      ['孙先生', '13800138203'],
    ])
      await api(bp, 'cases.create', {
        channel: 'phone',
        customer: { name, phone },
        content: '电热水壶用了三天底座漏电,要求退货。',
        categoryCode: 'product_quality',
        purchase: { items: [{ name: '电热水壶', code: '6901234567890', quantity: 1 }] },
      });
    await bp.reload();
    const flags = bp.locator('[data-testid="home-product-flags"]');
    await flags.waitFor();
    await shot(bp, 'product-flags-branch-home');
    await flags.locator('[data-testid="home-product-flag"]').first().getByRole('button').click();
    const calls = bp.locator('[data-testid="product-calls"]');
    await calls.waitFor();
    await bp.waitForLoadState('networkidle');
    await shot(bp, 'product-flag-branch');
    expect(await axeProblems(bp)).toEqual([]);
    await calls.getByTestId('schedule-calls').click();
    await calls.locator('.ant-alert').waitFor();
    expect(await calls.locator('.ant-alert').innerText()).toMatch(/已安排 \d+ 位顾客的回访/);
    await shot(bp, 'product-flag-branch-calls');
    branchPage = null;
    await bp.close();
    await stopProcess(branchApp.proc);
    branchApp = null;
  });

  it('the acknowledgement syncs back and the console shows who acknowledged it', async () => {
    const r = await withBranchStore((ctx, t) => syncOnce({ ctx, branch: 'SH01', transport: t }));
    expect(r.sentRecords).toBeGreaterThan(0);
    await page.reload();
    const sent = page.locator('[data-testid="notice"]').filter({ hasText: TITLE });
    await sent.waitFor();
    const sh01 = sent.locator('[data-testid="notice-branch-SH01"]');
    await sh01.filter({ hasText: '确认' }).waitFor();
    expect(await sh01.innerText()).toContain('M001');
    expect(await sent.locator('[data-testid="notice-branch-SH02"]').innerText()).toContain('未同步');
    await sent.scrollIntoViewIfNeeded();
    await shot(page, 'console-notice-acknowledged');
    expect(pageErrors).toEqual([]);
  });
});
