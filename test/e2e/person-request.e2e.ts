// A person's request in a real browser (issue 20 §3): the secretary office types the person's phone as they
// say it, sees every case, slip and attachment the branch holds under it, and exports the PDF and the JSON
// with a reason, then anonymises it early on her deletion request (refused while a case is open, naming it);
// a non-phone and an empty reason are refused in words; a clerk has neither the menu nor the channel. Screenshots: docs/screenshots/pii-request-*.png.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { api, axeProblems, type Harness, shot, signIn, useHarness } from './harness';

let h: Harness;
useHarness((started) => (h = started));

describe('a person’s request at the branch end to end', () => {
  it('finds what is held under a phone typed with +86 and spaces, and exports it with a reason', async () => {
    const page = await h.newPage();
    await signIn(page, h.url, 'S001');
    const unit = (await api(page, 'units.list', {}))[0]!;
    const mine = await api(page, 'cases.create', {
      channel: 'in_store',
      customer: { name: '林晓', phone: '13955556666' },
      content: '电饭煲不加热,要求退货。',
      categoryCode: 'product_quality',
      purchase: { items: [{ name: '电饭煲' }], receiptNo: 'R20261130-0101' },
    });
    await api(page, 'cases.create', {
      channel: 'in_store',
      customer: { name: '周先生', phone: '13722223333' },
      content: '毛巾掉色。',
      categoryCode: 'product_quality',
    });
    const slip = await api(page, 'slips.create', {
      type: 'return',
      customer: { name: '林晓', phone: '139 5555 6666' },
      receiptNo: 'R20261130-0101',
      unitId: unit.id,
      returnedLines: [{ itemCode: '6901234500011', name: '电饭煲', quantity: 1, unitPriceFen: 29_900 }],
      refundFen: 29_900,
      refundMethod: 'original_channel',
      reasonCode: 'quality',
      packagingIntact: true,
      accessoriesComplete: true,
      qualityProblem: true,
      deductCommission: false,
    });

    await page.getByRole('navigation').getByRole('button', { name: '个人信息请求' }).click();
    await page.getByRole('heading', { name: '个人信息请求' }).waitFor();

    await page.locator('#personPhone').fill('电话号码');
    await page.getByRole('button', { name: /^查\s?询$/ }).click();
    await page.locator('#personPhone-help').waitFor();
    expect(await page.locator('#personPhone-help').innerText()).toContain('电话号码格式不正确');
    expect(await page.locator('#personPhone').inputValue()).toBe('电话号码');
    await shot(page, 'pii-request-refused');

    await page.locator('#personPhone').fill('+86 139 5555 6666');
    await page.getByRole('button', { name: /^查\s?询$/ }).click();
    await page.getByTestId('person-summary').waitFor();
    expect(await page.getByTestId('person-summary').innerText()).toContain('个案 1 件,退换货单 1 张');
    expect(await page.getByTestId('person-cases').innerText()).toContain(mine.number);
    expect(await page.getByTestId('person-cases').innerText()).not.toContain('周先生');
    expect(await page.getByTestId('person-slips').innerText()).toContain(slip.number);
    expect(await axeProblems(page)).toEqual([]);
    await shot(page, 'pii-request-found');

    await page.getByRole('button', { name: '导出 PDF 和 JSON' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /^导\s?出$/ }).click();
    await page.locator('#personExportReason-help').waitFor();
    expect(await page.locator('#personExportReason-help').innerText()).toContain('请填写导出原因');
    await page.locator('#personExportReason').fill('顾客本人到店书面申请复制');
    await shot(page, 'pii-request-reason');
    await dialog.getByRole('button', { name: /^导\s?出$/ }).click();
    await dialog.getByTestId('person-pdf').waitFor();
    await dialog.locator('.pdf-frame canvas, .pdf-frame img').first().waitFor({ timeout: 30_000 });
    expect(await dialog.getByTestId('person-pdf').getAttribute('download')).toMatch(
      /^个人信息查询结果-6666-\d{8}\.pdf$/,
    );
    expect(await dialog.getByTestId('person-json').getAttribute('download')).toMatch(/\.json$/);
    // The JSON link's bytes are the documented shape.
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('person-json').click()]);
    expect(download.suggestedFilename()).toMatch(/^个人信息查询结果-6666-\d{8}\.json$/);
    const json = readFileSync(await download.path(), 'utf8');
    const data = JSON.parse(json) as { format: string; phone: string; cases: { number: string }[] };
    expect(data.format).toBe('branch-desk.person-data/1');
    expect(data.phone).toBe('13955556666');
    expect(data.cases.map((c) => c.number)).toEqual([mine.number]);
    await shot(page, 'pii-request-export');
    await dialog
      .getByRole('button', { name: /返\s?回|关\s?闭|Close/ })
      .first()
      .click();

    // The deletion request: grounds and the confirmation asked first; an open case or slip refused, named.
    await page.getByRole('button', { name: '提前匿名化' }).click();
    const erase = page.getByRole('dialog', { name: '按本人删除请求提前匿名化' });
    await erase.getByRole('button', { name: /^匿\s?名\s?化$/ }).click();
    await page.locator('#personAnonymiseReason-help').waitFor();
    expect(await page.locator('#personAnonymiseCheck-help').innerText()).toContain('请先勾选确认');
    await page.locator('#personAnonymiseReason').fill('顾客本人书面申请删除,已核对身份');
    await page.locator('#personAnonymiseCheck').check();
    await erase.getByRole('button', { name: /^匿\s?名\s?化$/ }).click();
    await erase.getByRole('alert').waitFor();
    expect(await erase.getByRole('alert').innerText()).toContain(mine.number);
    expect(await page.locator('#personAnonymiseReason').inputValue()).toBe('顾客本人书面申请删除,已核对身份');
    await shot(page, 'pii-request-anonymise-refused');

    await erase.getByRole('button', { name: /^取\s?消$/ }).click();
    await erase.waitFor({ state: 'hidden' });

    // Closed (not accepted; the slip voided), her data goes now; the case and its number stay.
    await api(page, 'cases.decline', {
      caseId: mine.id,
      declineReason: 'not_this_branch',
      declineText: '顾客要求已由厂家处理。',
      referTo: '生产厂家客服',
    });
    if (slip.status === 'pending_approval') await api(page, 'slips.void', { slipId: slip.id, reason: '顾客撤回' });
    // She comes back once they are closed: the screen afresh, the phone typed again.
    await page.reload();
    await page.getByRole('navigation').getByRole('button', { name: '个人信息请求' }).click();
    await page.locator('#personPhone').fill('+86 139 5555 6666');
    await page.getByRole('button', { name: /^查\s?询$/ }).click();
    await page.getByRole('button', { name: '提前匿名化' }).click();
    const again = page.getByRole('dialog', { name: '按本人删除请求提前匿名化' });
    await again.locator('#personAnonymiseReason').fill('顾客本人书面申请删除,已核对身份');
    await again.locator('#personAnonymiseCheck').check();
    await again.getByRole('button', { name: /^匿\s?名\s?化$/ }).click();
    await page.getByRole('status').filter({ hasText: '已匿名化' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: '已匿名化' }).innerText()).toContain('个案 1 件');
    await page.getByTestId('person-summary').filter({ hasText: '本店没有该号码的任何记录' }).waitFor();
    const after = await api(page, 'cases.get', { caseId: mine.id });
    expect(after.number).toBe(mine.number);
    expect(after.customerName ?? '').not.toContain('林晓');
    await shot(page, 'pii-request-anonymised');
  });

  it('a clerk has no menu entry and the channel refuses her', async () => {
    const page = await h.newPage();
    await signIn(page, h.url, 'C001');
    expect(await page.getByRole('navigation').getByRole('button', { name: '个人信息请求' }).count()).toBe(0);
    await expect(api(page, 'personalData.find', { phone: '13955556666' })).rejects.toThrow(/FORBIDDEN/);
  });
});
