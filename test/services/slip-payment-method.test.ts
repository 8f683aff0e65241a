// 收款方式 (issue 17): the method by which a customer pays an exchange's difference is stored,
// read back, printed on every copy and sent to head office; it is required exactly when the
// customer pays, and a method that cannot take money in is refused, naming the field.
import { afterEach, describe, expect, it } from 'vitest';
import { loadSlip } from '../../src-main/db/repositories/slip-repo';
import { printSlip } from '../../src-main/services/print';
import { createSlip } from '../../src-main/services/slips';
import { AppError } from '../../src-main/shared/errors';
import type { SlipCreateInput } from '../../src-main/shared/schemas/slip';
import { SlipRecordSnapshot } from '../../src-main/sync/record-snapshots';
import { readPdf, squash } from '../helpers/pdf-text';
import { returnInput } from '../helpers/slips';
import { openTestStore, storeCounts, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

/** An exchange for a dearer pair: the customer pays ¥40.00. */
const customerPays = (st: TestStore, over: Partial<SlipCreateInput> = {}) =>
  returnInput(st, {
    type: 'exchange',
    refundFen: undefined,
    refundMethod: undefined,
    returnedLines: [{ itemCode: 'S42', name: '运动鞋', spec: '42码', quantity: 1, unitPriceFen: 29_900 }],
    issuedLines: [{ itemCode: 'S43', name: '运动鞋', spec: '43码', quantity: 1, unitPriceFen: 33_900 }],
    ...over,
  });

function refused(fn: () => unknown): AppError {
  const before = storeCounts(s.db);
  const slips = s.db.prepare('SELECT count(*) AS n FROM slips').get();
  try {
    fn();
  } catch (e) {
    expect(storeCounts(s.db)).toEqual(before);
    expect(s.db.prepare('SELECT count(*) AS n FROM slips').get()).toEqual(slips);
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('收款方式', () => {
  it('is stored, read back, printed on all three copies and carried in the sync snapshot', async () => {
    s = openTestStore();
    const slip = createSlip(s.ctx, s.users.clerk, customerPays(s, { paymentMethod: 'bank_card' }));
    expect(slip).toMatchObject({ differenceFen: 4_000, refundFen: 0, paymentMethod: 'bank_card' });
    expect(loadSlip(s.db, slip.id)!.paymentMethod).toBe('bank_card');
    expect(s.db.prepare('SELECT payment_method FROM slips WHERE id = ?').get(slip.id)).toEqual({
      payment_method: 'bank_card',
    });
    const pages = await readPdf(await printSlip(s.ctx, slip.id));
    expect(pages).toHaveLength(3);
    for (const p of pages) expect(squash(p.text)).toContain('顾客补差价¥40.00收款方式银行卡');
    const en = await readPdf(await printSlip(s.ctx, slip.id, { lang: 'en' }));
    expect(squash(en[0]!.text)).toContain('PaymentmethodBankcard');
    expect(SlipRecordSnapshot.parse(loadSlip(s.db, slip.id)).paymentMethod).toBe('bank_card');
  });

  it('a snapshot from a branch without the field (before migration 0018) still validates', () => {
    s = openTestStore();
    const slip = createSlip(s.ctx, s.users.clerk, customerPays(s, { paymentMethod: 'cash' }));
    const old: Record<string, unknown> = { ...loadSlip(s.db, slip.id) };
    delete old.paymentMethod;
    delete old.voidedByName;
    delete old.settledByName;
    expect(SlipRecordSnapshot.safeParse(old).success).toBe(true);
    expect(SlipRecordSnapshot.safeParse({ ...old, paymentMethod: 'original_channel' }).success).toBe(false);
  });

  it('is required when the customer pays, with a message naming the field', () => {
    s = openTestStore();
    const e = refused(() => createSlip(s.ctx, s.users.clerk, customerPays(s)));
    expect(e.code).toBe('VALIDATION');
    expect(e.issues[0]).toMatchObject({
      field: 'paymentMethod',
      message: { zh: '收款方式:顾客补差价时须填写', en: 'Payment method is required when the customer pays' },
    });
  });

  it('is refused when the customer does not pay (a return, or the store refunds the difference)', () => {
    s = openTestStore();
    const e1 = refused(() => createSlip(s.ctx, s.users.clerk, returnInput(s, { paymentMethod: 'cash' })));
    expect(e1.issues[0]).toMatchObject({
      field: 'paymentMethod',
      message: { zh: '收款方式:仅在顾客补差价时填写', en: 'Payment method applies only when the customer pays' },
    });
    const storePays = customerPays(s, {
      paymentMethod: 'cash',
      refundMethod: 'cash',
      issuedLines: [{ itemCode: 'S41', name: '运动鞋', quantity: 1, unitPriceFen: 19_900 }],
    });
    expect(refused(() => createSlip(s.ctx, s.users.clerk, storePays)).issues[0]!.field).toBe('paymentMethod');
  });

  it('refuses a method that cannot take money in (原路退回) or an unknown one', () => {
    s = openTestStore();
    for (const bad of ['original_channel', 'bitcoin']) {
      const input = { ...customerPays(s), paymentMethod: bad } as unknown as SlipCreateInput;
      const e = refused(() => createSlip(s.ctx, s.users.clerk, input));
      expect(e.code).toBe('VALIDATION');
      expect(e.issues[0]!.field).toBe('paymentMethod');
      expect(JSON.stringify(e.issues[0]!.message)).toContain('收款方式');
      expect(JSON.stringify(e.issues[0]!.message)).toContain('Payment method');
    }
  });
});
