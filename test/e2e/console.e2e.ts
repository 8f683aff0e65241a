// The head-office reviewer's day in a real browser, against the real head-office server and
// a store filled by imported batch files: sign-in (a wrong password refused), the case list
// filtered by branch and status and searched in Chinese, a case with its history, a 批示 that
// the branch then receives, a POST without the CSRF token refused, the summary, repeat
// complainants and sync health; an axe scan of every screen. Screenshots to docs/screenshots.
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_NOW, DEMO_REVIEWER, REWOUND_BRANCH, SILENT_BRANCH } from '../../scripts/console-demo-store';
import { type CaseDetail, type CaseListPage, STALE_DATA_DAYS } from '../../src-headoffice/console/api-contract';
import { type ConsoleHarness, useConsolePage } from './console-harness';
import { axeProblems, choose as chooseOn, shot } from './harness';

let h: ConsoleHarness;
let page: Page;
/** Uncaught errors in the page over the whole run (must stay empty). */
const pageErrors = useConsolePage((c) => ({ h, page } = c), { signIn: false });

/** Calls the console API from the signed-in page (its cookie, its origin). */
async function api<T>(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ path, init }) => {
      const res = await fetch(path, {
        method: init.method ?? 'GET',
        credentials: 'same-origin',
        headers: {
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(init.headers ?? {}),
        },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
    },
    { path, init },
  );
}

/** Picks a select option from the keyboard on the reviewer's page. */
const choose = (id: string, option: string) => chooseOn(page, id, option);

const rowTexts = () => page.locator('[data-testid="case-row"]').allInnerTexts();
const listSettled = async () => {
  await page.locator('[data-testid="row-count"]').filter({ hasNotText: '正在加载' }).waitFor();
  await page.waitForLoadState('networkidle');
};

