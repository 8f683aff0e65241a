// The slip screen's services (issue 12): each queue, paging, counts, search, a case's slips and
// the resolution's slip numbers checked against the store.
import { afterEach, describe, expect, it } from 'vitest';
import { getCase } from '../../src-main/services/case-read';
import { forwardCase, resolveCase } from '../../src-main/services/case-workflow';
import { renderPrintable } from '../../src-main/services/print';
import { listSlips, slipCounts } from '../../src-main/services/slip-queues';
import { searchSlips } from '../../src-main/services/slip-search';
import { approveSlip, createSlip, settleSlip, viewSlip, voidSlip } from '../../src-main/services/slips';
import { AppError } from '../../src-main/shared/errors';
import type { SlipQueue } from '../../src-main/shared/schemas/slip';
import { returnInput } from '../helpers/slips';
import { openTestStore, phoneCase, storeCounts, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

/** A return by a clerk worth `fen` (refund as much) on its own receipt. */
const slipOf = (fen: number, receiptNo: string, over: Parameters<typeof returnInput>[1] = {}) =>
  createSlip(
    s.ctx,
    s.users.clerk,
    returnInput(s, {
      receiptNo,
      returnedLines: [{ itemCode: 'A1', name: '外套', quantity: 1, unitPriceFen: fen }],
      refundFen: fen,
      ...over,
    }),
  );

const numbers = (rows: { number: string }[]) => rows.map((r) => r.number);

function refusal(fn: () => unknown): AppError {
  const before = storeCounts(s.db);
  try {
    fn();
  } catch (e) {
    expect(storeCounts(s.db)).toEqual(before);
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('slip queues', () => {
  it("splits approval between the supervisor's authority and the manager's, and lists unsettled and voided", () => {
    s = openTestStore();
    const small = slipOf(10_000, 'R-1'); // within the clerk's ¥500: completed, unsettled
    const mid = slipOf(200_000, 'R-2'); // ¥2,000: the supervisor approves
    const big = slipOf(900_000, 'R-3'); // ¥9,000: only the manager
    s.clock.t += 60_000;
    const voided = slipOf(20_000, 'R-4');
    voidSlip(s.ctx, s.users.supervisor, { slipId: voided.id, reason: '顾客撤回' });
    const settled = slipOf(30_000, 'R-5');
    settleSlip(s.ctx, s.users.supervisor, { slipId: settled.id, settledOn: '2026-11-24' });

    const q = (queue: SlipQueue, who = s.users.supervisor) => numbers(listSlips(s.ctx, who, { queue }).rows);
    expect(q('approval_supervisor')).toEqual([mid.number]);
    expect(q('approval_manager', s.users.manager)).toEqual([big.number]);
    expect(q('unsettled')).toEqual([small.number]);
    expect(q('void')).toEqual([voided.number]);
    expect(q('all')).toEqual([settled.number, voided.number, big.number, mid.number, small.number]);
    expect(slipCounts(s.ctx, s.users.supervisor)).toEqual({
      approval_supervisor: 1,
      approval_manager: 1,
      unsettled: 1,
      void: 1,
      all: 5,
    });

    // What the supervisor's queue lists, the supervisor may approve; the manager's, only the manager.
    approveSlip(s.ctx, s.users.supervisor, { slipId: mid.id });
    expect(() => approveSlip(s.ctx, s.users.supervisor, { slipId: big.id })).toThrow(AppError);
    approveSlip(s.ctx, s.users.manager, { slipId: big.id });
    expect(slipCounts(s.ctx, s.users.supervisor)).toMatchObject({
      approval_supervisor: 0,
      approval_manager: 0,
      unsettled: 3,
    });
  });

  it('pages newest first without gaps or repeats, and refuses a bad cursor', () => {
    s = openTestStore();
    const made: string[] = [];
    for (let i = 0; i < 7; i++) {
      s.clock.t += i % 2 === 0 ? 0 : 1_000; // equal times too: the rid breaks the tie
      made.push(slipOf(1_000, `P-${i}`).number);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = listSlips(s.ctx, s.users.clerk, { queue: 'all', limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...numbers(page.rows));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());
    const e = refusal(() => listSlips(s.ctx, s.users.clerk, { queue: 'all', cursor: 'nonsense' }));
    expect(e.issues[0]?.field).toBe('cursor');
    expect(() => listSlips(s.ctx, s.users.clerk, { queue: 'mine' })).toThrow(AppError);
  });
});

describe('slip search', () => {
  it('finds a slip by number, number tail, receipt, name, whole phone and last four digits', () => {
    s = openTestStore();
    const a = slipOf(1_000, 'R20261120-0042', { customer: { name: '欧阳娜娜', phone: '139 1234 5678' } });
    const b = slipOf(1_000, 'R-9', { customer: { name: '张三', phone: '13800138000' } });
    expect(numbers(searchSlips(s.ctx, s.users.supervisor, { query: a.number }))).toEqual([a.number]);
    expect(numbers(searchSlips(s.ctx, s.users.supervisor, { query: a.number.toLowerCase() }))).toEqual([a.number]);
    expect(numbers(searchSlips(s.ctx, s.users.supervisor, { query: '202611-0002' }))).toEqual([b.number]);
    expect(numbers(searchSlips(s.ctx, s.users.supervisor, { query: 'R20261120-0042' }))).toEqual([a.number]);
    expect(numbers(searchSlips(s.ctx, s.users.supervisor, { query: '欧阳' }))).toEqual([a.number]);
    expect(numbers(searchSlips(s.ctx, s.users.supervisor, { query: '13912345678' }))).toEqual([a.number]);
    expect(numbers(searchSlips(s.ctx, s.users.supervisor, { query: '+86 139-1234-5678' }))).toEqual([a.number]);
    expect(numbers(searchSlips(s.ctx, s.users.supervisor, { query: '8000' }))).toEqual([b.number]);
    expect(searchSlips(s.ctx, s.users.supervisor, { query: '李四' })).toEqual([]);
    expect(searchSlips(s.ctx, s.users.supervisor, { query: '%' })).toEqual([]);
    const row = searchSlips(s.ctx, s.users.supervisor, { query: '8000' })[0];
    expect(row).toMatchObject({ customerPhoneMasked: '138****8000', unitName: '鞋部', status: 'completed' });
  });

  it('refuses an empty or overlong query in both languages', () => {
    s = openTestStore();
    for (const query of ['   ', 'x'.repeat(51)]) {
      const e = refusal(() => searchSlips(s.ctx, s.users.supervisor, { query }));
      expect(e.issues[0]?.field).toBe('query');
      expect(e.issues[0]?.message.zh).toBeTruthy();
      expect(e.issues[0]?.message.en).toBeTruthy();
    }
  });
});

describe("unit staff see their own unit's slips", () => {
  it('lists, counts, finds and opens only their unit’s slips, unless the manager widens it', async () => {
    s = openTestStore();
    const shoes = slipOf(100_00, 'R-SHOES');
    const food = slipOf(200_00, 'R-FOOD', { unitId: s.units.food, salespersonStaffNo: 'U002' });
    const staff = s.users.staff; // 鞋部
    expect(numbers(listSlips(s.ctx, staff, { queue: 'all' }).rows)).toEqual([shoes.number]);
    expect(slipCounts(s.ctx, staff).all).toBe(1);
    expect(numbers(searchSlips(s.ctx, staff, { query: 'R-FOOD' }))).toEqual([]);
    expect(numbers(searchSlips(s.ctx, staff, { query: 'R-SHOES' }))).toEqual([shoes.number]);
    expect(viewSlip(s.ctx, staff, { slipId: shoes.id }).number).toBe(shoes.number);
    const e = refusal(() => viewSlip(s.ctx, staff, { slipId: food.id }));
    expect(e.code).toBe('FORBIDDEN');
    expect(e.messages.zh).toBe('只能查看本单位的退换货单');
    await expect(renderPrintable(s.ctx, staff, { kind: 'slip', id: food.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // The supervisor sees both; the manager's setting widens unit staff's view too.
    expect(slipCounts(s.ctx, s.users.supervisor).all).toBe(2);
    s.settings.unitStaffSeeAllUnits = true;
    expect(numbers(listSlips(s.ctx, staff, { queue: 'all' }).rows).sort()).toEqual([shoes.number, food.number].sort());
    expect(viewSlip(s.ctx, staff, { slipId: food.id }).number).toBe(food.number);
  });
});

describe('slips on their case', () => {
  it('the case view lists its linked slips with status; the slip view names who voided it', () => {
    s = openTestStore();
    const c = phoneCase(s);
    const one = slipOf(10_000, 'R-1', { caseId: c.id });
    const two = slipOf(20_000, 'R-2', { caseId: c.id });
    slipOf(30_000, 'R-3');
    voidSlip(s.ctx, s.users.supervisor, { slipId: two.id, reason: '录错' });
    const view = getCase(s.ctx, s.users.secretary, { caseId: c.id });
    expect(view.slips.map((x) => [x.number, x.status])).toEqual([
      [one.number, 'completed'],
      [two.number, 'void'],
    ]);
    expect(viewSlip(s.ctx, s.users.supervisor, { slipId: two.id })).toMatchObject({
      voidedByName: '赵主管',
      settledByName: null,
    });
  });

  it("a resolution's typed slip numbers must exist; a linked slip stands in for the amount", () => {
    s = openTestStore();
    const c = phoneCase(s);
    forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
    const linked = slipOf(45_900, 'R-1', { caseId: c.id });
    const typed = slipOf(1_000, 'R-2');
    const e = refusal(() =>
      resolveCase(s.ctx, s.users.staff, {
        caseId: c.id,
        type: 'refund',
        summary: '退货退款',
        slipNumbers: ['SH01-TH-202611-0099'],
      }),
    );
    expect(e.issues).toEqual([
      {
        field: 'slipNumbers',
        message: {
          zh: '退换货单编号:没有编号为 SH01-TH-202611-0099 的退换货单',
          en: 'Slip numbers: No slip numbered SH01-TH-202611-0099',
        },
      },
    ]);
    // Without an amount or a typed number, the linked slip is enough; the case lists it by the link.
    const resolved = resolveCase(s.ctx, s.users.staff, { caseId: c.id, type: 'refund', summary: '退货退款' });
    expect(resolved.slipNumbers).toEqual([]);
    expect(getCase(s.ctx, s.users.staff, { caseId: c.id }).slips.map((x) => x.number)).toEqual([linked.number]);
    // A typed number is kept as the slip is numbered.
    const other = phoneCase(s, { customer: { name: '李四', phone: '13900000000' } });
    forwardCase(s.ctx, s.users.secretary, { caseId: other.id, handlingUnitId: s.units.shoes });
    const typedToo = resolveCase(s.ctx, s.users.staff, {
      caseId: other.id,
      type: 'refund',
      summary: '退货退款',
      slipNumbers: [typed.number.toLowerCase()],
    });
    expect(typedToo.slipNumbers).toEqual([typed.number]);
  });

  it("refuses the number of a slip linked to another case; a void slip's number is kept as typed", () => {
    s = openTestStore();
    const c = phoneCase(s);
    const other = phoneCase(s, { customer: { name: '李四', phone: '13900000000' } });
    forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
    const elsewhere = slipOf(1_000, 'R-1', { caseId: other.id });
    const voided = slipOf(1_000, 'R-2');
    voidSlip(s.ctx, s.users.supervisor, { slipId: voided.id, reason: '录错' });
    const e = refusal(() =>
      resolveCase(s.ctx, s.users.staff, {
        caseId: c.id,
        type: 'refund',
        summary: '退款',
        slipNumbers: [elsewhere.number],
      }),
    );
    expect(e.issues[0]?.message.en).toBe(`Slip numbers: Slip ${elsewhere.number} belongs to another case`);
    const resolved = resolveCase(s.ctx, s.users.staff, {
      caseId: c.id,
      type: 'refund',
      summary: '退款',
      slipNumbers: [voided.number],
    });
    expect(resolved.slipNumbers).toEqual([voided.number]);
  });
});
