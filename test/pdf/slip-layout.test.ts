// The slip as printed (issue 17): every page headed, nothing below the footer, A5 on one sheet per
// copy, signatures kept with the last rows, internal fields off the customer copy, watermarks.
// With SLIP_SAMPLES_DIR set, each PDF is also written there to be looked at.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { printSlip } from '../../src-main/services/print';
import { approveSlip, createSlip, settleSlip, voidSlip } from '../../src-main/services/slips';
import type { SlipCreateInput, SlipLineInput } from '../../src-main/shared/schemas/slip';
import { type PdfPage, readPdf, squash } from '../helpers/pdf-text';
import { returnInput } from '../helpers/slips';
import { openTestStore, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());
const FIXED = { creationDate: new Date('2026-11-24T00:00:00Z') };
const A5_BOTTOM = 16 + 10; // margin + footer (templates/slip.ts)
const A4_BOTTOM = 36 + 14;

const lines = (n: number, from = 0): SlipLineInput[] =>
  Array.from({ length: n }, (_, i) => ({
    itemCode: `69012345${String(from + i).padStart(5, '0')}`,
    name: `商品${from + i + 1} 男士跑鞋`,
    spec: '42码 黑色',
    quantity: 1,
    unitPriceFen: 10_000,
  }));

const exchange = (st: TestStore, n: number, over: Partial<SlipCreateInput> = {}) =>
  createSlip(
    st.ctx,
    st.users.clerk,
    returnInput(st, {
      type: 'exchange',
      refundFen: undefined,
      refundMethod: undefined,
      returnedLines: lines(n),
      issuedLines: lines(n, 100),
      ...over,
    }),
  );

async function print(st: TestStore, id: string, name: string, opts: { paper?: 'A4' | 'A5'; lang?: 'en' } = {}) {
  const pdf = await printSlip(st.ctx, id, { ...FIXED, ...opts });
  if (process.env.SLIP_SAMPLES_DIR) writeFileSync(join(process.env.SLIP_SAMPLES_DIR, `${name}.pdf`), pdf);
  return readPdf(pdf);
}

/** Every page: title, number and a copy label; no text below the footer line or above the paper. */
function expectHeaded(pages: PdfPage[], number: string, bottom: number, words = { title: '商品退换货单', page: '页' }) {
  const labels = ['存根联', '顾客联', '财务联', 'Branch stub', 'Customer copy', 'Finance copy'];
  for (const [i, p] of pages.entries()) {
    const text = squash(p.text);
    expect(text, `page ${i + 1}`).toContain(squash(words.title));
    expect(text, `page ${i + 1}`).toContain(number);
    expect(
      labels.some((l) => text.includes(squash(l))),
      `page ${i + 1} copy label`,
    ).toBe(true);
    for (const it of p.items.filter((x) => x.str.trim() && !x.str.includes(words.page))) {
      expect(it.y, `"${it.str}" on page ${i + 1} is below the footer`).toBeGreaterThanOrEqual(bottom - 2);
      expect(it.y, `"${it.str}" on page ${i + 1} is off the top`).toBeLessThan(p.height - 12);
    }
  }
}

/** Pages grouped by copy label, in order. */
const copyOf = (p: PdfPage) => ['存根联', '顾客联', '财务联'].find((l) => p.text.includes(l));

