// The record form printed at head office lists the slips the branch linked to the case (their snapshots
// carry the case as parent), void ones as void, not the numbers typed into the result; and prints 处理人 and
// 结案情况 from the snapshot — on every head-office store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { readPdf, squash } from '../helpers/pdf-text';
import type { Hq } from '../sync/sync-harness';
import { caseSnapshot, type ConsoleClient, pushRecords, startConsole } from './console-harness';

const T = Date.parse('2026-11-01T02:00:00Z');

function slip(
  id: string,
  caseId: string | null,
  n: number,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    number: `SH01-TH-202611-000${n}`,
    branchCode: 'SH01',
    type: 'return',
    status: 'completed',
    receiptNo: 'R-88',
    unitId: 'unit-1',
    unitName: '家电部',
    returnedLines: [{ itemCode: 'C1', name: '电饭煲', quantity: 1, unitPriceFen: 12_510, amountFen: 12_510 }],
    issuedLines: [],
    returnedTotalFen: 12_510,
    issuedTotalFen: 0,
    differenceFen: 0,
    refundFen: 12_510,
    reasonCode: 'quality',
    packagingIntact: true,
    accessoriesComplete: true,
    qualityProblem: true,
    deductCommission: false,
    caseId,
    handledBy: 'user-clerk',
    handledByName: '陈服务台',
    handledAt: T,
    approvalReasons: [],
    settlementStatus: 'unsettled',
    version: 1,
    createdAt: T,
    updatedAt: T,
    duplicates: [],
    ...over,
  };
}

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('record form at head office: slips (%s)', (_n, backend) => {
  let hq: Hq;
  let client: ConsoleClient;
  let keys: Record<string, string>;
  beforeEach(async () => {
    ({ hq, client, keys } = await startConsole(backend));
    await client.signIn();
  });
  afterEach(() => hq.close());

  it('lists the linked slips with type, amount and status, not a typed number of another case’s slip', async () => {
    const c = caseSnapshot('SH01', 7, {
      status: 'fed_back',
      resolvedAt: T + 3_600_000,
      resolvedBy: 'user-clerk',
      firstFedBackAt: T + 3_600_000,
      fedBackAt: T + 3_600_000,
      // Typed into the result: the second case's slip; the form must not list it.
      slipNumbers: ['SH01-TH-202611-0003'],
    });
    const other = caseSnapshot('SH01', 8);
    await pushRecords(hq, keys.SH01 as string, 'SH01', [
      { type: 'case', data: c },
      { type: 'case', data: other },
      { type: 'slip', data: slip('s1', String(c.id), 1, { status: 'void', voidReason: '改为换货', voidedAt: T }) },
      { type: 'slip', data: slip('s2', String(c.id), 2, { type: 'exchange', refundFen: 0 }) },
      { type: 'slip', data: slip('s3', String(other.id), 3) },
    ]);
    const res = await fetch(`${hq.url}/console/api/cases/SH01/${String(c.id)}/record.pdf`, {
      headers: { cookie: client.cookie ?? '' },
    });
    expect(res.status).toBe(200);
    const text = squash((await readPdf(Buffer.from(await res.arrayBuffer()))).map((p) => p.text).join(''));
    expect(text).toContain('单号类型金额状态SH01-TH-202611-0001退货¥125.10已作废SH01-TH-202611-0002换货¥125.10已完成');
    expect(text).not.toContain('SH01-TH-202611-0003');
    expect(text).toContain('处理人陈服务台');
    // Received 10:00 Shanghai, fed back an hour later: the default business day.
    expect(text).toContain('结案情况当日结案');
  });
});
