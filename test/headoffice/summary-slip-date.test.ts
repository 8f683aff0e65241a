// Head office's consolidated summary counts the returns section by slip date too (the slip's
// handledAt in the period, Asia/Shanghai), beside the case-month view, from the synced records —
// on every head-office store (SQLite, and PostgreSQL when HQ_TEST_DATABASE_URL is set) — and its CSV carries both.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleSummary } from '../../src-headoffice/console/api-contract';
import { parseCsv } from '../helpers/csv';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import type { Hq } from '../sync/sync-harness';
import { caseSnapshot, type ConsoleClient, pushRecords, startConsole } from './console-harness';

const sh = (iso: string) => Date.parse(`${iso}+08:00`);

function slip(caseId: string, n: number, handledAt: number, fen: number, status = 'completed') {
  return {
    id: randomUUID(),
    number: `SH01-TH-${String(n).padStart(4, '0')}`,
    branchCode: 'SH01',
    type: 'return',
    status,
    receiptNo: `R-${n}`,
    unitId: 'unit-1',
    unitName: '鞋部',
    returnedLines: [{ itemCode: 'A1', name: '袜子', spec: '均码', quantity: 1, unitPriceFen: fen, amountFen: fen }],
    issuedLines: [],
    returnedTotalFen: fen,
    issuedTotalFen: 0,
    differenceFen: -fen,
    refundFen: fen,
    refundMethod: 'cash',
    reasonCode: 'quality',
    packagingIntact: true,
    accessoriesComplete: true,
    qualityProblem: false,
    deductCommission: false,
    caseId,
    handledBy: 'user-clerk',
    handledByName: '陈服务台',
    handledAt,
    approvalReasons: [],
    settlementStatus: 'unsettled',
    version: 1,
    createdAt: handledAt,
    updatedAt: handledAt,
    duplicates: [],
    ...(status === 'void' ? { voidedBy: 'user-sup', voidedAt: handledAt + 1, voidReason: '录错' } : {}),
  };
}

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('head office returns by slip date (%s)', (_n, backend) => {
  let hq: Hq;
  let client: ConsoleClient;
  beforeEach(async () => {
    let keys: Record<string, string>;
    ({ hq, client, keys } = await startConsole(backend));
    await client.signIn();
    const oct = caseSnapshot('SH01', 1, { receivedAt: sh('2026-10-28T10:00:00') });
    const lateNov = caseSnapshot('SH01', 2, { receivedAt: sh('2026-11-29T10:00:00') });
    const may = caseSnapshot('SH01', 3, { receivedAt: sh('2026-05-10T10:00:00') });
    const nov = caseSnapshot('SH01', 4, { receivedAt: sh('2026-11-12T10:00:00') });
    await pushRecords(hq, keys.SH01 as string, 'SH01', [
      ...[oct, lateNov, may, nov].map((data) => ({ type: 'case', data })),
      // Case of October, slip of November: November by slip date only.
      { type: 'slip', data: slip(String(oct.id), 1, sh('2026-11-03T11:00:00'), 10_000) },
      // Case of November, slip at 00:30 on 1 December in Shanghai: November by case month only.
      { type: 'slip', data: slip(String(lateNov.id), 2, sh('2026-12-01T00:30:00'), 20_000) },
      // Case of May (before the trend's range), slip of November.
      { type: 'slip', data: slip(String(may.id), 3, sh('2026-11-10T15:00:00'), 40_000) },
      // Void: counted nowhere.
      { type: 'slip', data: slip(String(nov.id), 4, sh('2026-11-12T12:00:00'), 80_000, 'void') },
    ]);
  });
  afterEach(() => hq.close());

  it('counts November by slip date and by case month, each slip where its view puts it', async () => {
    const s = (await client.call<ConsoleSummary>('GET', '/console/api/summary?period=month&date=2026-11-15')).json
      .summary;
    expect(s.slipsByDate).toMatchObject({ count: 2, refundFen: 50_000 });
    expect(s.slips).toMatchObject({ count: 1, refundFen: 20_000 });
    const dec = (await client.call<ConsoleSummary>('GET', '/console/api/summary?period=month&date=2026-12-03')).json
      .summary;
    expect(dec.slipsByDate).toMatchObject({ count: 1, refundFen: 20_000 });
    expect(dec.slips.count).toBe(0);
  });

  it('its CSV export carries both views', async () => {
    const csv = await fetch(`${hq.url}/console/api/summary.csv?period=month&date=2026-11-15&branch=SH01`, {
      headers: { cookie: client.cookie },
    });
    const rows = parseCsv((await csv.text()).replace(/^\uFEFF/, ''));
    const section = rows.slice(rows.findIndex((r) => r[0] === '退换货'));
    expect(section[1]).toEqual(['项目', '按单据日期', '按个案受理期间']);
    expect(section.find((r) => r[0] === '退换货单数')).toEqual(['退换货单数', '2', '1']);
  });
});
