import { afterEach, describe, expect, it } from 'vitest';
import { recordFinding } from '../../src-main/services/case-details';
import { intakeCheck } from '../../src-main/services/case-intake';
import { forwardCase } from '../../src-main/services/case-workflow';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());
const DAY = 86_400_000;

function unfounded(st: TestStore, phone: string, name = '钱七') {
  const c = phoneCase(st, { customer: { name, phone } });
  forwardCase(st.ctx, st.users.secretary, { caseId: c.id, handlingUnitId: st.units.shoes });
  recordFinding(st.ctx, st.users.secretary, { caseId: c.id, cause: 'customer', finding: 'unfounded' });
  return c;
}

describe('repeat complainants at intake (SPEC §9)', () => {
  it('flags 3 unfounded findings within a rolling 12 months, matched by normalised phone', () => {
    s = openTestStore({ at: Date.parse('2025-10-01T10:00:00+08:00') });
    unfounded(s, '13500135000'); // will be older than 12 months
    s.clock.t = Date.parse('2026-03-01T10:00:00+08:00');
    unfounded(s, '135 0013 5000');
    s.clock.t += 30 * DAY;
    unfounded(s, '+86 13500135000');
    s.clock.t = Date.parse('2026-11-24T10:00:00+08:00');
    const two = intakeCheck(s.ctx, s.users.clerk, { phone: '135-0013-5000' });
    expect(two.unfoundedLast12Months).toBe(2);
    expect(two.flagged).toBe(false);
    unfounded(s, '13500135000');
    const three = intakeCheck(s.ctx, s.users.clerk, { phone: '0086 135 0013 5000' });
    expect(three).toMatchObject({ unfoundedLast12Months: 3, flagged: true });
    // The complaint is still registered: the flag only informs.
    expect(phoneCase(s, { customer: { name: '钱七', phone: '13500135000' } }).status).toBe('registered');
  });

  it('matches by name when there is no phone, and shows other open cases about the same purchase', () => {
    s = openTestStore();
    const first = phoneCase(s, {
      channel: 'in_store',
      customer: { name: '冯女士' },
      purchase: { items: [{ name: '电饭煲' }], receiptNo: 'R-778' },
    });
    const other = phoneCase(s, {
      channel: 'in_store',
      customer: { name: '冯女士' },
      purchase: { items: [{ name: '毛巾' }], receiptNo: 'R-901' },
    });
    const check = intakeCheck(s.ctx, s.users.clerk, { name: '冯女士', receiptNo: 'R-778' });
    expect(check.openCases.map((c) => [c.id, c.samePurchase])).toEqual(
      expect.arrayContaining([
        [first.id, true],
        [other.id, false],
      ]),
    );
    expect(intakeCheck(s.ctx, s.users.clerk, { name: '陌生人' })).toEqual({
      customerIds: [],
      unfoundedLast12Months: 0,
      flagged: false,
      openCases: [],
      // Before any sync head office has said nothing of other branches.
      otherBranches: null,
    });
  });

  it('refuses a malformed phone with a message naming the field', () => {
    s = openTestStore();
    expect(() => intakeCheck(s.ctx, s.users.clerk, { phone: '12ab' })).toThrow(/Phone is not a valid phone number/);
  });
});
