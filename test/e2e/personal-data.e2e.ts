// Personal data in a real browser (issue 20 §1): a clerk's case screen shows the customer's phone and
// other contact masked with no way to reveal them; a supervisor reveals them with a reason (显示完整信息);
// the manager reads that reveal on 个人信息访问记录 and sees the setting of who may reveal.
// Screenshots: docs/screenshots/pii-clerk-masked.png, pii-reveal-reason.png, pii-revealed.png,
// pii-access-log.png, pii-settings.png.
import { describe, expect, it } from 'vitest';
import { api, type Harness, shot, signIn, useHarness, openManagerScreen } from './harness';

let h: Harness;
useHarness((started) => (h = started));

describe('personal data end to end', () => {
  it('masks for the clerk, reveals for the supervisor with a reason, logs it for the manager', async () => {
    const clerk = await h.newPage();
    await signIn(clerk, h.url, 'C001');
    const c = await api(clerk, 'cases.create', {
      channel: 'phone',
      customer: { name: '孙女士', phone: '13911117777', otherContact: 'sun_wechat77' },
      content: '买的电水壶用了一周就不加热了,要求换货。',
      categoryCode: 'product_quality',
    });
    expect(c.customerPhone).toBe('139****7777');
    await clerk.goto(`${h.url}#/case/${c.id}`);
    await clerk.locator('[data-testid="status"]').waitFor();
    const phone = clerk.locator('[data-testid="customer-phone"]');
    await phone.scrollIntoViewIfNeeded();
    expect(await phone.innerText()).toContain('139****7777');
    expect(await clerk.locator('[data-testid="pii-reveal"]').count()).toBe(0);
    expect(await clerk.content()).not.toContain('13911117777');
    await shot(clerk, 'pii-clerk-masked');

    const sup = await h.newPage();
    await signIn(sup, h.url, 'D001');
    await sup.goto(`${h.url}#/case/${c.id}`);
    await sup.locator('[data-testid="status"]').waitFor();
    await sup.locator('[data-testid="pii-reveal"]').scrollIntoViewIfNeeded();
    await sup.locator('[data-testid="pii-reveal"]').click();
    const dialog = sup.getByRole('dialog');
    await dialog.waitFor();
    // Without a reason: refused on the form, nothing revealed.
    await dialog
      .getByRole('button', { name: '显 示' })
      .or(dialog.getByRole('button', { name: '显示' }))
      .click();
    await expect.poll(() => dialog.innerText()).toContain('请填写查看理由');
    await sup.locator('#piiRevealReason').fill('顾客来电要求回访,核对号码');
    await shot(sup, 'pii-reveal-reason');
    await dialog
      .getByRole('button', { name: '显 示' })
      .or(dialog.getByRole('button', { name: '显示' }))
      .click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => sup.locator('[data-testid="customer-phone"]').innerText()).toContain('13911117777');
    expect(await sup.locator('[data-group="customer"]').innerText()).toContain('sun_wechat77');
    await sup.locator('[data-testid="pii-revealed"]').scrollIntoViewIfNeeded();
    await shot(sup, 'pii-revealed');

    const manager = await h.newPage();
    await signIn(manager, h.url, 'M001');
    await openManagerScreen(manager, '个人信息访问记录');
    const table = manager.locator('[data-testid="access-log"]');
    await expect.poll(() => table.innerText()).toContain('顾客来电要求回访,核对号码');
    const text = await table.innerText();
    expect(text).toContain('查看');
    expect(text).toContain('电话');
    expect(text).toContain('D001');
    expect(text).not.toContain('13911117777');
    await shot(manager, 'pii-access-log');

    await manager.goto(`${h.url}#/settings`);
    const roles = manager.locator('#personalDataRoles');
    await roles.scrollIntoViewIfNeeded().catch(() => undefined);
    await manager.getByText('可查看完整联系方式的角色').scrollIntoViewIfNeeded();
    await shot(manager, 'pii-settings');
  });
});
