// The returns section counts slips by SLIP date (handledAt in the period, branch time zone) so that
// finance can reconcile a month's slips, with the case-month view beside it — from the real SQLite
// store through computeSummary, and in the CSV and spreadsheet exports.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summaryCsv, summaryXlsx } from '../../src-main/services/report-export';
import { computeSummary } from '../../src-main/services/reports';
import { createSlip, voidSlip } from '../../src-main/services/slips';
import type { SummaryReport } from '../../src-main/shared/summary-types';
import { parseCsv } from '../helpers/csv';
import { returnInput } from '../helpers/slips';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

const sh = (iso: string) => Date.parse(`${iso}+08:00`);
let s: TestStore;
const month = (date: string): SummaryReport =>
  computeSummary(s.ctx, s.users.secretary, { periodType: 'month', date, previousCount: 2 });

/** A case received at `receivedAt`, with a return slip of `fen` handled at `slipAt`. */
function caseWithSlip(receivedAt: string, slipAt: string, fen: number) {
  s.clock.t = sh(receivedAt);
  const c = phoneCase(s);
  s.clock.t = sh(slipAt);
  const line = { itemCode: '6901234567890', name: '男士皮鞋', spec: '42码', quantity: 1, unitPriceFen: fen };
  return createSlip(s.ctx, s.users.supervisor, returnInput(s, { caseId: c.id, returnedLines: [line], refundFen: fen }));
}

beforeAll(() => {
  s = openTestStore({ at: sh('2026-10-01T10:00:00') });
  // Received in October, slip dated in November: November by slip date, October by case month.
  caseWithSlip('2026-10-28T10:00:00', '2026-11-03T11:00:00', 10_000);
  // Received in November, slip dated 00:30 on 1 December in Shanghai (still 30 November in UTC).
  caseWithSlip('2026-11-29T10:00:00', '2026-12-01T00:30:00', 20_000);
  // Received in May, long before any report range's cases, slip dated in November.
  caseWithSlip('2026-05-10T10:00:00', '2026-11-10T15:00:00', 40_000);
  // Received and slipped in November, then voided: counted in neither view.
  const v = caseWithSlip('2026-11-12T10:00:00', '2026-11-12T12:00:00', 80_000);
  voidSlip(s.ctx, s.users.supervisor, { slipId: v.id, reason: '录错' });
  s.clock.t = sh('2026-12-05T09:00:00');
});
afterAll(() => s?.close());

describe('returns by slip date and by case month', () => {
  it('November: the slips dated in November, whenever their case came; the case month view apart', () => {
    const r = month('2026-11-15').summary;
    expect(r.slipsByDate).toMatchObject({ count: 2, returns: 2, refundFen: 50_000, returnedFen: 50_000 });
    expect(r.slips).toMatchObject({ count: 1, refundFen: 20_000 });
  });

  it('October and December: each slip lands in the month of its own view', () => {
    const oct = month('2026-10-15').summary;
    expect(oct.slipsByDate.count).toBe(0);
    expect(oct.slips).toMatchObject({ count: 1, refundFen: 10_000 });
    const dec = month('2026-12-03').summary;
    expect(dec.slipsByDate).toMatchObject({ count: 1, refundFen: 20_000 });
    expect(dec.slips.count).toBe(0);
  });

  it('the CSV carries both views, labelled, with the line saying what each counts', () => {
    const rows = parseCsv(summaryCsv(month('2026-11-15')).toString('utf8').slice(1));
    const head = rows.findIndex((r) => r[0] === '退换货');
    expect(rows[head + 1]).toEqual(['项目', '按单据日期', '按个案受理期间']);
    // The overview's slip count is the slip-date view; the section has both.
    expect(rows.find((r) => r[0] === '退换货单数')).toEqual(['退换货单数', '2']);
    const section = rows.slice(head);
    expect(section.find((r) => r[0] === '退换货单数')).toEqual(['退换货单数', '2', '1']);
    expect(section.find((r) => r[0] === '退款金额(元)')).toEqual(['退款金额(元)', '500.00', '200.00']);
    expect(rows.some((r) => (r[0] ?? '').startsWith('按单据日期:'))).toBe(true);
    const en = parseCsv(summaryCsv(month('2026-11-15'), 'en').toString('utf8').slice(1));
    expect(en.slice(en.findIndex((r) => r[0] === 'Returns and exchanges')).find((r) => r[0] === 'Slips')).toEqual([
      'Slips',
      '2',
      '1',
    ]);
    expect(en.some((r) => r[1] === 'By slip date' && r[2] === 'By case received')).toBe(true);
  });

  it('the spreadsheet carries both views as numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await summaryXlsx(month('2026-11-15'))) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const sheet = wb.getWorksheet('退换货');
    const rows: unknown[][] = [];
    sheet?.eachRow((r) => rows.push([r.getCell(1).value, r.getCell(2).value, r.getCell(3).value]));
    expect(rows[0]).toEqual(['项目', '按单据日期', '按个案受理期间']);
    expect(rows.find((r) => r[0] === '退换货单数')).toEqual(['退换货单数', 2, 1]);
    expect(rows.find((r) => r[0] === '退款金额(元)')).toEqual(['退款金额(元)', 500, 200]);
  });

  it('a running month reads 截至 in the export header; a closed one does not', () => {
    const head = (r: SummaryReport) =>
      parseCsv(summaryCsv(r).toString('utf8').slice(1)).find((x) => x[0] === '统计期间');
    expect(head(month('2026-11-15'))?.[1]).toBe('2026-11(2026-11-01 至 2026-11-30)');
    expect(head(month('2026-12-03'))?.[1]).toBe('2026-12(2026-12-01 至 2026-12-31,截至 12-05 09:00)');
  });
});
