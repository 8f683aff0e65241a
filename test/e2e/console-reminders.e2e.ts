// Reminders (催办) end to end in real browsers: a reviewer sends one from the console's case page
// (an empty one refused in words, nothing sent); the demo branch's own store pulls it from the
// real head-office server; the branch app shows the case under 总部催办 on its home screen and
// the reminder on the case, and the console then shows that the branch received it.
import type { ChildProcess } from 'node:child_process';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseListPage } from '../../src-headoffice/console/api-contract';
import { DEMO_REVIEWER } from '../../scripts/console-demo-store';
import { openDatabase } from '../../src-main/db/connection';
import { createContext } from '../../src-main/services/context';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { pullInstructions } from '../../src-main/sync/instructions-pull';
import { type ConsoleHarness, getJson, useConsolePage } from './console-harness';
import {
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
let branchApp: { proc: ChildProcess; url: string } | null = null;
let branchPage: Page | null = null;
useConsolePage((c) => ({ h, page } = c));
afterAll(() => stopProcess(branchApp?.proc));
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && branchPage)
    console.error('branch at failure:', await capturePages([branchPage], 'reminder-e2e-failure'));
});

const get = <T>(path: string): Promise<T> => getJson<T>(page, path);

let target: { branch: string; id: string; number: string };
const detail = () => get<CaseDetail>(`/console/api/cases/${target.branch}/${target.id}`);
const MESSAGE = '顾客今天又来电询问,请门店今日内联系顾客并回复处理进度。';

describe('催办 from the console to the branch', () => {
  it('sends a reminder from the case page; an empty one is refused in words', async () => {
    const rows = (await get<CaseListPage>('/console/api/cases?branch=SH01&status=in_progress&limit=20')).rows;
    const open = rows[0];
    if (!open) throw new Error('no open SH01 case');
    target = open;
    await page.goto(`${h.origin}/console/#/case/${target.branch}/${target.id}`);
    const card = page.locator('[data-testid="reminders"]');
    await card.waitFor();
    expect(await card.innerText()).toContain('尚未催办');
    await card.getByTestId('remind-open').click();
    await page.locator('#reminder-message').waitFor();
    await card.getByRole('button', { name: /发送催办/ }).click();
    await card.locator('[data-testid="remind-error"]').waitFor();
    expect(await card.innerText()).toContain('催办内容');
    expect((await detail()).reminders).toEqual([]);

    await page.locator('#reminder-message').focus();
    await page.keyboard.insertText(MESSAGE);
    await page.keyboard.press('Control+Enter');
    await card.locator('[data-testid="reminder"]').filter({ hasText: MESSAGE }).waitFor();
    expect(await card.locator('[data-testid="reminder"]').innerText()).toContain('门店尚未收到');
    expect(await card.locator('[data-testid="reminder"]').innerText()).toContain(DEMO_REVIEWER.name);
    // Not a 批示: the case has none the more.
    const d = await detail();
    expect(d.reminders?.map((r) => r.message)).toEqual([MESSAGE]);
    expect(d.instructions.some((i) => i.text === MESSAGE)).toBe(false);
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'console-reminder-sent');
    expect(await axeProblems(page)).toEqual([]);
  });

  it('the branch pulls it, lists the case under 总部催办 and shows the reminder on the case', async () => {
    const file = h.demo.branchDbs.SH01;
    const key = h.demo.keys.SH01;
    if (!file || !key) throw new Error('no SH01 branch store');
    const { db } = openDatabase(file);
    try {
      const pulled = await pullInstructions(
        createContext(db),
        new HttpTransport({ url: h.origin, branch: 'SH01', key }),
      );
      expect(pulled.reminders).toBe(1);
    } finally {
      db.close();
    }

    branchApp = await spawnServer([...BROWSER_MODE, '--db', file], BROWSER_MODE_URL, 'npm start (browser mode)');
    const ctx = await h.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const bp = await ctx.newPage();
    branchPage = bp;
    await signIn(bp, branchApp.url, 'S001');
    const home = bp.locator('[data-testid="home-reminders"]');
    await home.waitFor();
    const item = home.locator('[data-testid="home-reminder"]').filter({ hasText: target.number });
    expect(await item.innerText()).toContain(MESSAGE);
    expect(await item.innerText()).toContain('1 条未读');
    await shot(bp, 'reminder-branch-home');
    expect(await axeProblems(bp)).toEqual([]);

    await item.getByRole('button').click();
    const card = bp.locator('[data-testid="case-reminders"]');
    await card.waitFor();
    expect(await card.innerText()).toContain(MESSAGE);
    expect(await card.innerText()).toContain(DEMO_REVIEWER.name);
    expect(await card.innerText()).toContain('新');
    await card.scrollIntoViewIfNeeded();
    await shot(bp, 'reminder-branch-case');
    expect(await axeProblems(bp)).toEqual([]);

    // Read on the case: the home screen no longer lists it.
    await bp.goto(branchApp.url);
    await bp.locator('.queue-tile').first().waitFor();
    await bp.waitForLoadState('networkidle');
    expect(await bp.locator('[data-testid="home-reminders"]').count()).toBe(0);
  });

  it('the console shows that the branch received it', async () => {
    await page.reload();
    const card = page.locator('[data-testid="reminders"]');
    await card.locator('[data-testid="reminder"]').filter({ hasText: '门店已收到' }).waitFor();
    expect((await detail()).reminders?.[0]?.receivedAt).toEqual(expect.any(Number));
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'console-reminder-received');
  });
});
