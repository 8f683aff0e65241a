// Product flags at the branch (issue 18 §2): an item with ≥ N complaints in M days (settings, default
// 3 in 30) is flagged with its cases; the customers who complained about it are listed for the
// 主动访谈 calls only to those who schedule follow-ups (an anonymous case's customer never to a clerk,
// a unit's staff see their own unit's cases); one action makes each call a follow-up task, and a
// case not yet ready for one is named with the reason. Through the handler map (dispatch).
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/handlers';
import { recordFinding } from '../../src-main/services/case-details';
import { forwardCase, recordFeedback, resolveCase } from '../../src-main/services/case-workflow';
import { flaggedItems } from '../../src-main/services/product-flags';
import { SettingsPatchSchema } from '../../src-main/shared/settings-schema';
import { openTestStore, phoneCase, storeCounts, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());
const DAY = 86_400_000;

const kettle = (over: Parameters<typeof phoneCase>[1] = {}) =>
  phoneCase(s, {
    purchase: {
      items: [{ name: '电热水壶', code: '6901-234567' }],
      receiptNo: 'R20261120-0042',
      purchaseDate: '2026-11-20',
      amountFen: 9900,
    },
    ...over,
  });

function fedBack(c: { id: string }) {
  const { secretary, staff } = s.users;
  forwardCase(s.ctx, secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
  resolveCase(s.ctx, staff, { caseId: c.id, type: 'refund', summary: '同意退货', amountFen: 9900 });
  recordFinding(s.ctx, secretary, { caseId: c.id, cause: 'product_or_service', finding: 'founded' });
  recordFeedback(s.ctx, secretary, { caseId: c.id, satisfaction: 'satisfied', disputed: false });
}

describe('product flags at the branch', () => {
  it('flags an item at 3 complaints in 30 days, by code (spaces, dashes, full width folded) else name; older cases do not count', async () => {
    s = openTestStore();
    kettle();
    s.clock.t += 31 * DAY;
    kettle({ customer: { name: '李四', phone: '139 0000 0001' } });
    expect(flaggedItems(s.ctx, s.users.secretary).items).toEqual([]);
    kettle({ purchase: { items: [{ name: '水壶', code: '６９０１２３４５６７' }] } });
    expect(flaggedItems(s.ctx, s.users.secretary).items).toEqual([]);
    s.clock.t += DAY;
    kettle({ customer: { name: '王五', phone: '139 0000 0002' } });
    const got = await dispatch(s.ctx, { user: s.users.clerk }, 'products.flags', {});
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.value).toMatchObject({ minCases: 3, days: 30 });
    expect(got.value.items.map((i) => [i.key, i.name, i.cases, i.caseList.length])).toEqual([
      ['code:6901234567', '电热水壶', 3, 3],
    ]);
    // The setting: 4 in 30 days flags nothing; 2 in 1 day counts the three of the last day (its start
    // included), and half a day later only one is left.
    s.settings.productFlagMinCases = 4;
    expect(flaggedItems(s.ctx, s.users.clerk).items).toEqual([]);
    s.settings.productFlagMinCases = 2;
    s.settings.productFlagDays = 1;
    expect(flaggedItems(s.ctx, s.users.clerk).items.map((i) => i.cases)).toEqual([3]);
    s.clock.t += DAY / 2;
    expect(flaggedItems(s.ctx, s.users.clerk).items).toEqual([]);
  });

  it('counts every case but lists to unit staff only their own unit’s cases', () => {
    s = openTestStore();
    for (let i = 0; i < 3; i++) kettle({ complainedUnitId: i === 0 ? s.units.shoes : s.units.food });
    const [item] = flaggedItems(s.ctx, s.users.staff).items;
    expect(item?.cases).toBe(3);
    expect(item?.caseList).toHaveLength(1);
  });

  it('lists the complainants once each, for those who schedule follow-ups; one action schedules the calls', async () => {
    s = openTestStore();
    const a = kettle();
    s.clock.t += 60_000;
    // 张三 again, later: his newest case is not resolved, so his call goes on the older one.
    kettle();
    const b = kettle({ customer: { name: '李四', phone: '139 0000 0001' } });
    const anon = kettle({ anonymous: true, customer: {} });
    fedBack(a);
    const ask = (user = s.users.secretary, itemKey = 'code:6901234567') =>
      dispatch(s.ctx, { user }, 'products.complainants', { itemKey });
    const list = await ask();
    const people = list.ok ? list.value.map((c) => [c.customerName, c.customerPhone]) : [];
    // The anonymous complainant cannot be called: not listed. Phones masked (issue 20): the calls
    // are made through the follow-ups scheduled below, whose assignee sees the phone.
    expect(people).toEqual([
      ['张三', '138****8000'],
      ['李四', '139****0001'],
    ]);
    expect(list.ok && list.value.map((c) => c.caseId)).not.toContain(anon.id);

    const clerk = await ask(s.users.clerk);
    expect(clerk.ok).toBe(false);
    if (!clerk.ok) expect(clerk.error.message.en).toContain('call list');
    const notFlagged = await ask(s.users.secretary, 'name:沙发');
    expect(notFlagged.ok).toBe(false);
    if (!notFlagged.ok) expect(notFlagged.error.issues?.[0]?.field).toBe('itemKey');

    const before = storeCounts(s.db);
    const badDate = await dispatch(s.ctx, { user: s.users.secretary }, 'products.scheduleCalls', {
      itemKey: 'code:6901234567',
      dueDate: '2026-11-01',
    });
    expect(badDate.ok).toBe(false);
    if (!badDate.ok) expect(badDate.error.issues?.[0]?.field).toBe('dueDate');
    const noDate = await dispatch(s.ctx, { user: s.users.secretary }, 'products.scheduleCalls', {
      itemKey: 'code:6901234567',
    });
    expect(noDate.ok).toBe(false);
    expect(storeCounts(s.db)).toEqual(before);

    const done = await dispatch(s.ctx, { user: s.users.secretary }, 'products.scheduleCalls', {
      itemKey: 'code:6901234567',
      dueDate: '2026-11-27',
    });
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect(done.value.scheduled.map((x) => x.caseId)).toEqual([a.id]);
    expect(done.value.skipped.map((x) => x.caseId)).toEqual([b.id]);
    expect(done.value.skipped[0]?.reason.en).toContain('follow up');
    const note = s.db.prepare('SELECT note FROM follow_ups WHERE case_id = ?').get(a.id) as { note: string };
    expect(note.note).toBe('主动访谈:电热水壶 · Proactive call: 电热水壶');
  });

  it('settings: N and M validated like the other fields', () => {
    for (const bad of [
      { productFlagMinCases: 1 },
      { productFlagMinCases: 2.5 },
      { productFlagDays: 0 },
      { productFlagDays: 400 },
    ]) {
      const r = SettingsPatchSchema.safeParse(bad);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(Object.keys(bad));
    }
    expect(SettingsPatchSchema.safeParse({ productFlagMinCases: 5, productFlagDays: 7 }).success).toBe(true);
  });
});
