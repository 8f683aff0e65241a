// The intake notice's matches (issue 18 §3) on a real store: by phone, name and receipt number in any
// spelling, cases and slips, each with its reasons, and only what the asking user may see.
import { afterEach, describe, expect, it } from 'vitest';
import { intakeMatches } from '../../src-main/services/intake-matches';
import { createSlip } from '../../src-main/services/slips';
import { returnInput } from '../helpers/slips';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const reasonsOf = (r: { matches: { number: string; reasons: string[] }[] }) =>
  Object.fromEntries(r.matches.map((m) => [m.number, m.reasons]));

/** A case of 张三 (138 0013 8000, receipt R20261120-0042, shoes), a case of 冯女士 and a slip of 张三 on R-1001. */
function seed(st: TestStore) {
  const zhang = phoneCase(st);
  st.clock.t += 60_000;
  const feng = phoneCase(st, {
    customer: { name: '冯女士', phone: '139 0000 1111' },
    complainedUnitId: st.units.food,
    purchase: { items: [{ name: '牛奶' }], receiptNo: 'R20261121-0007' },
  });
  st.clock.t += 60_000;
  const slip = createSlip(st.ctx, st.users.clerk, returnInput(st));
  return { zhang, feng, slip };
}

describe('intake matches (issue 18 §3)', () => {
  it('matches cases and slips by phone in any spelling, newest first, saying why', () => {
    s = openTestStore();
    const { zhang, feng, slip } = seed(s);
    for (const phone of ['13800138000', '+86 138-0013-8000', '0086 (138) 0013 8000', '１３８００１３８０００']) {
      const r = intakeMatches(s.ctx, s.users.clerk, { phone });
      expect(r.matches.map((m) => [m.kind, m.id, m.reasons])).toEqual([
        ['slip', slip.id, ['phone']],
        ['case', zhang.id, ['phone']],
      ]);
    }
    expect(intakeMatches(s.ctx, s.users.clerk, { phone: '13900001111' }).matches.map((m) => m.id)).toEqual([feng.id]);
    expect(intakeMatches(s.ctx, s.users.clerk, { phone: '13700000000' }).matches).toEqual([]);
  });

  it('matches the exact name alone (a weaker match) and never a part of it', () => {
    s = openTestStore();
    const { zhang, slip } = seed(s);
    const r = intakeMatches(s.ctx, s.users.clerk, { name: '张三' });
    expect(reasonsOf(r)).toEqual({ [slip.number]: ['name'], [zhang.number]: ['name'] });
    expect(r.matches.find((m) => m.kind === 'case')?.customerName).toBe('张三');
    expect(intakeMatches(s.ctx, s.users.clerk, { name: '张' }).matches).toEqual([]);
  });

  it('matches the receipt number however it is spelt: case, spaces, dashes, full width', () => {
    s = openTestStore();
    const { zhang, feng, slip } = seed(s);
    for (const receiptNo of ['R20261120-0042', 'r20261120 0042', 'R202611200042', 'Ｒ２０２６１１２０－００４２']) {
      expect(intakeMatches(s.ctx, s.users.clerk, { receiptNo }).matches.map((m) => m.id)).toEqual([zhang.id]);
    }
    expect(intakeMatches(s.ctx, s.users.clerk, { receiptNo: 'r-1001' }).matches.map((m) => m.id)).toEqual([slip.id]);
    expect(intakeMatches(s.ctx, s.users.clerk, { receiptNo: 'R20261121 7' }).matches.map((m) => m.id)).toEqual([
      feng.id,
    ]);
    expect(intakeMatches(s.ctx, s.users.clerk, { receiptNo: 'R20261120-0043' }).matches).toEqual([]);
  });

  it('lists every reason of a case matched on several fields, in the order phone, name, receipt', () => {
    s = openTestStore();
    const { zhang, slip } = seed(s);
    const r = intakeMatches(s.ctx, s.users.clerk, {
      phone: '138 0013 8000',
      name: '张三',
      receiptNo: 'r20261120-42',
    });
    expect(reasonsOf(r)).toEqual({ [slip.number]: ['phone', 'name'], [zhang.number]: ['phone', 'name', 'receipt'] });
  });

  it("shows unit staff only their own unit's cases and slips, unless the manager widens it", () => {
    s = openTestStore();
    const { zhang, feng, slip } = seed(s);
    const both = { phone: '13800138000', name: '冯女士' };
    // 孙食品 (food) sees 冯女士's food case, not 张三's shoes case or shoe slip.
    const food = intakeMatches(s.ctx, s.users.otherStaff, both);
    expect(food.matches.map((m) => m.id)).toEqual([feng.id]);
    expect(JSON.stringify(food)).not.toContain('张三');
    expect(intakeMatches(s.ctx, s.users.staff, both).matches.map((m) => m.id)).toEqual([slip.id, zhang.id]);
    s.settings.unitStaffSeeAllUnits = true;
    expect(intakeMatches(s.ctx, s.users.otherStaff, both).matches.map((m) => m.id)).toEqual([
      slip.id,
      feng.id,
      zhang.id,
    ]);
  });

  it('tells only roles that may read anonymous cases that one matches', () => {
    s = openTestStore();
    // An anonymous complaint has no name or phone, but may name the receipt.
    const anon = phoneCase(s, { anonymous: true, customer: {} });
    expect(intakeMatches(s.ctx, s.users.clerk, { receiptNo: 'R20261120-0042' }).matches).toEqual([]);
    const seen = intakeMatches(s.ctx, s.users.secretary, { receiptNo: 'R20261120-0042' }).matches;
    expect(seen.map((m) => [m.id, m.customerName])).toEqual([[anon.id, null]]);
  });

  it('refuses a malformed phone or an over-long name naming the field; nothing typed matches nothing', () => {
    s = openTestStore();
    expect(() => intakeMatches(s.ctx, s.users.clerk, { phone: '12ab' })).toThrow(/Phone is not a valid phone number/);
    expect(() => intakeMatches(s.ctx, s.users.clerk, { name: 'x'.repeat(51) })).toThrow(/name/i);
    expect(intakeMatches(s.ctx, s.users.clerk, {})).toEqual({ matches: [] });
  });
});
