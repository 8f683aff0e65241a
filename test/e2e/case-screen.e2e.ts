// The case screen in a real browser: a case with purchase, an escalation and head office's
// instruction shows every group of the record form; a 5,000-character complaint keeps the label
// column; an escalation outcome is added later; 报部本部 is shown blocked with its reason.
// Screenshots: docs/screenshots/case-full.png and case-blocked.png.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBranchApp } from '../../src-main/app';
import { openDatabase } from '../../src-main/db/connection';
import { applyInstruction } from '../../src-main/services/case-details';
import { DEFAULT_BRANCH_SETTINGS } from '../../src-main/shared/settings-schema';
import { api, choose, demoStore, launchChromium, SCREENSHOTS, signIn, startDemoBranch, stopProcess } from './harness';

let dir: string;
let server: { proc: ChildProcess; url: string };
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'branch-desk-case-e2e-'));
  server = await startDemoBranch(dir, 20);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stopProcess(server?.proc);
  rmSync(dir, { recursive: true, force: true });
});

const COMPLAINT = '顾客反映电饭煲内胆涂层脱落,'.repeat(333) + '要求退货';

describe('the case screen', () => {
  it('shows everything recorded, adds an escalation outcome and shows a blocked action with its reason', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await signIn(page, server.url, 'S001');
    const units = await api(page, 'units.list', {});
    const shoes = units.find((u) => u.code === 'SHOES')?.id ?? '';
    const created = await api(page, 'cases.create', {
      channel: 'phone',
      customer: { name: '王女士', phone: '13912345678', preferredContactTime: '工作日晚上' },
      content: COMPLAINT,
      expectedResolution: '退货退款',
      categoryCode: 'product_quality',
      complainedUnitId: shoes,
      purchase: {
        items: [{ name: '智能电饭煲 4L', code: '6901234567890' }],
        receiptNo: 'R20261120-0042',
        purchaseDate: '2026-11-20',
        amountFen: 45900,
      },
    });
    const caseId = created.id;
    await api(page, 'cases.forward', { caseId, handlingUnitId: shoes });
    await api(page, 'cases.escalate', { caseId, kind: 'duty_supervisor', note: '顾客要求值班主管出面协调' });
    await api(page, 'cases.resolve', {
      caseId,
      type: 'refund',
      summary: '经检测属质量问题,同意退货',
      amountFen: 45900,
    });
    await api(page, 'cases.feedback', { caseId, satisfaction: 'satisfied', disputed: false });
    // Head office's instruction arrives through sync: applied to the same store, as sync would.
    const { db } = openDatabase(demoStore(dir));
    const app = createBranchApp({ db, settings: { branch: () => DEFAULT_BRANCH_SETTINGS }, clock: () => Date.now() });
    applyInstruction(app.ctx, {
      instructionId: '01936f5e-0000-7000-8000-0000000e2e01',
      caseId,
      text: '同意退货,请向顾客致歉并跟踪回访。',
      reviewerName: '部本部 周经理',
      instructedAt: new Date().toISOString(),
    });
    db.close();

    await page.goto(`${server.url}#/case/${caseId}`);
    await page.locator('[data-testid="status"]').waitFor();
    for (const g of [
      '受理',
      '顾客',
      '购买',
      '异议',
      '处理',
      '承诺',
      '升级',
      '反馈',
      '调查结论',
      '回访',
      '批示',
      '审核',
      '建档',
    ])
      await expect.poll(() => page.getByRole('heading', { level: 2, name: g, exact: true }).count()).toBe(1);
    expect(await page.getByTestId('purchase-items').innerText()).toContain('6901234567890');
    expect(await page.locator('[data-testid^="instruction-"]').innerText()).toContain('同意退货,请向顾客致歉');

    // The 5,000-character complaint scrolls inside its field; its label keeps its width.
    const content = page.getByTestId('case-content');
    const box = await content.boundingBox();
    const label = await page.locator('[data-group="objection"] [data-label]').first().boundingBox();
    expect(label?.width ?? 0).toBeGreaterThan(100);
    expect(box?.height ?? 0).toBeLessThan(400);
    expect(await content.evaluate((e) => e.scrollHeight > e.clientHeight)).toBe(true);

    // The blocked action: disabled, its reason as visible text.
    const reason = page.locator('[data-blocked-reason="submit"]');
    expect(await reason.innerText()).toBe('典型范例及商品质量个案须先填写原因归属和调查结论');
    expect(await page.locator('[data-blocked="submit"]').isDisabled()).toBe(true);
    // The app scrolls inside its own frame: a tall window shows every group in one picture.
    await page.setViewportSize({ width: 1366, height: 2500 });
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SCREENSHOTS, 'case-full.png') });
    await page.setViewportSize({ width: 1366, height: 900 });

    // The escalation's outcome, added now: the dialog says it is recorded once.
    await page.locator('[data-action="escalation_outcome"]').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByTestId('action-notice').innerText()).toContain('只能登记一次');
    await dialog.locator('#action-outcome').fill('值班主管当面致歉,顾客同意退货');
    await dialog.getByRole('button', { name: /确\s?定/ }).click();
    await dialog.waitFor({ state: 'detached' });
    const esc = page.locator('[data-testid^="escalation-"]');
    await expect.poll(() => esc.innerText()).toContain('值班主管当面致歉,顾客同意退货');
    expect(await page.locator('[data-action="escalation_outcome"]').count()).toBe(0);
    await expect.poll(() => page.getByTestId('case-history').innerText()).toContain('登记升级结果');

    // The reason also as a tooltip on the disabled button.
    await page.locator('[data-blocked="submit"]').scrollIntoViewIfNeeded();
    await page.locator('[data-blocked="submit"]').locator('..').hover();
    await page.getByRole('tooltip').waitFor();
    expect(await page.getByRole('tooltip').innerText()).toContain('须先填写原因归属和调查结论');
    await page.evaluate(() =>
      document.querySelectorAll<HTMLElement>('.ant-message').forEach((e) => (e.style.visibility = 'hidden')),
    );
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SCREENSHOTS, 'case-blocked.png') });

    // Once the finding is recorded, 报部本部 is offered and its dialog says what will happen.
    await page.locator('[data-action="finding"]').click();
    const findingDialog = page.getByRole('dialog');
    await choose(page, 'action-cause', '商品或服务本身');
    await choose(page, 'action-finding', '属实');
    await findingDialog.getByRole('button', { name: /确\s?定/ }).click();
    await findingDialog.waitFor({ state: 'detached' });
    expect(await page.locator('[data-blocked="submit"]').count()).toBe(0);
    await page.locator('[data-action="submit"]').click();
    expect(await page.getByRole('dialog').getByTestId('action-notice').innerText()).toBe(
      '报部本部后个案进入“待批示”。部本部将收到此个案并作出批示。',
    );
    await ctx.close();
  });
});
