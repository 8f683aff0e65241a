// 回避 in a real browser (issue 18 §5): the clerk names the staff complained about at intake, the case
// screen shows her, and when she opens the case herself 记录处理结果 is blocked with the reason.
// Screenshots: docs/screenshots/intake-complained-staff.png and case-recused.png.
import { describe, expect, it } from 'vitest';
import { api, choose, type Harness, shot, signIn, useHarness } from './harness';

let h: Harness;
useHarness((started) => (h = started));

describe('回避 end to end', () => {
  it('records the staff complained about at intake and blocks her from resolving the case, saying why', async () => {
    const clerk = await h.newPage();
    await signIn(clerk, h.url, 'C001');
    await clerk.goto(`${h.url}#/intake/phone`);
    await clerk.locator('#name').fill('钱女士');
    await clerk.locator('#phone').fill('13911113333');
    await clerk.locator('#content').fill('鞋部营业员态度恶劣,拒绝为我试穿。');
    await choose(clerk, 'category', '服务态度');
    await choose(clerk, 'complainedUnit', '鞋部');
    await clerk.locator('#complainedStaff').fill('刘喆');
    await clerk.locator('#complainedStaffNo').fill('U001');
    await clerk.locator('#complainedStaffNo').scrollIntoViewIfNeeded();
    await shot(clerk, 'intake-complained-staff');
    await clerk.locator('form button[type=submit]').click();
    await clerk.locator('[data-testid="status"]').waitFor();
    expect(await clerk.locator('[data-group="acceptance"]').innerText()).toMatch(/被投诉员工\s*刘喆 工号 U001/);
    const caseId = clerk.url().split('/case/')[1] ?? '';

    const secretary = await h.newPage();
    await signIn(secretary, h.url, 'S001');
    const shoes = (await api(secretary, 'units.list', {})).find((u) => u.code === 'SHOES')?.id ?? '';
    await api(secretary, 'cases.forward', { caseId, handlingUnitId: shoes });

    const liu = await h.newPage();
    await signIn(liu, h.url, 'U001');
    await liu.goto(`${h.url}#/case/${caseId}`);
    await liu.locator('[data-testid="status"]').waitFor();
    expect(await liu.locator('[data-blocked-reason="resolve"]').innerText()).toBe('您是本案被投诉的员工,须回避');
    expect(await liu.locator('[data-blocked="resolve"]').isDisabled()).toBe(true);
    await liu.locator('[data-blocked="resolve"]').scrollIntoViewIfNeeded();
    await shot(liu, 'case-recused');
  });
});
