// cases.suggestMatches (issue 22 §1): open and recent cases likely of the same matter, ranked, with why —
// phone (however typed), name, receipt key, item key, similar content through the search index; never the
// case itself, a declined case, a merged duplicate, an old filed case, or what this user may not list.
import { afterEach, describe, expect, it } from 'vitest';
import { declineCase } from '../../src-main/services/case-acceptance';
import { createCase } from '../../src-main/services/case-intake';
import { linkCases, mergeCases } from '../../src-main/services/case-links';
import { suggestMatches } from '../../src-main/services/case-match-suggest';
import { fileCase, forwardCase, recordFeedback, resolveCase } from '../../src-main/services/case-workflow';
import { AppError } from '../../src-main/shared/errors';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());
const DAY = 86_400_000;

/** A case of someone else about something else: nothing in common with phoneCase's. */
const unrelated = (over: Parameters<typeof phoneCase>[1] = {}) =>
  phoneCase(s, {
    customer: { name: '赵六', phone: '13500135000' },
    content: '面包柜台的店员态度冷淡,找零时把硬币扔在台面上。',
    categoryCode: 'service_attitude',
    complainedUnitId: s.units.food,
    purchase: { items: [{ name: '全麦面包' }] },
    ...over,
  });

describe('cases.suggestMatches', () => {
  it('ranks the same customer and purchase first, says why, and finds similar content alone', () => {
    s = openTestStore();
    const base = phoneCase(s);
    // The same phone typed otherwise, the same receipt as typed at the counter, the same item code.
    const same = createCase(s.ctx, s.users.clerk, {
      channel: 'in_store',
      customer: { name: '张三', phone: '+86 138-0013-8000' },
      content: '上次电话说的开胶皮鞋,今天拿来了',
      categoryCode: 'product_quality',
      purchase: { items: [{ name: '皮鞋', code: '6901-2345-67890' }], receiptNo: 'r20261120 0042' },
    });
    const nameOnly = unrelated({ customer: { name: '张三', phone: '13700137000' } });
    const itemOnly = unrelated({ purchase: { items: [{ name: '男士皮鞋', code: '6901234567890' }] } });
    const contentOnly = unrelated({ content: '购买的皮鞋穿了两天就开胶了,想退货' });
    unrelated();
    const rows = suggestMatches(s.ctx, s.users.secretary, { caseId: base.id });
    expect(rows.map((r) => r.caseId)).toEqual([same.id, itemOnly.id, nameOnly.id, contentOnly.id]);
    expect(rows[0]).toMatchObject({
      number: same.number,
      status: 'registered',
      channel: 'in_store',
      sameMatter: false,
    });
    expect(rows[0]?.reasons).toEqual(['phone', 'name', 'receipt', 'item']);
    expect(rows[0]?.score).toBe(95);
    expect(rows.find((r) => r.caseId === nameOnly.id)?.reasons).toEqual(['name']);
    expect(rows.find((r) => r.caseId === itemOnly.id)?.reasons).toEqual(['item']);
    expect(rows.find((r) => r.caseId === contentOnly.id)?.reasons).toEqual(['content']);
    // At intake, from what the clerk typed so far.
    const typed = suggestMatches(s.ctx, s.users.clerk, { receiptNo: 'Ｒ２０２６１１２０－００４２' });
    expect(typed.map((r) => r.caseId).sort()).toEqual([base.id, same.id].sort());
    expect(typed.every((r) => r.reasons.join() === 'receipt')).toBe(true);
    const byText = suggestMatches(s.ctx, s.users.clerk, { content: '皮鞋开胶' });
    expect(byText.map((r) => r.caseId)).toContain(base.id);
  });

  it('leaves out the case itself, declined cases, merged duplicates, old filed cases; keeps old open ones; marks the same matter', () => {
    s = openTestStore();
    s.settings.signOff.phone = 'none';
    const oldFiled = phoneCase(s, { categoryCode: 'service_attitude' });
    forwardCase(s.ctx, s.users.secretary, { caseId: oldFiled.id, handlingUnitId: s.units.shoes });
    resolveCase(s.ctx, s.users.secretary, { caseId: oldFiled.id, type: 'explanation', summary: '已解释' });
    recordFeedback(s.ctx, s.users.secretary, { caseId: oldFiled.id, satisfaction: 'satisfied', disputed: false });
    fileCase(s.ctx, s.users.secretary, { caseId: oldFiled.id });
    const oldOpen = phoneCase(s);
    s.clock.t += 120 * DAY;
    const base = phoneCase(s);
    const declined = phoneCase(s);
    declineCase(s.ctx, s.users.secretary, {
      caseId: declined.id,
      declineReason: 'not_consumer_dispute',
      declineText: '不属于',
      referTo: '法院',
    });
    const dup = phoneCase(s);
    const primary = phoneCase(s);
    mergeCases(s.ctx, s.users.secretary, { duplicateId: dup.id, primaryId: primary.id, reason: '重复登记' });
    const linked = phoneCase(s);
    linkCases(s.ctx, s.users.secretary, { caseIds: [base.id, linked.id] });
    const rows = suggestMatches(s.ctx, s.users.secretary, { caseId: base.id });
    expect(rows.map((r) => r.caseId).sort()).toEqual([oldOpen.id, primary.id, linked.id].sort());
    expect(rows.find((r) => r.caseId === linked.id)).toMatchObject({ sameMatter: true });
    expect(rows.find((r) => r.caseId === primary.id)).toMatchObject({ sameMatter: false, matterId: null });
  });

  it('keeps to what the user may list: anonymous cases, unit staff of another unit; refuses empty input', () => {
    s = openTestStore();
    const base = phoneCase(s);
    const anon = phoneCase(s, { anonymous: true, customer: {} });
    expect(suggestMatches(s.ctx, s.users.secretary, { caseId: base.id }).map((r) => r.caseId)).toEqual([anon.id]);
    expect(suggestMatches(s.ctx, s.users.clerk, { caseId: base.id })).toEqual([]);
    const other = phoneCase(s);
    expect(suggestMatches(s.ctx, s.users.staff, { caseId: base.id }).map((r) => r.caseId)).toEqual([other.id]);
    expect(suggestMatches(s.ctx, s.users.otherStaff, { caseId: base.id })).toEqual([]);
    expect(() => suggestMatches(s.ctx, s.users.clerk, {})).toThrow(AppError);
    expect(() => suggestMatches(s.ctx, s.users.clerk, { phone: '   ' })).toThrow(AppError);
  });
});
