import { afterEach, describe, expect, it } from 'vitest';
import { printSlip } from '../../src-main/services/print';
import { createSlip, voidSlip } from '../../src-main/services/slips';
import { readPdf, squash } from '../helpers/pdf-text';
import { returnInput } from '../helpers/slips';
import { openTestStore, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());
const FIXED = { creationDate: new Date('2026-11-24T00:00:00Z') };

function exchange(st: TestStore) {
  return createSlip(
    st.ctx,
    st.users.clerk,
    returnInput(st, {
      type: 'exchange',
      refundFen: undefined,
      refundMethod: 'cash',
      customer: { name: '欧阳旻堃喆', phone: '13800138000' },
      reasonText: '尺码偏小,顾客要求换大一码“43码”',
      returnedLines: [
        { itemCode: '6901234567890', name: 'Nike 男士跑鞋', spec: '42码 黑色', quantity: 1, unitPriceFen: 45_900 },
      ],
      issuedLines: [
        { itemCode: '6901234567891', name: 'Nike 男士跑鞋', spec: '43码 黑色', quantity: 1, unitPriceFen: 41_900 },
      ],
    }),
  );
}

describe('商品退换货单 PDF', () => {
  it('has three labelled copies with every field of the slip, Chinese included, copyable', async () => {
    s = openTestStore();
    const slip = exchange(s);
    const pages = await readPdf(await printSlip(s.ctx, slip.id, FIXED));
    expect(pages).toHaveLength(3);
    ['存根联', '顾客联', '财务联'].forEach((label, i) => expect(pages[i]!.text).toContain(label));
    for (const p of pages) {
      const t = squash(p.text);
      for (const want of [
        '商品退换货单',
        slip.number,
        '欧阳旻堃喆',
        'R-1001',
        '2026-11-20',
        '鞋部',
        '刘鞋部',
        '6901234567890',
        'Nike男士跑鞋',
        '42码黑色',
        '43码黑色',
        '¥459.00',
        '¥419.00',
        '退还顾客差价¥40.00',
        '¥40.00',
        '现金',
        '尺码偏小,顾客要求换大一码“43码”',
        '是否属于商品质量问题■是□否',
        '包装完好■是□否',
        '顾客签字',
        '经办人签字',
        '核准人签字',
        '2026-11-2410:00',
      ]) {
        expect(t, want).toContain(squash(want));
      }
    }
    // Internal to the store: on the stub and finance copies, not on the customer's.
    for (const want of ['U001', '是否须扣提成□是■否']) {
      expect(squash(pages[0]!.text), want).toContain(want);
      expect(squash(pages[1]!.text), want).not.toContain(want);
      expect(squash(pages[2]!.text), want).toContain(want);
    }
  });

  it('masks the phone on the customer copy only, when the setting says so', async () => {
    s = openTestStore();
    const slip = exchange(s);
    const [stub, customer, finance] = await readPdf(await printSlip(s.ctx, slip.id, FIXED));
    expect(customer!.text).toContain('138****8000');
    expect(customer!.text).not.toContain('13800138000');
    expect(stub!.text).toContain('13800138000');
    expect(finance!.text).toContain('13800138000');
    s.settings.maskPhoneOnCustomerCopy = false;
    const again = await readPdf(await printSlip(s.ctx, slip.id, FIXED));
    expect(again[1]!.text).toContain('13800138000');
  });

  it('prints 作废 across every page of a voided slip, with the reason', async () => {
    s = openTestStore();
    const slip = exchange(s);
    const before = await readPdf(await printSlip(s.ctx, slip.id, FIXED));
    expect(before.some((p) => p.text.includes('作废'))).toBe(false);
    voidSlip(s.ctx, s.users.supervisor, { slipId: slip.id, reason: '顾客取消换货' });
    const pages = await readPdf(await printSlip(s.ctx, slip.id, FIXED));
    for (const p of pages) {
      expect(p.text).toContain('作废');
      expect(p.text).toContain('顾客取消换货');
    }
  });

  it('prints A5 on request, and many lines continue on the next page under the copy header', async () => {
    s = openTestStore();
    const lines = Array.from({ length: 30 }, (_, i) => ({
      itemCode: `SKU-${String(i).padStart(3, '0')}`,
      name: `商品第${i}号 长名称长名称`,
      quantity: 1,
      unitPriceFen: 1_000,
    }));
    const slip = createSlip(s.ctx, s.users.manager, returnInput(s, { returnedLines: lines, refundFen: 30_000 }));
    const pages = await readPdf(await printSlip(s.ctx, slip.id, { ...FIXED, paper: 'A5' }));
    expect(pages[0]!.width).toBeCloseTo(419.53, 1);
    expect(pages.length).toBeGreaterThan(3);
    const all = squash(pages.map((p) => p.text).join(''));
    for (const l of lines) expect(all).toContain(l.itemCode);
    // Every page carries the form title and its copy label.
    for (const p of pages) expect(p.text).toMatch(/商品退换货单/);
    expect(pages.filter((p) => p.text.includes('顾客联')).length).toBeGreaterThan(1);
  });

  it('is reproducible: the same slip and creation date give the same bytes', async () => {
    s = openTestStore();
    const slip = exchange(s);
    const a = await printSlip(s.ctx, slip.id, FIXED);
    const b = await printSlip(s.ctx, slip.id, FIXED);
    expect(a.equals(b)).toBe(true);
  });
});
