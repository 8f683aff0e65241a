// Cases of one matter in Chromium (issue 22): the same customer calls, then complains to 12315 who forwards it.
// At intake the notice 可能是同一事项 names the phone case with why; on the phone case the section 同一事项 suggests
// the 12315 case, the secretary links them, then merges the 12315 case into the phone case (the dialog says
// what moves); the primary keeps the 12315 deadline visible and shows the duplicate's note marked 来自; the
// duplicate says 已合并至 …; the month's summary counts cases and matters apart.
// Screenshots: docs/screenshots/links-intake.png, -case.png, -link-dialog.png, -merge-dialog.png, -primary.png,
// -primary-from.png, -duplicate.png, -summary.png.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { api, type Harness, shot, signIn, useHarness } from './harness';

let h: Harness;
useHarness((started) => (h = started));

describe('a phone case and a 12315 case of one customer', () => {
  it('are suggested, linked and merged; the 12315 deadline stays visible on the primary', async () => {
    const page = await h.newPage();
    await signIn(page, h.url, 'S001');
    const phone = await api(page, 'cases.create', {
      channel: 'phone',
      customer: { name: '吴敏', phone: '13700137055' },
      content: '在本店买的电水壶用了三天就漏水,要求退货。',
      categoryCode: 'product_quality',
      purchase: { items: [{ name: '电水壶', code: '6901234500777' }], receiptNo: 'R20261128-0313' },
    });
    await api(page, 'cases.addNote', { caseId: phone.id, text: '已请顾客把电水壶带来门店检测。' });
    const gov = await api(page, 'cases.create', {
      channel: 'government',
      government: { body: '12315', bodyName: '浦东新区市场监管局', referenceNo: 'PD12315-2026-0777' },
      customer: { name: '吴敏', phone: '13700137055' },
      content: '顾客经 12315 投诉:电水壶漏水,门店未及时处理,要求退货。',
      categoryCode: 'product_quality',
      purchase: { items: [{ name: '电水壶', code: '6901234500777' }], receiptNo: 'R20261128-0313' },
    });
    await api(page, 'cases.addNote', { caseId: gov.id, text: '12315 周科员来电,要求五个工作日内书面答复。' });
    const govDue = gov.dueAt ?? 0;
    expect(govDue).toBeGreaterThan(0);

    // Intake: the phone typed again names both cases, each with why.
    await page.goto(`${h.url}#/intake/phone`);
    await page.locator('#phone').fill('137 0013 7055');
    const notice = page.getByTestId('matter-notice');
    await notice.getByTestId('matter-suggestion').filter({ hasText: gov.number }).waitFor();
    expect(await notice.getByTestId('matter-suggestion').filter({ hasText: phone.number }).innerText()).toContain(
      '依据:电话',
    );
    await shot(page, 'links-intake');

    // The phone case: the 12315 case suggested with why; link it.
    await page.goto(`${h.url}#/case/${phone.id}`);
    const section = page.locator('[data-group="matter"]');
    const suggestion = section.getByTestId('matter-suggestion').filter({ hasText: gov.number });
    await suggestion.waitFor();
    expect(await suggestion.innerText()).toMatch(/依据:电话、姓名、小票号、商品/);
    await section.scrollIntoViewIfNeeded();
    await shot(page, 'links-case');
    await suggestion.getByRole('button', { name: /^关\s?联$/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#link-note').fill('同一电水壶:先来电,后经 12315 转办');
    await shot(page, 'links-link-dialog');
    await dialog.getByRole('button', { name: /确\s?定/ }).click();
    await dialog.waitFor({ state: 'detached' });
    const linked = section.getByTestId('linked-case');
    await linked.waitFor();
    expect(await linked.innerText()).toContain(gov.number);
    expect(await linked.innerText()).toContain('12315');

    // Merge the 12315 case into the phone case: the dialog says the 12315 deadline moves here.
    await section.locator('[data-link-action="merge"]').last().click();
    await dialog.getByRole('radio', { name: gov.number, exact: true }).check();
    await dialog.getByTestId('merge-moves-due').waitFor();
    expect(await dialog.getByTestId('merge-moves-due').innerText()).toContain('12315的处理期限');
    await dialog.locator('#merge-reason').fill('同一顾客同一电水壶,12315 转办的为重复登记');
    await shot(page, 'links-merge-dialog');
    await dialog.getByRole('button', { name: /确\s?定/ }).click();
    await dialog.waitFor({ state: 'detached' });

    // The primary: the 12315 deadline beside its own, and the duplicate's note marked 来自.
    const due = DateTime.fromMillis(govDue).setZone('Asia/Shanghai').toFormat('yyyy/MM/dd HH:mm');
    const carried = page.getByTestId('carried-deadline');
    await carried.waitFor();
    expect(await carried.innerText()).toContain(due);
    expect(await carried.innerText()).toContain(`来自 ${gov.number}`);
    await page.getByTestId('status').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await shot(page, 'links-primary');
    const from = page.getByTestId('merged-from');
    expect(await from.getByTestId('merged-from-due').innerText()).toContain(due);
    expect(await from.getByTestId('merged-note').innerText()).toContain('12315 周科员来电');
    await from.scrollIntoViewIfNeeded();
    await shot(page, 'links-primary-from');

    // The duplicate: 已合并至 the phone case, with the link back.
    await from.getByRole('link', { name: gov.number }).click();
    const banner = page.getByTestId('merged-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain(`已合并至${phone.number}`);
    expect(await page.getByTestId('status').innerText()).toBe('已建档');
    await page.getByTestId('status').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await shot(page, 'links-duplicate');

    // The month's summary: the cases apart, the matter once.
    await page.getByRole('button', { name: '汇总报表' }).click();
    await page.getByRole('heading', { name: '顾客异议处理汇总' }).waitFor();
    await page.locator('#report-month').fill(DateTime.now().setZone('Asia/Shanghai').toFormat('yyyy-LL'));
    await page.locator('#report-month').press('Enter');
    await page.getByRole('button', { name: '生成报表' }).click();
    const line = page.getByTestId('summary-matters');
    await line.waitFor({ timeout: 30_000 });
    const [, cases, matters] = /(\d+) 起个案,(\d+) 个事项/.exec(await line.innerText()) ?? [];
    expect(Number(cases) - Number(matters)).toBeGreaterThanOrEqual(1);
    await shot(page, 'links-summary');
  });
});
