// Several purchased items with their quantities at intake: stored, read back, printed on the
// record form, prefilling a slip opened from the case; a bad quantity is refused and changes
// nothing; a record written before quantities existed reads as one of each. And the branch's
// maximum per amount field also holds for a slip's prices and refund.
import { afterEach, describe, expect, it } from 'vitest';
import { getCase } from '../../src-main/services/case-read';
import { printCaseRecord } from '../../src-main/services/print';
import { createSlip } from '../../src-main/services/slips';
import { AppError } from '../../src-main/shared/errors';
import { slipFromCase } from '../../src-renderer/features/slips/case-prefill';
import { readPdf, squash } from '../helpers/pdf-text';
import { returnInput } from '../helpers/slips';
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

const twoItems = {
  purchase: {
    items: [
      { name: '电饭煲', code: '6901234567890', quantity: 2 },
      { name: '电水壶', quantity: 1 },
    ],
    receiptNo: 'R-88',
    purchaseDate: '2026-11-20',
    amountFen: 59_800,
  },
};

describe('purchased items with quantities', () => {
  it('stores several items with their quantities and shows them on the case and the record form', async () => {
    s = openTestStore();
    const c = phoneCase(s, twoItems);
    const view = getCase(s.ctx, s.users.secretary, { caseId: c.id });
    expect(view.purchaseItems).toEqual([
      { name: '电饭煲', code: '6901234567890', quantity: 2 },
      { name: '电水壶', quantity: 1 },
    ]);
    const text = squash(
      (await readPdf(await printCaseRecord(s.ctx, s.users.secretary, c.id))).map((p) => p.text).join(''),
    );
    expect(text).toContain('电饭煲×2、电水壶×1');
  });

  it('counts an item without a quantity as one', () => {
    s = openTestStore();
    expect(phoneCase(s).purchaseItems).toEqual([{ name: '男士皮鞋', code: '6901234567890', quantity: 1 }]);
  });

  it('reads a case stored before quantities existed as one of each', () => {
    s = openTestStore();
    const c = phoneCase(s);
    // The JSON an older version wrote, exactly as it wrote it (no quantity key).
    s.db.prepare('UPDATE cases SET purchase_items = \'[{"name":"旧商品"}]\' WHERE id = ?').run(c.id);
    expect(getCase(s.ctx, s.users.secretary, { caseId: c.id }).purchaseItems).toEqual([
      { name: '旧商品', quantity: 1 },
    ]);
  });

  it('refuses a quantity of 0, 1000 or 1.5 on the item’s own field, saying what is expected, and changes nothing', () => {
    s = openTestStore();
    const before = storeCounts(s.db);
    for (const quantity of [0, 1000, 1.5]) {
      const e = refusal(() =>
        phoneCase(s, { purchase: { items: [{ name: '电饭煲' }, { name: '电水壶', quantity }] } }),
      );
      expect(e.code).toBe('VALIDATION');
      expect(e.issues[0]).toEqual({
        field: 'purchase.items.1.quantity',
        message: { zh: '数量:请输入数量,1 至 999 的整数', en: 'Quantity Enter a whole quantity from 1 to 999' },
      });
    }
    expect(storeCounts(s.db)).toEqual(before);
  });

  it('prefills a slip opened from the case with every item and its quantity', () => {
    s = openTestStore();
    const view = getCase(s.ctx, s.users.secretary, { caseId: phoneCase(s, twoItems).id });
    const slip = slipFromCase(view);
    expect(slip.returnedLines.map((l) => [l.name, l.itemCode, l.quantity, l.unitPrice])).toEqual([
      ['电饭煲', '6901234567890', '2', ''],
      ['电水壶', '', '1', ''],
    ]);
  });
});

describe('the branch maximum per amount field on slips', () => {
  it('refuses a unit price or a refund above the maximum, naming each field, and changes nothing', () => {
    s = openTestStore({ settings: { maxAmountFen: 1_000_00 } });
    const before = storeCounts(s.db);
    const line = { itemCode: 'TV', name: '电视', quantity: 1, unitPriceFen: 1_000_01 };
    const e = refusal(() =>
      createSlip(s.ctx, s.users.supervisor, returnInput(s, { returnedLines: [line], refundFen: 1_000_01 })),
    );
    expect(e.code).toBe('VALIDATION');
    expect(e.issues.map((i) => i.field)).toEqual(['returnedLines.0.unitPriceFen', 'refundFen']);
    expect(e.messages.zh).toBe('金额不能超过 ¥1,000');
    expect(storeCounts(s.db)).toEqual(before);
    const ok = { ...line, unitPriceFen: 1_000_00 };
    expect(
      createSlip(s.ctx, s.users.supervisor, returnInput(s, { returnedLines: [ok], refundFen: 1_000_00 })).refundFen,
    ).toBe(1_000_00);
  });
});
