// 纠正预防措施 in a real browser (issue 18 §1): on a founded case the secretary sets an action for 刘喆 (U001)
// with a due date; she marks it done from the case screen; the duty supervisor sends it back with a reason;
// she does it again; the manager confirms the effect. A past due date is refused on its field, the text kept.
// The home screen's queue lists it (overdue marked) and the manager's per-staff view counts it.
// Screenshots: docs/screenshots/capa-*.png.
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, axeProblems, choose, type Harness, shot, signIn, useHarness } from './harness';

let h: Harness;
useHarness((started) => (h = started));

const today = () => DateTime.now().setZone('Asia/Shanghai');

async function noteDialog(page: Page, button: string, text: string) {
  await page.locator(`[data-capa] button`).filter({ hasText: button }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('#capa-note').fill(text);
  return dialog;
}

describe('纠正预防措施 end to end', () => {
  it('is set, done, sent back, done again and confirmed', async () => {
    const secretary = await h.newPage();
    await signIn(secretary, h.url, 'S001');
    const shoes = (await api(secretary, 'units.list', {})).find((u) => u.code === 'SHOES')?.id ?? '';
    const c = await api(secretary, 'cases.create', {
      channel: 'phone',
      customer: { name: '钱女士', phone: '13911114444' },
      content: '鞋部营业员态度生硬,拒绝为我试穿。',
      categoryCode: 'service_attitude',
      complainedUnitId: shoes,
      complainedStaffName: '刘喆',
      complainedStaffNo: 'U001',
    });
    await api(secretary, 'cases.forward', { caseId: c.id, handlingUnitId: shoes });
    await secretary.goto(`${h.url}#/case/${c.id}`);
    await secretary.locator('[data-group="correctiveActions"]').waitFor();
    // Before the finding: the button is blocked with why.
    expect(await secretary.locator('[data-group="correctiveActions"] [data-capa-blocked]').innerText()).toBe(
      '调查结论为属实或部分属实后才能制定纠正预防措施',
    );
    await api(secretary, 'cases.finding', { caseId: c.id, cause: 'staff', finding: 'founded' });
    await secretary.reload();
    const group = secretary.locator('[data-group="correctiveActions"]');
    await group.getByRole('button', { name: '制定纠正预防措施' }).click();
    const dialog = secretary.getByRole('dialog');
    await choose(secretary, 'capa-responsible', '刘喆(被投诉单位人员)');
    await dialog.locator('#capa-action').fill('鞋部组织服务规范培训,刘喆当面向顾客致歉');
    const yesterday = today().minus({ days: 1 }).toISODate() ?? '';
    await dialog.locator('#capa-due').fill(yesterday);
    await dialog.locator('#capa-due').press('Enter');
    await dialog.getByRole('button', { name: '确 定' }).click();
    await expect
      .poll(async () => dialog.locator('.ant-form-item-explain-error').innerText())
      .toBe('完成期限:不能早于今天');
    expect(await dialog.locator('#capa-action').inputValue()).toBe('鞋部组织服务规范培训,刘喆当面向顾客致歉');
    await shot(secretary, 'capa-refused');
    const due = today().plus({ days: 3 }).toISODate() ?? '';
    await dialog.locator('#capa-due').fill(due);
    await dialog.locator('#capa-due').press('Enter');
    await shot(secretary, 'capa-create');
    await dialog.getByRole('button', { name: '确 定' }).click();
    await group.locator('[data-capa-state="open"]').waitFor();
    expect(await group.innerText()).toContain(`期限 ${due}`);

    const liu = await h.newPage();
    await signIn(liu, h.url, 'U001');
    await liu.goto(`${h.url}#/?queue=capa`);
    await liu.locator('#capa-queue-title').waitFor();
    await expect.poll(async () => liu.locator('.ant-table-row').count()).toBe(1);
    await shot(liu, 'capa-queue');
    expect(await axeProblems(liu)).toEqual([]);
    await liu.goto(`${h.url}#/case/${c.id}`);
    await (await noteDialog(liu, '登记完成', '已组织鞋部 6 人培训')).getByRole('button', { name: '确 定' }).click();
    await liu.locator('[data-capa-state="done"]').waitFor();

    const supervisor = await h.newPage();
    await signIn(supervisor, h.url, 'D001');
    await supervisor.goto(`${h.url}#/case/${c.id}`);
    await supervisor.locator('[data-capa-state="done"]').waitFor();
    const back = await noteDialog(supervisor, '退 回', '顾客回访反映致歉未落实');
    await back.getByRole('button', { name: '确 定' }).click();
    await supervisor.locator('[data-capa-state="open"] [data-capa-returned]').waitFor();
    await shot(supervisor, 'capa-sent-back');

    await liu.reload();
    await (
      await noteDialog(liu, '登记完成', '已电话向顾客致歉,顾客接受')
    )
      .getByRole('button', { name: '确 定' })
      .click();
    await liu.locator('[data-capa-state="done"]').waitFor();

    const manager = await h.newPage();
    await signIn(manager, h.url, 'M001');
    await manager.goto(`${h.url}#/case/${c.id}`);
    const ok = await noteDialog(manager, '效果确认', '回访顾客满意,鞋部抽查服务规范达标');
    await ok.getByRole('button', { name: '确 定' }).click();
    await manager.locator('[data-capa-state="confirmed"]').waitFor();
    const text = await manager.locator('[data-group="correctiveActions"]').innerText();
    for (const want of [
      '效果已确认',
      '退回(1 次):顾客回访反映致歉未落实',
      '完成:已电话向顾客致歉',
      '确认效果:回访顾客满意',
    ])
      expect(text).toContain(want);
    await manager.locator('[data-group="correctiveActions"]').scrollIntoViewIfNeeded();
    await shot(manager, 'capa-confirmed');
    expect(await axeProblems(manager)).toEqual([]);

    await manager.goto(`${h.url}#/reports`);
    const accounts = manager.getByTestId('capa-accounts');
    await accounts.getByRole('button', { name: '查 询' }).click();
    await accounts.locator('.ant-table-row').first().waitFor();
    expect(await accounts.innerText()).toMatch(/员工\s*刘喆\s*U001/);
    await accounts.scrollIntoViewIfNeeded();
    await shot(manager, 'capa-accounts');
    expect(await axeProblems(manager)).toEqual([]);
  });
});
