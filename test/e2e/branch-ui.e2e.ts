// The clerk's day in a real browser: phone intake through submission, an in-store case
// with an exchange slip and its print preview, search in Chinese, a draft that survives a
// reload, and an accessibility scan of every main screen. Screenshots go to docs/screenshots.
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeProblems, choose, type Harness, shot, signIn, useHarness, openManagerScreen } from './harness';

let h: Harness;
useHarness((started) => (h = started));

/** Opens an action dialog from the case screen, fills it with the given steps, confirms. */
async function act(
  page: Page,
  action: string,
  fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => {},
  open = true,
): Promise<void> {
  if (open) await page.locator(`[data-action="${action}"]`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: /确\s?定/ }).click();
  // A dialog that stays open shows why (a field message, a refusal): put it in the failure.
  await dialog.waitFor({ state: 'detached', timeout: 10_000 }).catch(async (e: Error) => {
    throw new Error(`${action} dialog stayed open: ${await dialog.innerText()}`, { cause: e });
  });
}

describe('branch UI end to end', () => {
  it('phone intake → forward → resolve → feedback → submit, from the keyboard', async () => {
    const page = await h.newPage();
    await signIn(page, h.url, 'S001');
    await shot(page, 'home');
    expect(await axeProblems(page)).toEqual([]);

    await page.keyboard.press('Alt+N');
    await page.locator('#phone').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('phone');
    await page.keyboard.type('13912345678');
    await page.keyboard.press('Tab');
    await page.keyboard.type('测试顾客');
    await page.locator('#content').fill('顾客来电投诉:购买的电饭煲内胆有划痕,要求更换。');
    await choose(page, 'category', '商品质量');
    // Enter in a single-line field must not submit; Ctrl+Enter does.
    await page.locator('#name').press('Enter');
    expect(page.url()).toContain('#/intake/phone');
    await page.keyboard.press('Control+Enter');
    await page.locator('[data-testid="status"]').waitFor();
    expect(await page.locator('[data-testid="status"]').textContent()).toBe('登记');
    expect(await page.locator('[data-testid="deadline"]').textContent()).toMatch(/时限|今日到期|已逾期/);
    await shot(page, 'case-detail');
    expect(await axeProblems(page)).toEqual([]);

    await act(page, 'forward', async () => choose(page, 'action-handlingUnitId', '鞋部'));
    expect(await page.locator('[data-testid="status"]').textContent()).toBe('处理中');
    // Main's own rule (an exchange needs an amount or a slip) comes back as a field message;
    // the dialog stays open with what was typed.
    await page.locator('[data-action="resolve"]').click();
    await choose(page, 'action-type', '换货');
    await page.locator('#action-summary').fill('已为顾客更换同型号新品。');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s?定/ })
      .click();
    await page.locator('#action-amount-help').waitFor();
    expect(await page.locator('#action-summary').inputValue()).toBe('已为顾客更换同型号新品。');
    await shot(page, 'case-action-error');
    await act(page, 'resolve', async (d) => d.locator('#action-amount').fill('299'), false);
    expect(await page.locator('[data-testid="status"]').textContent()).toBe('已处理');
    await act(page, 'feedback', async (d) => {
      await choose(page, 'action-satisfaction', '满意');
      await d.getByLabel('否').check();
    });
    expect(await page.locator('[data-testid="status"]').textContent()).toBe('已反馈');
    // A follow-up is scheduled for today and its result recorded from the case screen.
    await act(page, 'follow_up', async (d) => {
      await d.locator('#action-dueDate').fill(DateTime.now().setZone('Asia/Shanghai').toISODate() ?? '');
      await d.locator('#action-dueDate').press('Enter');
    });
    await page.getByRole('button', { name: '记录回访结果' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s?定/ })
      .click();
    await page.locator('#action-outcome-help').waitFor();
    await act(
      page,
      'follow_up_done',
      async (d) => {
        await choose(page, 'action-outcome', '已联系,满意');
        await d.locator('#action-result').fill('顾客表示新电饭煲使用正常。');
      },
      false,
    );
    await page.locator('[data-follow-up]').getByText('已回访').waitFor();
    expect(await page.locator('[data-follow-up]').textContent()).toContain('顾客表示新电饭煲使用正常。');
    await shot(page, 'case-follow-up');
    // A product-quality case needs the cause and finding before it can be submitted.
    expect(await page.locator('[data-action="submit"]').count()).toBe(0);
    await act(page, 'finding', async () => {
      await choose(page, 'action-cause', '商品或服务本身');
      await choose(page, 'action-finding', '属实');
    });
    await act(page, 'submit');
    expect(await page.locator('[data-testid="status"]').textContent()).toBe('待批示');
    // Only allowed actions are offered: submitting again is not.
    await shot(page, 'case-submitted');
    expect(await page.locator('[data-action="submit"]').count()).toBe(0);

    // The same phone at the next intake brings up the earlier case as soon as it is typed.
    await page.keyboard.press('Alt+N');
    await page.locator('#phone').fill('13912345678');
    await page.locator('[data-testid="repeat-notice"]').waitFor();
    expect(await page.locator('[data-testid="repeat-notice"]').textContent()).toContain('SH01-YY-');
    await shot(page, 'intake-phone');
    expect(await axeProblems(page)).toEqual([]);
  });

  it('in-store complaint with an exchange slip → print preview', async () => {
    const page = await h.newPage();
    await signIn(page, h.url, 'C001');
    await page.goto(`${h.url}#/intake/in_store`);
    await page.locator('#name').fill('王女士');
    await page.locator('#phone').fill('021-55501234');
    await page.locator('#item-0-name').fill('运动鞋');
    await page.locator('#receiptNo').fill('R20261124001');
    await page.locator('#content').fill('新买的运动鞋鞋底开胶,要求换一双。');
    await choose(page, 'category', '商品质量');
    await page.locator('form button[type=submit]').click();
    await page.locator('[data-testid="status"]').waitFor();

    await page.getByRole('button', { name: '开退换货单' }).click();
    await page.locator('#slipReceipt').fill('R20261124001');
    await choose(page, 'slipUnit', '鞋部');
    await page.locator('#returnedLines-0-itemCode').fill('6901234567890');
    await page.locator('#returnedLines-0-name').fill('运动鞋 42码');
    await page.locator('#returnedLines-0-unitPrice').fill('399');
    await page.locator('#issuedLines-0-itemCode').fill('6901234567891');
    await page.locator('#issuedLines-0-name').fill('运动鞋 42码(新)');
    await page.locator('#issuedLines-0-unitPrice').fill('429');
    expect(await page.locator('[data-testid="slip-totals"]').textContent()).toContain('¥30.00');
    // The customer pays the ¥30.00 difference: the form asks how.
    await choose(page, 'slipPaymentMethod', '现金');
    await choose(page, 'slipReason', '质量问题');
    // Submitting without the yes/no answers names them; nothing typed is lost.
    await page.keyboard.press('Control+Enter');
    await page.getByText('须明确选择“是”或“否”').first().waitFor();
    expect(await page.locator('#returnedLines-0-name').inputValue()).toBe('运动鞋 42码');
    await page.locator('#qualityProblem').scrollIntoViewIfNeeded();
    await shot(page, 'slip-form');
    expect(await axeProblems(page)).toEqual([]);
    for (const q of ['packagingIntact', 'accessoriesComplete', 'qualityProblem', 'deductCommission']) {
      await page
        .locator(`#${q}`)
        .getByLabel(q === 'deductCommission' ? '否' : '是')
        .check();
    }
    await page.keyboard.press('Control+Enter');
    await page.getByRole('button', { name: '打印预览' }).waitFor();
    const slipNo = (await page.getByRole('heading', { level: 1 }).textContent())?.match(/SH01-TH-\d{6}-\d{4}/)?.[0];
    expect(slipNo).toBeTruthy();
    await page.getByRole('button', { name: '打印预览' }).click();
    const frame = page.locator('.pdf-frame');
    await frame.waitFor();
    expect(await frame.getAttribute('data-file')).toMatch(/\.pdf$/);
    // The pages drawn by pdf.js carry the form's text: the slip title, number and the lines.
    const first = page.locator('canvas[data-page="1"]');
    await expect
      .poll(async () => (await first.getAttribute('aria-label')) ?? '', { timeout: 30_000 })
      .toContain(slipNo ?? '-');
    expect(await first.getAttribute('aria-label')).toContain('商品退换货单');
    expect(await page.getByRole('link', { name: '下载 PDF' }).getAttribute('href')).toMatch(/^blob:/);
    await shot(page, 'print-preview');
    expect(await axeProblems(page)).toEqual([]);

    // Finance's settlement is entered by a supervisor; the clerk is not offered it.
    const slipUrl = `${h.url}#/slip/${(await page.evaluate(() => location.hash)).split('/').pop() ?? ''}`;
    await page.goto(slipUrl);
    await page.getByRole('button', { name: '打印预览' }).waitFor();
    expect(await page.getByRole('button', { name: '登记财务结算' }).count()).toBe(0);
    const sup = await h.newPage();
    await signIn(sup, h.url, 'D001');
    await sup.goto(slipUrl);
    await sup.getByRole('button', { name: '登记财务结算' }).click();
    await act(
      sup,
      'settle',
      async (d) => {
        await d.locator('#action-settledOn').fill(DateTime.now().setZone('Asia/Shanghai').toISODate() ?? '');
        await d.locator('#action-settledOn').press('Enter');
      },
      false,
    );
    await sup.getByText('已结算(', { exact: false }).waitFor();
    // A settled slip can no longer be voided.
    expect(await sup.getByRole('button', { name: '作废' }).count()).toBe(0);
    await shot(sup, 'slip-settled');
  });

  it('searches in Chinese', async () => {
    const page = await h.newPage();
    await signIn(page, h.url, 'S001');
    await page.keyboard.press('Alt+S');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.insertText('顾客');
    await page.keyboard.press('Enter');
    await page.getByText('“顾客”的搜索结果').waitFor();
    await page.locator('[data-row]').first().waitFor();
    expect(await page.locator('[data-row]').count()).toBeGreaterThan(0);
    await shot(page, 'search');
  });

  it('keeps a draft in main across a page reload and a wiped browser profile', async () => {
    let page = await h.newPage();
    await signIn(page, h.url, 'C001');
    await page.goto(`${h.url}#/intake/government`);
    await page.locator('#govRef').fill('12315-2026-0042');
    await page.locator('#content').fill('消费者通过 12315 反映会员积分未到账。');
    await page.getByText(/草稿已自动保存/).waitFor();
    await page.reload();
    await page.getByRole('button', { name: '恢复草稿' }).waitFor();
    // Another colleague on the same PC is not offered it.
    const colleague = await h.newPage();
    await signIn(colleague, h.url, 'S001');
    await colleague.goto(`${h.url}#/intake/government`);
    await colleague.locator('#govRef').waitFor();
    expect(await colleague.getByRole('button', { name: '恢复草稿' }).count()).toBe(0);
    // A fresh browser context has no local storage: the draft can only come from main.
    const fresh = await h.newPage();
    await signIn(fresh, h.url, 'C001');
    await fresh.goto(`${h.url}#/intake/government`);
    page = fresh;
    await page.getByRole('button', { name: '恢复草稿' }).click();
    expect(await page.locator('#content').inputValue()).toBe('消费者通过 12315 反映会员积分未到账。');
    expect(await page.locator('#govRef').inputValue()).toBe('12315-2026-0042');
    await shot(page, 'intake-government');
    expect(await axeProblems(page)).toEqual([]);
  });

  it('shows settings to the manager, the sign-in screen and English, without accessibility problems', async () => {
    const page = await h.newPage();
    await page.goto(h.url);
    await page.locator('#staffNo').waitFor();
    await shot(page, 'sign-in');
    expect(await axeProblems(page)).toEqual([]);
    await signIn(page, h.url, 'M001');
    await openManagerScreen(page, '设置');
    await page.locator('#lockAfterMinutes').waitFor();
    await shot(page, 'settings');
    expect(await axeProblems(page)).toEqual([]);
    // No operating-system printing in a browser: the printer list says so instead of being empty.
    await page.getByText('此环境无法列出打印机').waitFor();
    // The sync key is checked before it is sent; a malformed key is named and nothing is stored.
    await page.locator('#syncKey').fill('短');
    await page.getByRole('button', { name: '保存密钥' }).click();
    await page.locator('#syncKey-help').getByText('同步密钥格式不正确').waitFor();
    await page.locator('#headOfficeUrl').fill('ftp://hq');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.locator('#headOfficeUrl-help').waitFor();
    await page.getByText('English').first().click();
    await page.getByRole('button', { name: 'Home' }).click();
    await page.getByText('Work queues').waitFor();
    await shot(page, 'home-en');
  });

  it('lets the manager add a staff member, who can then sign in, and deactivate them', async () => {
    const page = await h.newPage();
    await signIn(page, h.url, 'M001');
    await openManagerScreen(page, '人员与单位');
    await page.locator('#newStaffNo').waitFor();
    await page.locator('#newStaffNo').fill('C009');
    await page.locator('#newName').fill('周敏');
    await page.getByRole('button', { name: /^新\s?增$/ }).click();
    await page
      .locator('#newPin-help')
      .getByText(/6–8 位数字|必须填写/)
      .waitFor();
    await page.locator('#newPin').fill('135790');
    await page.getByRole('button', { name: /^新\s?增$/ }).click();
    await page.getByRole('cell', { name: '周敏', exact: true }).waitFor();
    await shot(page, 'admin-users');
    expect(await axeProblems(page)).toEqual([]);

    // The manager knows the initial PIN: the newcomer chooses her own before anything else.
    const newcomer = await h.newPage();
    await newcomer.goto(h.url);
    await newcomer.locator('#staffNo').fill('C009');
    await newcomer.locator('#pin').fill('135790');
    await newcomer.locator('#pin').press('Enter');
    await newcomer.getByText(/此 PIN 由店长设置/).waitFor();
    expect(await newcomer.getByRole('navigation').count()).toBe(0);
    await newcomer.locator('#currentPin').fill('135790');
    await newcomer.locator('#newPin').fill('864202');
    await newcomer.locator('#confirmPin').fill('864202');
    await newcomer.getByRole('button', { name: '保存新 PIN' }).click();
    await newcomer.getByRole('navigation').waitFor();
    await newcomer.getByText('周敏').first().waitFor();

    await page.getByRole('switch', { name: '启用 周敏' }).click();
    await expect
      .poll(async () => page.getByRole('switch', { name: '启用 周敏' }).getAttribute('aria-checked'))
      .toBe('false');
    const again = await h.newPage();
    await again.goto(h.url);
    await again.locator('#staffNo').fill('C009');
    await again.locator('#pin').fill('864202');
    await again.locator('#pin').press('Enter');
    await again.getByRole('alert').getByText('此账号已停用,请联系店长').waitFor();
    expect(await again.getByRole('navigation').count()).toBe(0);

    await page.getByRole('tab', { name: '柜组/部门' }).click();
    await page.locator('#unitCode').fill('HOME');
    await page.locator('#unitName').fill('家居部');
    await page.locator('#unitName').press('Control+Enter');
    await page.getByRole('cell', { name: '家居部', exact: true }).waitFor();
  });
});
