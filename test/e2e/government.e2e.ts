// A 12315 case in Chromium (issue 12 bullet 6): the branch replies in writing and records the body's
// 有异议 (its own field, not the customer's 有疑义), staff visit the body (escalation visit_government),
// the body then has no objection, the 书面答复函 is fetched and read back, and the case goes to the
// manager's review through the 呈领导审核 button. Screenshots docs/screenshots/government-*.png and the
// letter as docs/forms/reply-letter.pdf with its first page as a PNG.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf, squash } from '../helpers/pdf-text';
import { api, choose, type Harness, shot, signIn, startHarness } from './harness';

const FORMS = join(import.meta.dirname, '../../docs/forms');

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  h = await startHarness();
  browser = h.browser;
});
afterAll(async () => h?.close());

const status = async (page: Page) => (await page.locator('[data-testid="status"]').textContent()) ?? '';

async function confirm(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /确\s?定/ }).click();
  await dialog.waitFor({ state: 'detached' }).catch(async (e: Error) => {
    throw new Error(`dialog stayed open: ${await dialog.innerText()}`, { cause: e });
  });
}

describe('a case forwarded by 12315', () => {
  it("records the body's objection, the visit, the reply letter and the manager's review", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await signIn(page, h.url, 'S001');
    const units = await api(page, 'units.list', {});
    const unitId = (units.find((u) => u.name.includes('食品')) ?? units[0])?.id ?? '';
    const c = await api(page, 'cases.create', {
      channel: 'government',
      government: {
        body: '12315',
        bodyName: '浦东新区市场监管局',
        referenceNo: 'PD12315-2026-0413',
        contactPerson: '周科员',
      },
      customer: { name: '吴敏', phone: '13700137000' },
      content: '顾客经 12315 投诉:在本店购买的酸奶已过保质期,要求退款并赔偿。',
      categoryCode: 'product_quality',
      complainedUnitId: unitId,
    });
    await api(page, 'cases.forward', { caseId: c.id, handlingUnitId: unitId });
    await api(page, 'cases.resolve', {
      caseId: c.id,
      type: 'compensation',
      summary: '为顾客退款并按规定赔偿;同批次商品已全部下架。',
      amountFen: 100000,
    });
    await api(page, 'cases.finding', { caseId: c.id, cause: 'product_or_service', finding: 'founded' });
    await page.goto(`${h.url}#/case/${c.id}`);
    await page.locator('[data-testid="status"]').waitFor();

    // The feedback of a government case is the reply to the body: 答复部门, with the body's answer.
    const today = DateTime.now().setZone('Asia/Shanghai').toISODate() ?? '';
    const feedback = page.locator('[data-action="feedback"]');
    expect(await feedback.textContent()).toBe('答复部门');
    await feedback.click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.locator('#action-disputed').count()).toBe(0);
    expect(await page.getByTestId('action-notice').textContent()).toContain('随营业干部赴政府部门');
    await choose(page, 'action-bodyAnswer', '有异议');
    // The first answer needs the written reply date: marked required, and main refuses it missing.
    const replyDateRequired = dialog.locator('.ant-form-item-required', {
      has: page.locator('label[for="action-writtenReplyDate"]'),
    });
    expect(await replyDateRequired.count()).toBe(1);
    await dialog.getByRole('button', { name: /确\s?定/ }).click();
    expect(await dialog.locator('#action-writtenReplyDate-help').textContent()).toBe(
      '书面答复日期:须填写(向部门书面答复的日期)',
    );
    expect(await status(page)).toBe('已处理');
    await dialog.locator('#action-writtenReplyDate').fill(today);
    await dialog.locator('#action-writtenReplyDate').press('Enter');
    // Typed in: the refusal's message goes.
    await dialog.locator('#action-writtenReplyDate-help').waitFor({ state: 'detached' });
    await dialog.locator('#action-bodyAnswerNote').fill('12315 认为赔偿标准说明不足,要求当面说明。');
    await shot(page, 'government-answer-dialog');
    await confirm(page);
    await expect.poll(() => status(page)).toBe('有疑义');
    await expect.poll(async () => (await page.getByTestId('body-answer').textContent()) ?? '').toBe('有异议');
    expect(await page.getByTestId('written-reply-date').textContent()).toBe(today);
    expect(await page.locator('[data-blocked-reason="submit"]').textContent()).toContain('部门有异议');
    await page.locator('[data-group="feedback"]').scrollIntoViewIfNeeded();
    await shot(page, 'government-objection');

    // 有异议: staff go to the body in person (the escalation the procedure names), then resume.
    await page.locator('[data-action="escalate"]').click();
    await choose(page, 'action-kind', '随营业干部赴政府部门');
    await dialog.locator('#action-note').fill('营业干部陪同秘书室前往浦东新区市场监管局说明赔偿标准。');
    await dialog.locator('#action-outcome').fill('监管局认可处理结果。');
    await confirm(page);
    await api(page, 'cases.resume', { caseId: c.id, to: 'resolved', reason: '面谈后部门认可处理结果' });
    await page.reload();
    await page.locator('[data-action="feedback"]').click();
    await choose(page, 'action-bodyAnswer', '无异议');
    // The date is on record now: it may stay as it is.
    expect(await replyDateRequired.count()).toBe(0);
    await confirm(page);
    await expect.poll(() => status(page)).toBe('已反馈');

    // The reply letter: offered on the case screen, fetched and read back.
    await page.locator('[data-action="reply_letter"]').click();
    await page.locator('canvas').first().waitFor();
    await shot(page, 'government-reply-letter');
    const printed = await api(page, 'print.render', { kind: 'reply_letter', id: c.id });
    expect(printed.fileName).toBe(`书面答复函-${c.number}.pdf`);
    const pdf = Buffer.from(printed.pdfBase64, 'base64');
    const text = squash((await readPdf(pdf)).map((p) => p.text).join(''));
    for (const want of [
      '书面答复函',
      '浦东新区市场监管局:',
      '来文编号:PD12315-2026-0413',
      c.number,
      '吴敏',
      '调查结论:属实',
      '处理方式:补偿',
      '同批次商品已全部下架',
      '涉及金额:¥1,000.00',
      today,
      '(盖章)',
      '负责人签字',
    ])
      expect(text).toContain(squash(want));
    writeFileSync(join(FORMS, 'reply-letter.pdf'), pdf);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '70',
      '-f',
      '1',
      '-l',
      '1',
      join(FORMS, 'reply-letter.pdf'),
      join(FORMS, 'reply-letter'),
    ]);

    // Submission goes to the manager: the button says 呈领导审核 and the dialog says what follows.
    await page.goto(`${h.url}#/case/${c.id}`);
    const submit = page.locator('[data-action="submit"]');
    await submit.waitFor();
    expect(await submit.textContent()).toBe('呈领导审核');
    await submit.click();
    expect(await page.getByTestId('action-notice').textContent()).toBe(
      '呈领导审核后个案进入“待领导审核”。店长将收到此个案进行审核(呈领导审核后归档)。',
    );
    await shot(page, 'government-submit');
    await confirm(page);
    await expect.poll(() => status(page)).toBe('待领导审核');
    // The timeline and the history name the steps as they happened: 答复部门, 呈领导审核 (not 反馈顾客, 报部本部).
    const timeline = page.locator('.ant-timeline').first();
    await timeline.getByText('呈领导审核').waitFor();
    const steps = await timeline.locator('strong').allTextContents();
    expect(steps.filter((x) => x === '答复部门')).toHaveLength(2);
    expect(steps.join(' ')).not.toMatch(/反馈顾客|报部本部/);
    const history = page.locator('[data-testid="case-history"]');
    await history.getByText('呈领导审核').waitFor();
    expect(await history.textContent()).toContain('答复部门');
    expect(await history.textContent()).not.toMatch(/反馈顾客|报部本部/);
    await timeline.scrollIntoViewIfNeeded();
    await shot(page, 'government-timeline');

    // The manager reviews it.
    const mctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const m = await mctx.newPage();
    await signIn(m, h.url, 'M001');
    await m.goto(`${h.url}#/case/${c.id}`);
    await m.locator('[data-action="review"]').click();
    await m.getByRole('dialog').locator('#action-text').fill('同意归档,食品部加强临期商品检查。');
    await confirm(m);
    await m.locator('[data-group="review"]').scrollIntoViewIfNeeded();
    await shot(m, 'government-reviewed');
    const reviewed = await api(m, 'cases.get', { caseId: c.id });
    expect(reviewed).toMatchObject({ bodyAnswer: 'no_objection', writtenReplyDate: today, status: 'awaiting_review' });
    expect(reviewed.reviewedAt).not.toBeNull();

    await mctx.close();
    await ctx.close();
  });
});
