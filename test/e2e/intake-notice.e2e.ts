// The intake notice in a real browser (issue 18 §3): as the clerk types the phone, the name and the
// receipt number in other spellings, earlier cases and slips appear, each saying why it matched.
// Screenshot: docs/screenshots/intake-notice.png.
import { describe, expect, it } from 'vitest';
import { api, type Harness, shot, signIn, useHarness } from './harness';

let h: Harness;
useHarness((started) => (h = started));

describe('the intake notice end to end', () => {
  it('updates as phone, name and receipt are typed, naming why each case or slip matched', async () => {
    const page = await h.newPage();
    await signIn(page, h.url, 'C001');
    const unit = (await api(page, 'units.list', {}))[0]!;
    const earlier = await api(page, 'cases.create', {
      channel: 'in_store',
      customer: { name: '钱女士', phone: '13911112222' },
      content: '电饭煲不加热,要求退货。',
      categoryCode: 'product_quality',
      purchase: { items: [{ name: '电饭煲' }], receiptNo: 'R20261130-0101' },
    });
    const sameName = await api(page, 'cases.create', {
      channel: 'in_store',
      customer: { name: '周先生', phone: '13722223333' },
      content: '毛巾掉色。',
      categoryCode: 'product_quality',
    });
    const slip = await api(page, 'slips.create', {
      type: 'return',
      customer: { name: '钱女士', phone: '13911112222' },
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
    await page.goto(`${h.url}#/intake/in_store`);
    const notice = page.getByTestId('repeat-notice');
    const line = (n: string) => notice.getByTestId('intake-match').filter({ hasText: n });

    await page.locator('#phone').fill('+86 139-1111-2222');
    await line(earlier.number).waitFor();
    expect(await line(earlier.number).innerText()).toContain('相同:电话');
    expect(await line(slip.number).innerText()).toContain('相同:电话');

    await page.locator('#name').fill('周先生');
    await line(sameName.number).waitFor();
    expect(await line(sameName.number).innerText()).toContain('仅姓名相同');

    await page.locator('#receiptNo').fill('ｒ２０２６１１３０ １０１');
    await notice.getByText('相同:电话、小票号').first().waitFor();
    expect(await line(earlier.number).innerText()).toContain('相同:电话、小票号');
    expect(await line(slip.number).innerText()).toContain('相同:电话、小票号');
    expect(await line(earlier.number).getByRole('link').getAttribute('href')).toBe(`#/case/${earlier.id}`);
    expect(await line(slip.number).getByRole('link').getAttribute('href')).toBe(`#/slip/${slip.id}`);
    await shot(page, 'intake-notice');
  });
});
