// The case detail carries what the reviewer's case page shows: unit names of the case's own branch
// (two branches with equal unit ids), staff names from the audit and slips, an exchange slip's lines
// and totals, and the data's age (last batch, newest case), on every head-office store.
import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../src-headoffice/console/api-contract';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import type { Hq } from '../sync/sync-harness';
import { caseSnapshot, type ConsoleClient, pushRecords, useConsole } from './console-harness';

const T = Date.parse('2026-11-01T02:30:00Z');
const UNIT = 'unit-shared-id';

const unit = (name: string) => ({ id: UNIT, code: 'U1', name, active: true, version: 1 });

function exchangeSlip(caseId: string, branch: string): Record<string, unknown> {
  return {
    id: `slip-${branch}`,
    number: `${branch}-TH-202611-0001`,
    branchCode: branch,
    type: 'exchange',
    status: 'completed',
    receiptNo: 'R-88',
    unitId: UNIT,
    unitName: '家电部',
    returnedLines: [{ itemCode: 'C1', name: '电饭煲', quantity: 1, unitPriceFen: 125_100, amountFen: 125_100 }],
    issuedLines: [{ itemCode: 'C2', name: '电饭煲(新)', quantity: 1, unitPriceFen: 129_900, amountFen: 129_900 }],
    returnedTotalFen: 125_100,
    issuedTotalFen: 129_900,
    differenceFen: 4_800,
    refundFen: 0,
    reasonCode: 'quality',
    packagingIntact: true,
    accessoriesComplete: false,
    qualityProblem: true,
    deductCommission: false,
    caseId,
    handledBy: 'user-clerk',
    handledByName: '陈服务台',
    handledAt: T,
    approvalReasons: [],
    approvedBy: 'user-boss',
    approvedByName: '周店长',
    approvedAt: T + 1_000,
    settlementStatus: 'settled',
    settledOn: '2026-11-02',
    version: 1,
    createdAt: T,
    updatedAt: T,
    duplicates: [],
  };
}

const audit = (branch: string, entityId: string) => ({
  id: `audit-${branch}`,
  at: T + 60_000,
  actorId: 'user-secretary',
  actorName: branch === 'SH01' ? '李秘书' : '王秘书',
  action: 'case.forward',
  entity: 'case',
  entityId,
  before: { status: 'registered' },
  after: { status: 'in_progress', handlingUnitId: UNIT },
});

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('console case page data (%s)', (_name, backend) => {
  let hq: Hq;
  let client: ConsoleClient;
  let keys: Record<string, string>;
  useConsole(backend, (c) => ({ hq, client, keys } = c));

  async function seed(branch: string, unitName: string, n: number) {
    const c = caseSnapshot(branch, n, {
      complainedUnitId: UNIT,
      handlingUnitId: UNIT,
      purchaseItems: [{ name: '电饭煲', quantity: 1, code: '690000' }],
      purchaseDate: '2026-10-20',
      purchaseAmountFen: 125_100,
      finding: 'founded',
      cause: 'product_or_service',
    });
    const id = String(c.id);
    await pushRecords(hq, keys[branch] as string, branch, [
      { type: 'unit', data: unit(unitName) },
      { type: 'case', data: c },
      { type: 'slip', data: exchangeSlip(id, branch) },
      { type: 'audit', data: audit(branch, id) },
    ]);
    return c;
  }

  it("names units by the case's own branch, staff from audit and slips, and carries an exchange's lines and totals", async () => {
    const a = await seed('SH01', '家电部', 1);
    const b = await seed('SH02', '小家电柜', 2);

    const one = await client.call<CaseDetail>('GET', `/console/api/cases/SH01/${String(a.id)}`);
    expect(one.status).toBe(200);
    expect(one.json.names).toMatchObject({
      [UNIT]: '家电部',
      'user-secretary': '李秘书',
      'user-clerk': '陈服务台',
      'user-boss': '周店长',
    });
    expect(one.json.case).toMatchObject({ purchaseAmountFen: 125_100, purchaseDate: '2026-10-20', finding: 'founded' });
    expect(one.json.slips).toHaveLength(1);
    expect(one.json.slips[0]).toMatchObject({
      type: 'exchange',
      returnedTotalFen: 125_100,
      issuedTotalFen: 129_900,
      differenceFen: 4_800,
      accessoriesComplete: false,
      settlementStatus: 'settled',
      returnedLines: [{ name: '电饭煲', amountFen: 125_100 }],
      issuedLines: [{ name: '电饭煲(新)', amountFen: 129_900 }],
    });
    expect(one.json.history.map((h) => h.after)).toContainEqual({ status: 'in_progress', handlingUnitId: UNIT });

    // The same unit id at another branch is that branch's unit, with that branch's names.
    const two = await client.call<CaseDetail>('GET', `/console/api/cases/SH02/${String(b.id)}`);
    expect(two.json.names[UNIT]).toBe('小家电柜');
    expect(two.json.names['user-secretary']).toBe('王秘书');
  });

  it("tells the data's age: the branch's last batch and its newest case", async () => {
    const before = Date.now();
    const a = await seed('SH01', '家电部', 1);
    const newer = caseSnapshot('SH01', 9);
    await pushRecords(hq, keys.SH01 as string, 'SH01', [{ type: 'case', data: newer }]);
    const d = await client.call<CaseDetail>('GET', `/console/api/cases/SH01/${String(a.id)}`);
    expect(d.json.lastBatchAt).toBeGreaterThanOrEqual(before);
    expect(d.json.newestCaseAt).toBe(newer.receivedAt);
  });

  it('refuses an unknown case with a bilingual message and names nothing of another branch', async () => {
    const a = await seed('SH01', '家电部', 1);
    const wrong = await client.call<{ code: string; message: { zh: string; en: string } }>(
      'GET',
      `/console/api/cases/SH02/${String(a.id)}`,
    );
    expect(wrong.status).toBe(404);
    expect(wrong.json.message.zh).toContain('SH02');
    expect(wrong.json.message.en).toContain('SH02');
  });
});
