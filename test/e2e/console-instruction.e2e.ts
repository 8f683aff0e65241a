// The 批示 queue in a real browser against the real head-office server (demo store): the form
// shows the 批示 already given and asks before a second one; a 批示 withdrawn with its reason
// (struck through, 已撤回) goes to the branch as a new version; a case assigned to the reviewer
// and marked 已阅 shows in "my queue" with both marks.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CaseDetail, CaseListPage } from '../../src-headoffice/console/api-contract';
import { DEMO_REVIEWER } from '../../scripts/console-demo-store';
import { type ConsoleHarness, getJson, useConsolePage } from './console-harness';
import { axeProblems, shot } from './harness';

let h: ConsoleHarness;
let page: Page;
useConsolePage((c) => ({ h, page } = c));

const get = <T>(path: string): Promise<T> => getJson<T>(page, path);

let target: { branch: string; id: string; number: string };
const detail = () => get<CaseDetail>(`/console/api/cases/${target.branch}/${target.id}`);

const send = async (text: string) => {
  await page.locator('#instruction-text').focus();
  await page.keyboard.insertText(text);
  await page.keyboard.press('Control+Enter');
};

describe('console 批示 queue', () => {
  it('warns before a second 批示 on the same case and sends it only when confirmed', async () => {
    const rows = (await get<CaseListPage>('/console/api/cases?branch=SH02&status=awaiting_instruction&limit=50')).rows;
    const free = rows.find((r) => !r.instructed);
    if (!free) throw new Error('no SH02 case awaiting its first 批示');
    target = free;
    await page.goto(`${h.origin}/console/#/case/${target.branch}/${target.id}`);
    await page.locator('#instruction-text').waitFor();
    expect(await page.locator('[data-testid="instruct-given"]').count()).toBe(0);

    const first = '同意门店的处理意见,请三日内电话回访顾客。';
    await send(first);
    await page.locator('[data-testid="instructions"] li').filter({ hasText: first }).waitFor();
    const given = page.locator('[data-testid="instruct-given"]');
    await given.waitFor();
    expect(await given.innerText()).toContain('此个案已有 1 条批示在执行');
    expect(await given.innerText()).toContain(first);

    const second = '补充:回访后请书面报部本部。';
    await send(second);
    const dialog = page.locator('.ant-modal-confirm');
    await dialog.locator('.ant-modal-confirm-title').filter({ hasText: '再发一条批示?' }).waitFor();
    expect(await dialog.innerText()).toContain('此个案已有批示(1 条)。再发一条?');
    await shot(page, 'console-instruction-warning');
    // Cancelled: nothing is sent, the text stays.
    // Ant Design spaces a two-character button: "取 消".
    await dialog.getByRole('button', { name: /^取\s?消$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await detail()).instructions.length).toBe(1);
    expect(await page.locator('#instruction-text').inputValue()).toBe(second);
    // Confirmed: the second 批示 is sent.
    await page.locator('#instruction-text').focus();
    await page.keyboard.press('Control+Enter');
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '再发一条' }).click();
    await page.locator('[data-testid="instructions"] li').filter({ hasText: second }).waitFor();
    expect((await detail()).instructions.map((i) => i.text)).toEqual([first, second]);
  });

  it('withdraws a 批示 with a reason: struck through with 已撤回, and the branch receives the withdrawal', async () => {
    const d = await detail();
    const original = d.instructions[0];
    if (!original) throw new Error('no 批示');
    const item = page.locator(`[data-testid="console-instruction-${original.instructionId}"]`);
    await item.getByTestId('withdraw').click();
    const dialog = page.locator('.ant-modal').filter({ has: page.locator('#version-reason') });
    await dialog.locator('.ant-modal-title').filter({ hasText: '撤回批示' }).waitFor();
    // The reason is required: refused before anything is sent.
    await dialog.getByRole('button', { name: '撤回批示' }).click();
    await dialog.getByText('理由:必须填写').waitFor();
    expect((await detail()).instructions.length).toBe(2);
    await page.locator('#version-reason').fill('门店已按新规定处理,此批示不再适用');
    await dialog.getByRole('button', { name: '撤回批示' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await item.getByText('已撤回').waitFor();
    expect(await item.innerText()).toContain('理由:门店已按新规定处理,此批示不再适用');
    const struck = await item
      .locator('div')
      .first()
      .evaluate((e) => getComputedStyle(e).textDecorationLine);
    expect(struck).toBe('line-through');
    expect(await item.getByTestId('withdraw').count()).toBe(0);
    await item.scrollIntoViewIfNeeded();
    await shot(page, 'console-instruction-withdrawn');
    expect(await axeProblems(page)).toEqual([]);

    // The original stays; the branch pulls the withdrawal as a new version naming it.
    const after = await detail();
    expect(after.instructions.map((i) => [i.kind, i.supersedes ?? null])).toEqual([
      ['instruction', null],
      ['instruction', null],
      ['withdrawal', original.instructionId],
    ]);
    const pulled = await h.branchGet(target.branch, '/v1/instructions?since=0');
    const mine = (
      pulled.body as { instructions: { caseId: string; kind?: string; reason?: string; supersedes?: string }[] }
    ).instructions.filter((i) => i.caseId === target.id);
    expect(mine.at(-1)).toMatchObject({
      kind: 'withdrawal',
      reason: '门店已按新规定处理,此批示不再适用',
      supersedes: original.instructionId,
    });
  });

  it('assigns the case to the reviewer and marks it 已阅: both marks in "my queue"', async () => {
    const queue = page.locator('[data-testid="case-queue"]');
    await queue.scrollIntoViewIfNeeded();
    await queue.locator('.ant-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: DEMO_REVIEWER.name }).click();
    await expect.poll(async () => (await detail()).assignment?.reviewer).toBe(DEMO_REVIEWER.username);
    await queue.getByRole('button', { name: '标为已阅' }).click();
    await queue.locator('[data-testid="case-read"]').waitFor();
    expect(await queue.locator('[data-testid="case-reads"]').innerText()).toContain(`已阅:${DEMO_REVIEWER.name}`);

    await page.goto(`${h.origin}/console/#/?mine=1`);
    await page.locator('[data-testid="row-count"]').filter({ hasNotText: '正在加载' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('#f-mine').isChecked()).toBe(true);
    const rows = page.locator('[data-testid="case-row"]');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain(target.number);
    expect(await rows.first().locator('[data-testid="row-assigned"]').innerText()).toBe('我的');
    expect(await rows.first().locator('[data-testid="row-read"]').innerText()).toBe('已阅');
    await shot(page, 'console-instruction-queue');
    expect(await axeProblems(page)).toEqual([]);
  });
});