describe('head-office console end to end', () => {
  it('refuses a wrong password, then signs the reviewer in', async () => {
    await page.goto(`${h.origin}/console/`);
    await page.locator('#username').fill(DEMO_REVIEWER.username);
    await page.locator('#password').fill('not-the-password');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid="signin-error"]').innerText()).toContain('用户名或密码不正确');
    expect(await page.locator('#password').inputValue()).toBe('');
    expect(await page.locator('#username').inputValue()).toBe(DEMO_REVIEWER.username);
    await shot(page, 'console-signin');
    expect(await axeProblems(page)).toEqual([]);

    await page.locator('#password').fill(DEMO_REVIEWER.password);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation').waitFor();
    expect(await page.locator('[data-testid="reviewer"]').innerText()).toBe(DEMO_REVIEWER.name);
  });

  it('lists every branch, filters by branch and status, and searches a Chinese phrase', async () => {
    // Sign-in lands on the day's dashboard (console-dashboard.e2e.ts); the list is #/.
    await page.goto(`${h.origin}/console/#/`);
    await listSettled();
    const all = await rowTexts();
    expect(all.length).toBeGreaterThan(10);
    expect(new Set(all.map((r) => r.split('\n')[0]))).toEqual(new Set(['SH01', 'SH02', 'SH03']));
    // Received times are head office's (Asia/Shanghai), not the browser's (London here).
    const first = (await api<CaseListPage>('/console/api/cases?limit=1')).body.rows[0];
    if (!first) throw new Error('no case');
    const sh = new Intl.DateTimeFormat('zh-CN', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    }).format(first.receivedAt);
    expect(all[0]).toContain(sh);
    // Deadlines: an open case past its deadline says so.
    const visible = (await api<CaseListPage>('/console/api/cases?limit=10')).body.rows;
    const late = visible.find((r) => r.dueAt != null && r.dueAt < Date.now() && r.status !== 'filed');
    if (!late) throw new Error('no overdue case among the newest: the demo data changed');
    expect(all.find((r) => r.includes(late.number))).toContain('已逾期');
    await shot(page, 'console-list');
    expect(await axeProblems(page)).toEqual([]);

    // Branch and status picked from the keyboard, as a reviewer would.
    await choose('f-branch', 'SH02');
    await choose('f-status', '已建档');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/?branch=SH02&status=filed');
    await listSettled();
    const filtered = await rowTexts();
    expect(filtered.length).toBeGreaterThan(0);
    for (const r of filtered) {
      expect(r.split('\n')[0]).toBe('SH02');
      expect(r).toContain('已建档');
    }
    // The list counts what head office counts for the same filters (the DOM holds only the rows in view).
    const api2 = await api<CaseListPage>('/console/api/cases?branch=SH02&status=filed&limit=200');
    expect(api2.body.total).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="row-count"]').innerText()).toContain(`共 ${api2.body.total} 条`);
    expect(await page.locator('#f-branch').evaluate((e) => e.closest('.ant-select')?.textContent)).toContain('SH02');

    // A phrase from a real case's content, typed into the one search box (Enter applies).
    const sample = (await api<CaseListPage>('/console/api/cases?branch=SH03&limit=5')).body.rows.find((r) =>
      /[\u4e00-\u9fff]{4}/.test(r.excerpt),
    );
    if (!sample) throw new Error('no Chinese excerpt');
    const phrase = /[\u4e00-\u9fff]{4}/.exec(sample.excerpt)?.[0] ?? '';
    await page.locator('#f-q').fill(phrase);
    await page.locator('#f-q').press('Enter');
    await expect.poll(() => page.evaluate(() => decodeURIComponent(window.location.hash))).toContain(`q=${phrase}`);
    await listSettled();
    const found = await api<CaseListPage>(
      `/console/api/cases?branch=SH02&status=filed&q=${encodeURIComponent(phrase)}&limit=200`,
    );
    if (found.body.total === 0) expect(await page.locator('[data-testid="empty"]').count()).toBe(1);
    else expect(await page.locator('[data-testid="row-count"]').innerText()).toContain(`共 ${found.body.total} 条`);
    // Without the other filters the phrase finds the case it came from.
    await page.getByRole('button', { name: /清\s?除/ }).click();
    await page.locator('#f-q').fill(phrase);
    await page.locator('#f-q').press('Enter');
    // The list of the cleared filters may still be on screen for a moment: wait for the new one.
    await expect.poll(() => page.evaluate(() => decodeURIComponent(window.location.hash))).not.toContain('branch=');
    await expect
      .poll(async () => (await rowTexts()).map((r) => r.split('\n')[1]), { timeout: 15_000 })
      .toContain(sample.number);
    await shot(page, 'console-search');
  });

  it('opens a case with its full history and sends a 批示 the branch then receives', async () => {
    const row = (await api<CaseListPage>('/console/api/cases?branch=SH01&status=awaiting_instruction&limit=1')).body
      .rows[0];
    if (!row) throw new Error('no case awaiting an instruction');
    await page.goto(`${h.origin}/console/#/?branch=SH01&status=awaiting_instruction`);
    await listSettled();
    await page.locator('[data-testid="case-row"]').first().focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="status"]').waitFor();
    expect(await page.locator('h1').innerText()).toBe(row.number);
    expect(await page.locator('[data-testid="timeline"] .ant-timeline-item').count()).toBeGreaterThan(1);
    expect(await page.locator('[data-testid="audit"] li').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="content"]').innerText()).not.toBe('');

    const text = '同意门店处理意见。请于本周五前电话回访顾客,并将结果报部本部。';
    await page.locator('#instruction-text').focus();
    await page.keyboard.insertText(text);
    await page.keyboard.press('Control+Enter');
    await page.locator('[data-testid="instructions"] li').filter({ hasText: text }).waitFor();
    await shot(page, 'console-case');
    expect(await axeProblems(page)).toEqual([]);

    // Stored at head office…
    const detail = await api<CaseDetail>(`/console/api/cases/${row.branch}/${row.id}`);
    expect(detail.body.instructions.map((i) => [i.text, i.reviewerName])).toContainEqual([text, DEMO_REVIEWER.name]);
    // …and what the branch pulls on its next sync (signed as SH01).
    const pulled = await h.branchGet('SH01', '/v1/instructions?since=0');
    expect(pulled.status).toBe(200);
    const mine = (
      pulled.body as { instructions: { caseNumber: string; text: string; reviewerName: string }[] }
    ).instructions.filter((i) => i.caseNumber === row.number);
    expect(mine.map((i) => i.text)).toEqual([text]);
    // Another branch does not receive it.
    const other = await h.branchGet('SH02', '/v1/instructions?since=0');
    expect(
      (other.body as { instructions: { caseNumber: string }[] }).instructions.map((i) => i.caseNumber),
    ).not.toContain(row.number);
  });

  it('shows a case not accepted: the reason in words, the grounds, the competent body, who decided and when', async () => {
    const row = (await api<CaseListPage>('/console/api/cases?branch=SH01&status=not_accepted&limit=1')).body.rows[0];
    if (!row) throw new Error('no case not accepted');
    const detail = (await api<CaseDetail>(`/console/api/cases/${row.branch}/${row.id}`)).body.case;
    await page.goto(`${h.origin}/console/#/case/${row.branch}/${row.id}`);
    await page.locator('[data-testid="acceptance-decision"]').waitFor();
    expect(await page.locator('[data-testid="acceptance-decision"]').innerText()).toBe('不予受理');
    expect(await page.locator('[data-testid="decline-reason"]').innerText()).toBe(detail.declineReasonZh);
    expect(await page.locator('[data-testid="decline-text"]').innerText()).toBe(detail.declineText);
    expect(await page.locator('[data-testid="decline-refer-to"]').innerText()).toBe(detail.declineReferTo);
    expect(await page.locator('[data-testid="declined-by"]').innerText()).toMatch(
      /^.+ · \d{4}\/\d{1,2}\/\d{1,2} \d{2}:\d{2}$/,
    );
    await page.locator('[data-testid="acceptance"]').scrollIntoViewIfNeeded();
    await shot(page, 'console-declined');
    expect(await axeProblems(page)).toEqual([]);
  });

  it('the 待批示 queue starts with the case waiting longest, marks a case once its 批示 is given, filters major and overdue', async () => {
    await page.goto(`${h.origin}/console/#/?branch=SH01&status=awaiting_instruction`);
    await listSettled();
    const rows = (await api<CaseListPage>('/console/api/cases?branch=SH01&status=awaiting_instruction&limit=50')).body
      .rows;
    // Waiting longest first: since sent for instruction (else since received).
    const waiting = rows.map((r) => r.waitingSince ?? r.receivedAt);
    expect(waiting).toEqual([...waiting].sort((a, b) => a - b));
    expect(await page.locator('.filters-more').innerText()).toContain('等待最久在前');
    // The previous test gave the oldest one its 批示: marked in the list.
    expect(rows[0]?.instructed).toBe(true);
    await page.locator('[data-testid="case-row"]').first().getByText('已批示').waitFor();
    await shot(page, 'console-queue');

    await page.goto(`${h.origin}/console/#/?severity=major&overdue=1`);
    await listSettled();
    const major = (await api<CaseListPage>('/console/api/cases?severity=major&overdue=1&limit=50')).body;
    for (const r of major.rows) {
      expect(r.severity).toBe('major');
      expect(r.dueAt).toBeLessThan(Date.now());
    }
    if (major.rows.length > 0) {
      await page.locator('[data-testid="case-row"]').first().getByText('重大').waitFor();
      expect(await page.locator('#f-overdue').isChecked()).toBe(true);
    } else await page.locator('[data-testid="empty"]').waitFor();
  });

  it('refuses a POST without the CSRF token (403) and changes nothing', async () => {
    const row = (await api<CaseListPage>('/console/api/cases?branch=SH03&limit=1')).body.rows[0];
    if (!row) throw new Error('no case');
    const path = `/console/api/cases/${row.branch}/${row.id}/instructions`;
    const before = (await api<CaseDetail>(`/console/api/cases/${row.branch}/${row.id}`)).body.instructions.length;
    const refused = await api<{ code: string; message: { zh: string; en: string } }>(path, {
      method: 'POST',
      body: { clientId: crypto.randomUUID(), text: '没有令牌的批示' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    const wrong = await api(path, {
      method: 'POST',
      headers: { 'x-csrf-token': 'forged-token' },
      body: { clientId: crypto.randomUUID(), text: '伪造令牌的批示' },
    });
    expect(wrong.status).toBe(403);
    expect((await api<CaseDetail>(`/console/api/cases/${row.branch}/${row.id}`)).body.instructions.length).toBe(before);
    const pulled = await h.branchGet('SH03', '/v1/instructions?since=0');
    expect((pulled.body as { instructions: { text: string }[] }).instructions.map((i) => i.text)).not.toContain(
      '没有令牌的批示',
    );
  });

  it('shows the consolidated summary of a month', async () => {
    // Alt+3 is the summary screen (Alt+1…5 switch screens; Alt+1 the dashboard, Alt+2 the list).
    await page.keyboard.press('Alt+3');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/summary');
    await page.goto(`${h.origin}/console/#/summary?period=month&date=2026-11-15`);
    await page.locator('[data-testid="summary-range"]').waitFor();
    expect(await page.locator('[data-testid="summary-range"]').innerText()).toContain('2026-11-01');
    // This week is never over yet: its range reads 截至 (as of) the time head office counted it.
    const today = DateTime.now().setZone('Asia/Shanghai').toISODate();
    await page.goto(`${h.origin}/console/#/summary?period=week&date=${today}`);
    await expect
      .poll(() => page.locator('[data-testid="summary-range"]').innerText(), { timeout: 15_000 })
      .toMatch(/截至 \d{2}-\d{2} \d{2}:\d{2}/);
    await page.goto(`${h.origin}/console/#/summary?period=month&date=2026-11-15`);
    await page.locator('[data-testid="summary-range"]').waitFor();
    const answer = await api<{ cases: number }>('/console/api/summary?period=month&date=2026-11-15');
    expect(answer.body.cases).toBeGreaterThan(0);
    expect(await page.locator('main').innerText()).toContain(String(answer.body.cases));
    // Units complained about by name and branch, not by their ids.
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/SH0\d (鞋部|食品部)/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/);
    await page.waitForLoadState('networkidle');
    await shot(page, 'console-summary');
    expect(await axeProblems(page)).toEqual([]);
  });

  it('shows repeat complainants across branches and channels', async () => {
    await page.goto(`${h.origin}/console/#/repeats`);
    await page.locator('[data-testid="repeats"] tbody tr.ant-table-row').first().waitFor();
    const answer = await api<{ groups: { branches: string[]; channels: string[] }[] }>(
      '/console/api/repeat-complainants',
    );
    expect(answer.body.groups.length).toBeGreaterThan(0);
    expect(answer.body.groups.every((g) => g.branches.length > 1 || g.channels.length > 1)).toBe(true);
    expect(await page.locator('[data-testid="repeats"] tbody tr.ant-table-row').count()).toBe(
      Math.min(20, answer.body.groups.length),
    );
    await shot(page, 'console-repeats');
    expect(await axeProblems(page)).toEqual([]);
    // A period after every demo complaint leaves no group; the dates travel in the address.
    await page.locator('#r-from').fill('2030-01-01');
    await page.locator('#r-from').press('Enter');
    await page.getByText('没有跨门店或跨渠道的重复投诉').waitFor();
    expect(page.url()).toContain('from=2030-01-01');
    expect(await page.locator('[data-testid="repeats"] tbody tr.ant-table-row').count()).toBe(0);
  });

  it('shows sync health per branch with the silent branch highlighted', async () => {
    await page.goto(`${h.origin}/console/#/health`);
    await page.locator('[data-testid="health-SH01"]').waitFor();
    // The demo's records are of DEMO_NOW (branch time): past the stale-data rule they read 数据陈旧, and nothing else.
    const stale = Date.now() - Date.parse(DEMO_NOW) > STALE_DATA_DAYS * 86_400_000;
    for (const b of ['SH01', 'SH02']) {
      const row = page.locator(`[data-testid="health-${b}"]`);
      expect(await row.getAttribute('data-problem')).toBe(stale ? 'yes' : 'no');
      expect(await row.locator('[data-testid^="problem-"]').count()).toBe(stale ? 1 : 0);
      if (stale) expect(await row.locator(`[data-testid="problem-${b}-STALE_DATA"]`).count()).toBe(1);
    }
    const silent = page.locator(`[data-testid="health-${SILENT_BRANCH}"]`);
    expect(await silent.getAttribute('data-problem')).toBe('yes');
    expect(await silent.innerText()).toContain('从未收到');
    // The branch restored from an old backup: its refused batch is an alert, in words.
    const rewound = page.locator(`[data-testid="health-${REWOUND_BRANCH}"]`);
    expect(await rewound.getAttribute('data-problem')).toBe('yes');
    expect(await rewound.innerText()).toContain('旧备份');
    await shot(page, 'console-health');
    expect(await axeProblems(page)).toEqual([]);
  });

  it('returns to the sign-in screen when the session ends, and signs out', async () => {
    // The session cookie gone (expired at head office): the next call answers 401.
    await page.context().clearCookies();
    await page.evaluate(() => (window.location.hash = '#/summary?period=week&date=2026-11-11'));
    await page.locator('#username').waitFor();
    expect(await page.locator('main').innerText()).toContain('登录已失效,请重新登录');
    await page.locator('#username').fill(DEMO_REVIEWER.username);
    await page.locator('#password').fill(DEMO_REVIEWER.password);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation').waitFor();
    // Back where the reviewer was.
    await page.locator('[data-testid="summary-range"]').waitFor();
    expect(await page.locator('[data-testid="summary-range"]').innerText()).toContain('2026-11-09');

    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.locator('#username').waitFor();
    expect((await api('/console/api/session')).status).toBe(401);
    await page.locator('#password').fill(DEMO_REVIEWER.password);
    await page.locator('#username').fill(DEMO_REVIEWER.username);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation').waitFor();
  });

  it('switches to English', async () => {
    await page.getByText('English').first().click();
    await expect.poll(() => page.locator('nav').innerText()).toContain('Sync health');
    await page.goto(`${h.origin}/console/#/`);
    await listSettled();
    expect(await page.locator('h1').innerText()).toContain('All cases');
    await shot(page, 'console-list-en');
    expect(pageErrors).toEqual([]);
  });
});