describe('slip layout', () => {
  it('A5: an exchange of 5 + 5 lines prints one sheet per copy, signatures with the last rows', async () => {
    s = openTestStore();
    const slip = exchange(s, 5);
    const pages = await print(s, slip.id, 'a5-exchange-5x5', { paper: 'A5' });
    expect(pages).toHaveLength(3);
    expectHeaded(pages, slip.number, A5_BOTTOM);
    for (const p of pages) {
      const t = squash(p.text);
      expect(t).toContain('商品5男士跑鞋');
      expect(t).toContain('商品105男士跑鞋');
      expect(t).toContain('顾客签字');
    }
  });

  it('A5: a one-line exchange also fits one sheet per copy', async () => {
    s = openTestStore();
    const pages = await print(s, exchange(s, 1).id, 'a5-exchange-1', { paper: 'A5' });
    expect(pages).toHaveLength(3);
  });

  it('A5: a 500-character reason splits across pages, each headed, none running over the footer', async () => {
    s = openTestStore();
    const reason = '顾客称鞋底开胶并伴有异味,要求退货。'.repeat(28).slice(0, 500);
    const slip = exchange(s, 5, { reasonText: reason });
    const pages = await print(s, slip.id, 'a5-long-reason', { paper: 'A5' });
    expect(pages.length).toBeGreaterThan(3);
    expectHeaded(pages, slip.number, A5_BOTTOM);
    for (const label of ['存根联', '顾客联', '财务联']) {
      const copy = squash(
        pages
          .filter((p) => copyOf(p) === label)
          .map((p) => p.text)
          .join(''),
      );
      expect(copy, label).toContain(squash(reason));
      // The signature block shares its page with the end of the reason.
      const last = pages.filter((p) => copyOf(p) === label).at(-1)!;
      expect(squash(last.text)).toContain('顾客签字');
      expect(squash(last.text)).toMatch(/商品状况|是否属于商品质量问题|经办人/);
    }
  });

  it('a slip with 30 lines per side prints every line, headed on every page, A4 and A5', async () => {
    s = openTestStore();
    const slip = exchange(s, 30);
    for (const paper of ['A4', 'A5'] as const) {
      const pages = await print(s, slip.id, `${paper.toLowerCase()}-exchange-30x30`, { paper });
      expectHeaded(pages, slip.number, paper === 'A5' ? A5_BOTTOM : A4_BOTTOM);
      for (const label of ['存根联', '顾客联', '财务联']) {
        const copy = squash(
          pages
            .filter((p) => copyOf(p) === label)
            .map((p) => p.text)
            .join(''),
        );
        for (const n of [1, 15, 30, 101, 130]) expect(copy, `${paper} ${label} 商品${n}`).toContain(`商品${n}男士跑鞋`);
        expect(copy.match(/商品编码\/条码/g)!.length).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('the customer copy leaves out 是否须扣提成, the staff number and 财务结算; stub and finance have them', async () => {
    s = openTestStore();
    const slip = exchange(s, 1);
    for (const paper of ['A4', 'A5'] as const) {
      const [stub, customer, finance] = await print(s, slip.id, `${paper.toLowerCase()}-copies`, { paper });
      for (const internal of ['是否须扣提成', '工号', 'U001', '财务结算', '结算人']) {
        expect(squash(customer!.text), internal).not.toContain(internal);
        expect(squash(stub!.text), internal).toContain(internal);
        expect(squash(finance!.text), internal).toContain(internal);
      }
      expect(squash(finance!.text)).toContain('财务签字');
      expect(squash(stub!.text)).not.toContain('财务签字');
      expect(squash(customer!.text)).toContain('刘鞋部');
    }
  });

  it('prints who approved and when, and who settled', async () => {
    s = openTestStore();
    const slip = createSlip(s.ctx, s.users.clerk, returnInput(s, { refundFen: 45_900 }));
    const big = createSlip(
      s.ctx,
      s.users.clerk,
      returnInput(s, {
        receiptNo: 'R-2',
        returnedLines: lines(1).map((l) => ({ ...l, unitPriceFen: 900_000 })),
        refundFen: 900_000,
      }),
    );
    expect(big.status).toBe('pending_approval');
    approveSlip(s.ctx, s.users.manager, { slipId: big.id });
    settleSlip(s.ctx, s.users.supervisor, { slipId: slip.id, settledOn: '2026-11-25' });
    const [stub] = await print(s, big.id, 'a4-approved');
    expect(squash(stub!.text)).toMatch(/核准人[^核]*核准时间2026-/);
    const [, , finance] = await print(s, slip.id, 'a4-settled');
    expect(squash(finance!.text)).toContain('已结算2026-11-25');
  });

  it('a void slip: 作废 above every page, with who voided, when and why', async () => {
    s = openTestStore();
    const slip = exchange(s, 2);
    voidSlip(s.ctx, s.users.supervisor, { slipId: slip.id, reason: '录入错误,重新开单' });
    for (const paper of ['A4', 'A5'] as const) {
      const pages = await print(s, slip.id, `${paper.toLowerCase()}-void`, { paper });
      expect(pages).toHaveLength(3);
      for (const p of pages) {
        const t = squash(p.text);
        expect(t).toContain('作废人');
        expect(t).toContain('作废时间');
        expect(t).toContain('录入错误,重新开单');
        // The watermark is the last text drawn on the page: above everything.
        expect(p.items.filter((i) => i.str.trim()).at(-1)!.str).toBe('作废');
      }
    }
  });

  it('a slip awaiting approval: 待核准 across every page; English prints its own words', async () => {
    s = openTestStore();
    const slip = createSlip(
      s.ctx,
      s.users.clerk,
      returnInput(s, { returnedLines: lines(1).map((l) => ({ ...l, unitPriceFen: 900_000 })), refundFen: 900_000 }),
    );
    expect(slip.status).toBe('pending_approval');
    for (const paper of ['A4', 'A5'] as const) {
      const pages = await print(s, slip.id, `${paper.toLowerCase()}-pending`, { paper });
      for (const p of pages) expect(p.items.filter((i) => i.str.trim()).at(-1)!.str).toBe('待核准');
    }
    const en = await print(s, slip.id, 'a5-pending-en', { paper: 'A5', lang: 'en' });
    expect(en).toHaveLength(3);
    expectHeaded(en, slip.number, A5_BOTTOM, { title: 'Return / Exchange Slip', page: 'Page' });
    for (const p of en) expect(p.items.filter((i) => i.str.trim()).at(-1)!.str).toBe('Awaiting approval');
    expect(squash(en[1]!.text)).not.toContain('Deductcommission');
    expect(squash(en[0]!.text)).toContain('Deductcommission');
  });
});
