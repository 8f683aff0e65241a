// The branch's maximum per amount field (settings.maxAmountFen) enforced by main at intake:
// an amount above it is refused with the amount field's words and changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/shared/errors';
import { openTestStore, phoneCase, storeCounts, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const purchase = (amountFen: number | string) => ({
  purchase: { items: [{ name: '男士皮鞋' }], receiptNo: 'R1', purchaseDate: '2026-11-20', amountFen },
});

describe('the maximum amount per field at intake', () => {
  it('refuses a purchase amount above the branch maximum, on the amount field, changing nothing', () => {
    s = openTestStore({ settings: { maxAmountFen: 500_00 } });
    const before = storeCounts(s.db);
    const e = refusal(() => phoneCase(s, purchase(500_01)));
    expect(e.code).toBe('VALIDATION');
    expect(e.issues).toEqual([
      {
        field: 'purchase.amountFen',
        message: { zh: '金额不能超过 ¥500', en: 'The amount may be at most ¥500' },
      },
    ]);
    expect(e.messages.zh).toBe('金额不能超过 ¥500');
    expect(storeCounts(s.db)).toEqual(before);
  });

  it('refuses a typed amount above the maximum too, and accepts the maximum itself', () => {
    s = openTestStore({ settings: { maxAmountFen: 500_00 } });
    expect(refusal(() => phoneCase(s, purchase('¥500.01'))).issues[0]?.field).toBe('purchase.amountFen');
    expect(phoneCase(s, purchase('５００')).purchaseAmountFen).toBe(500_00);
  });

  it('follows the setting live: the default ¥1,000,000 allows what a lowered limit refuses', () => {
    s = openTestStore();
    expect(phoneCase(s, purchase(2_000_00)).purchaseAmountFen).toBe(2_000_00);
    expect(refusal(() => phoneCase(s, purchase(1_000_000_01))).issues[0]?.message.zh).toBe('金额不能超过 ¥1,000,000');
    s.settings.maxAmountFen = 1_000_00;
    expect(refusal(() => phoneCase(s, purchase(2_000_00))).code).toBe('VALIDATION');
  });
});
