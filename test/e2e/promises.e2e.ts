// Promises in Chromium: after feedback a reply time is promised on screen (typed in branch time), answered
// with a progress reply and a new promise, a third one passes its time unanswered and shows as missed,
// filing says why it waits, then every promise is answered and the case is filed.
// Screenshots: docs/screenshots/promises-*.png.
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type Harness, shot, signIn, startHarness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const branchTime = (hours: number) =>
  DateTime.now().setZone('Asia/Shanghai').plus({ hours }).startOf('minute').toFormat('yyyy-MM-dd HH:mm');

const promiseRows = (page: Page) => page.locator('[data-group="promises"] [data-promise-state]');
const states = async (page: Page) =>
  promiseRows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-promise-state')));

async function confirm(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /确\s?定/ }).click();
  await dialog.waitFor({ state: 'detached' }).catch(async (e: Error) => {
    throw new Error(`dialog stayed open: ${await dialog.innerText()}`, { cause: e });
  });
}

describe('promises on the case screen', () => {
  it('records, answers with a progress reply and a new promise, shows a missed one, then files', async () => {
    const manager = await h.newPage();
    await signIn(manager, h.url, 'M001');
    // This branch files satisfied phone cases itself (no sign-off), so filing waits only for the promises.
    await api(manager, 'settings.update', {
      signOff: {
        phone: 'none',
        in_store: 'head_office',
        government: 'manager',
        letter: 'head_office',
        online: 'head_office',
        email: 'head_office',
        other: 'head_office',
      },
    });

    const page = await h.newPage();
    await signIn(page, h.url, 'S001');
    const food = (await api(page, 'units.list', {})).find((u) => u.code === 'FOOD')?.id ?? '';
    const c = await api(page, 'cases.create', {
      channel: 'phone',
      customer: { name: '钱芳', phone: '13700001234' },
      content: '营业员说会打电话告诉我月饼礼盒什么时候到货,一直没有消息。',
      categoryCode: 'service_attitude',
    });
    await api(page, 'cases.forward', { caseId: c.id, handlingUnitId: food });
    await api(page, 'cases.resolve', { caseId: c.id, type: 'explanation', summary: '向顾客致歉,说明到货安排' });
    await api(page, 'cases.feedback', { caseId: c.id, satisfaction: 'basically_satisfied', disputed: false });
    await page.goto(`${h.url}#/case/${c.id}`);
    await expect.poll(async () => page.locator('[data-testid="status"]').textContent()).toBe('已反馈');

    // After feedback the customer asks to be told the arrival date: a promise, typed in branch time.
    await page.locator('[data-action="promise"]').click();
    await page.locator('#action-promisedAt').fill(branchTime(1));
    await page.keyboard.press('Enter');
    await page.locator('#action-note').fill('一小时内回电告知到货日期');
    await confirm(page);
    await expect.poll(() => states(page)).toEqual(['open']);
    await expect(page.locator('[data-group="promises"]').innerText()).resolves.toContain('待答复');

    // The progress reply at the promised time, without a solution yet, and the next promise.
    await page.locator('[data-answer-promise]').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.locator('[data-testid="action-notice"]').innerText()).resolves.toMatch(/不再计入时限/);
    await page.locator('#action-replyText').fill('已联系供应商,礼盒预计后天到货,到货前一天再电话通知您。');
    await page.locator('#action-nextPromisedAt').fill(branchTime(26));
    await page.keyboard.press('Enter');
    await page.locator('#action-nextNote').fill('到货前一天电话通知');
    await expect(dialog.locator('.ant-input-data-count').first().innerText()).resolves.toMatch(/\/ 1000/);
    await shot(page, 'promises-answer-dialog');
    await confirm(page);
    await expect.poll(() => states(page)).toEqual(['kept', 'open']);
    const group = page.locator('[data-group="promises"]');
    await expect(group.innerText()).resolves.toContain('已联系供应商,礼盒预计后天到货');
    await expect(group.innerText()).resolves.toContain('按时答复');

    // A promise whose time passes unanswered shows as missed (and the case as overdue), not silently open.
    await api(page, 'cases.promise', {
      caseId: c.id,
      promisedAt: new Date(Date.now() + 3_000).toISOString(),
      note: '三秒后回电(测试用)',
    });
    await page.waitForTimeout(3_500);
    await page.reload();
    await expect.poll(() => states(page)).toEqual(['kept', 'open', 'missed']);
    await expect(group.innerText()).resolves.toContain('未按时答复');
    // Filing says what it waits for.
    await expect(page.locator('[data-blocked-reason="file"]').innerText()).resolves.toMatch(/进展答复/);
    await page.locator('[data-group="promises"]').scrollIntoViewIfNeeded();
    await shot(page, 'promises-missed');

    // Both answered: the late one stays missed, with when it was answered.
    for (const reply of ['礼盒已到货,已通知顾客明天来取。', '抱歉回电晚了:礼盒已到货。']) {
      await page.locator('[data-answer-promise]').first().click();
      await page.locator('#action-replyText').fill(reply);
      await confirm(page);
    }
    await expect.poll(() => states(page)).toEqual(['kept', 'kept', 'missed']);
    expect(await page.locator('[data-answer-promise]').count()).toBe(0);
    await expect(group.innerText()).resolves.toMatch(/答复于/);
    const history = page.locator('[data-testid="case-history"]');
    await expect.poll(async () => history.innerText()).toMatch(/进展答复/);

    // Nothing left open: the case is filed.
    await page.locator('[data-action="file"]').click();
    await confirm(page);
    await expect.poll(async () => page.locator('[data-testid="status"]').textContent()).toBe('已建档');
    const filed = await api(page, 'cases.get', { caseId: c.id });
    expect(filed.promises.map((p) => p.answeredAt !== null)).toEqual([true, true, true]);
    expect(filed.promises[0]?.nextPromiseId).toBe(filed.promises[1]?.id);
    await page.locator('[data-group="promises"]').scrollIntoViewIfNeeded();
    await shot(page, 'promises-filed');
  });
});
