// Guided handling in a real browser (issue 21 §3): at intake the panel 处理步骤与话术 shows the phone
// channel's steps with the current step's phrases; Alt+1 in the content box inserts the first phrase
// at the caret (the text around it kept) and a tick is saved with the new case. On the case the clerk
// ticks a step (who and when shown), opens 添加处理意见 and inserts a phrase with Alt+2 into the note;
// a government case shows its own step; the monthly summary counts it as one more case the step applies to.
// Screenshots: docs/screenshots/guidance-*.png.
import { describe, expect, it } from 'vitest';
import { api, axeProblems, choose, type Harness, shot, signIn, useHarness } from './harness';

let h: Harness;
useHarness((started) => (h = started));

const GREETING = '您好,我是客服台的值班人员,请问有什么可以帮您?';

describe('处理步骤与话术 end to end', () => {
  it('at intake and on the case: steps ticked, phrases inserted by one key', async () => {
    const page = await h.newPage();
    await signIn(page, h.url, 'C001');
    await page.goto(`${h.url}#/intake/phone`);
    const panel = page.getByTestId('guidance-panel');
    await panel.getByRole('checkbox', { name: '耐心倾听' }).waitFor();
    expect(await panel.getByRole('checkbox', { name: '复述并约定回电时间' }).count()).toBe(1);
    expect(await panel.getByRole('checkbox', { name: '核对部门来文' }).count()).toBe(0);

    await page.locator('#phone').fill('13911117777');
    const content = page.locator('#content');
    await content.fill('顾客来电:鞋子开胶。');
    await content.focus();
    await content.press('End');
    for (let i = 0; i < '鞋子开胶。'.length; i++) await content.press('ArrowLeft');
    await page.keyboard.press('Alt+1');
    expect(await content.inputValue()).toBe(`顾客来电:${GREETING}鞋子开胶。`);
    await panel.getByRole('checkbox', { name: '耐心倾听' }).check();
    await choose(page, 'category', '商品质量');
    await shot(page, 'guidance-intake');
    expect(await axeProblems(page)).toEqual([]);
    await page.keyboard.press('Control+Enter');
    await page.waitForURL(/#\/case\//);

    const caseId = page.url().split('#/case/')[1] ?? '';
    const c = await api(page, 'cases.get', { caseId });
    expect(c.handlingSteps?.map((x) => x.stepKey)).toEqual(['listen']);
    expect(c.content).toBe(`顾客来电:${GREETING}鞋子开胶。`);

    // On the case: the tick made at intake is there with who made it; tick one more.
    const onCase = page.getByTestId('guidance-panel');
    await onCase
      .getByText(/陈.* 于 /)
      .first()
      .waitFor();
    await onCase.getByRole('checkbox', { name: '表示理解或真情致歉' }).click();
    await expect.poll(async () => onCase.getByText(/已完成 2\/7 步/).count()).toBe(1);
    // A note with a phrase of the current step (restating with a callback time) by Alt+2.
    await page.getByRole('button', { name: '添加处理意见' }).click();
    const dialog = page.getByRole('dialog');
    const note = dialog.locator('textarea').first();
    await note.fill('已回电:');
    await note.press('End');
    await page.keyboard.press('Alt+2');
    expect(await note.inputValue()).toMatch(/^已回电:.+/);
    expect((await note.inputValue()).length).toBeGreaterThan('已回电:'.length + 5);
    await shot(page, 'guidance-case');
    await dialog.getByRole('button', { name: '确 定' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const after = await api(page, 'cases.get', { caseId });
    expect(after.handlingSteps?.map((x) => x.stepKey)).toEqual(['listen', 'apologise']);
    expect(after.events.filter((e) => e.kind === 'handling_step')).toHaveLength(1);
    expect(after.events.at(-1)?.text).toMatch(/^已回电:./);

    // The month's summary before the government case: the demo (seeded on today's clock) may hold some of its own.
    const stepBefore = await checkReferenceRow(h);
    // A government case: its own step, and the panel in English follows the language.
    const gov = await api(page, 'cases.create', {
      channel: 'government',
      government: { body: '12315', referenceNo: 'GZ-2026-0815' },
      customer: { phone: '13911118888' },
      content: '12315 转来:顾客投诉食品过期。',
      categoryCode: 'product_quality',
    });
    await page.evaluate(() => localStorage.setItem('branchDesk.lang', 'en'));
    await page.goto(`${h.url}#/case/${gov.id}`);
    await page.reload();
    const en = page.getByTestId('guidance-panel');
    await en.getByRole('checkbox', { name: "Check the body's reference" }).waitFor();
    await en.getByRole('button', { name: /may I have your reference number/ }).waitFor({ state: 'detached' });
    await en.getByRole('button', { name: "Check the body's reference" }).click();
    await en.getByRole('button', { name: /may I have your reference number/ }).waitFor();
    await en.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, 'guidance-case-en');
    await page.evaluate(() => localStorage.setItem('branchDesk.lang', 'zh-CN'));

    // The secretary's monthly summary counts the steps followed: the new government case is one more to which
    // 核对部门来文 applies, and it was not ticked.
    const stepAfter = await checkReferenceRow(h, true);
    expect(stepAfter).toEqual({ applicable: stepBefore.applicable + 1, ticked: stepBefore.ticked });
  });
});

/**
 * The 核对部门来文 row of this month's summary, run by the secretary in a page of its own (applicable and ticked
 * cases; none when the row is absent); with `shoot`, the table is checked for its words and photographed.
 */
async function checkReferenceRow(h: Harness, shoot = false): Promise<{ applicable: number; ticked: number }> {
  const secretary = await h.newPage();
  await signIn(secretary, h.url, 'S001');
  await secretary.getByRole('button', { name: '汇总报表' }).click();
  await secretary.getByRole('button', { name: '生成报表' }).click();
  const table = secretary.getByTestId('table-handlingSteps');
  await table.waitFor({ timeout: 30_000 });
  const words = await table.innerText();
  const row = /核对部门来文\s+(\d+)\s+(\d+)\s+\d+\.\d%/.exec(words);
  if (shoot) {
    expect(words).toContain('处理步骤执行情况');
    expect(words).toContain('按渠道全部步骤勾选的个案');
    expect(row, '核对部门来文 has its row').not.toBeNull();
    await table.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(secretary, 'guidance-summary');
  }
  await secretary.close();
  return { applicable: Number(row?.[1] ?? 0), ticked: Number(row?.[2] ?? 0) };
}
