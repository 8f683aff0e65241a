// The console reads record payloads through the sync contract's schemas: a real branch's case,
// slips, follow-ups, audit and units show every field as stored, and a payload that does not
// match its schema is left out of the case detail and the summary, on every head-office store.
import { describe, expect, it } from 'vitest';
import type {
  CaseDetail,
  CaseListPage,
  ConsoleErrorBody,
  ConsoleSummary,
  InstructionAnswer,
} from '../../src-headoffice/console/api-contract';
import { forwardCase, recordFeedback, resolveCase } from '../../src-main/services/case-workflow';
import { scheduleFollowUp } from '../../src-main/services/follow-ups';
import { maskPersonal } from '../../src-headoffice/console/personal-data';
import { approveSlip, createSlip, settleSlip } from '../../src-main/services/slips';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { syncOnce } from '../../src-main/sync/sync-run';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { returnInput } from '../helpers/slips';
import { openTestStore, phoneCase } from '../helpers/store';
import type { Hq } from '../sync/sync-harness';
import { caseSnapshot, type ConsoleClient, pushCases, pushRecords, useConsole } from './console-harness';

const T = Date.parse('2026-11-01T02:30:00Z');

/** A completed return slip of a case as the branch sends it (null fields left out). */
function slipSnapshot(
  id: string,
  caseId: string,
  n: number,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    number: `SH01-TH-202611-${String(n).padStart(4, '0')}`,
    branchCode: 'SH01',
    type: 'return',
    status: 'completed',
    receiptNo: `R-${n}`,
    unitId: 'unit-shoes',
    unitName: '鞋部',
    returnedLines: [{ itemCode: 'A1', name: '袜子', spec: '均码', quantity: 3, unitPriceFen: 1_990, amountFen: 5_970 }],
    issuedLines: [],
    returnedTotalFen: 5_970,
    issuedTotalFen: 0,
    differenceFen: -5_970,
    refundFen: 5_970,
    refundMethod: 'cash',
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

const followUpSnapshot = (id: string, caseId: string, over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id,
  caseId,
  dueDate: '2026-11-03',
  dueAt: Date.parse('2026-11-03T13:00:00Z'),
  note: '回访顾客',
  scheduledBy: 'user-secretary',
  version: 1,
  ...over,
});

const auditSnapshot = (id: string, entityId: string, over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id,
  at: T + 60_000,
  actorId: 'user-secretary',
  actorStaffNo: 'S001',
  actorName: '李秘书',
  action: 'case.forward',
  entity: 'case',
  entityId,
  before: { status: 'registered' },
  after: { status: 'in_progress' },
  ...over,
});

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('console snapshots (%s)', (_name, backend) => {
  let hq: Hq;
  let client: ConsoleClient;
  let keys: Record<string, string>;
  useConsole(backend, (c) => ({ hq, client, keys } = c));

  /** The payload head office stores for a record, as JSON. */
  async function stored(type: string, id: string): Promise<unknown> {
    const row = await hq.db.get<{ payload: string }>(
      'SELECT payload FROM records WHERE branch = ? AND type = ? AND id = ?',
      ['SH01', type, id],
    );
    if (!row) throw new Error(`head office holds no ${type} ${id}`);
    return JSON.parse(row.payload);
  }

  it("shows every field of a real branch's case, slips with lines, approval and settlement, follow-ups, audit and units as stored", async () => {
    const s = openTestStore();
    try {
      const c = phoneCase(s);
      forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes, note: '请鞋柜核实' });
      const small = createSlip(s.ctx, s.users.clerk, returnInput(s, { caseId: c.id }));
      const big = createSlip(
        s.ctx,
        s.users.clerk,
        returnInput(s, {
          caseId: c.id,
          receiptNo: 'R-2002',
          returnedLines: [{ itemCode: 'B1', name: '女士大衣', quantity: 1, unitPriceFen: 120_000 }],
          refundFen: 120_000,
        }),
      );
      expect(big).toMatchObject({ status: 'pending_approval', approvalReasons: ['over_limit'] });
      approveSlip(s.ctx, s.users.supervisor, { slipId: big.id });
      settleSlip(s.ctx, s.users.supervisor, { slipId: big.id, settledOn: '2026-11-25' });
      resolveCase(s.ctx, s.users.staff, {
        caseId: c.id,
        type: 'refund',
        summary: '确认质量问题,同意退货',
        amountFen: 45_900,
        slipNumbers: [small.number],
      });
      recordFeedback(s.ctx, s.users.secretary, { caseId: c.id, satisfaction: 'satisfied', disputed: false });
      const { followUp } = scheduleFollowUp(s.ctx, s.users.secretary, {
        caseId: c.id,
        dueDate: '2026-11-26',
        note: '回访顾客满意度',
      });
      await syncOnce({
        ctx: s.ctx,
        branch: 'SH01',
        transport: new HttpTransport({ url: hq.url, branch: 'SH01', key: keys.SH01 as string }),
      });

      const d = await client.call<CaseDetail>('GET', `/console/api/cases/SH01/${c.id}`);
      expect(d.status).toBe(200);
      // Every field the branch sent, nothing dropped or added by the parse; the customer's contact masked (issue 20).
      expect(d.json.case).toEqual(maskPersonal(await stored('case', c.id)));
      expect(d.json.case.customerPhone).toBe('138****8000');
      expect(d.json.slips).toEqual(maskPersonal([await stored('slip', small.id), await stored('slip', big.id)]));
      expect(d.json.followUps).toEqual([await stored('follow_up', followUp.id)]);
      expect(d.json.case).toMatchObject({
        status: 'fed_back',
        resolutionType: 'refund',
        resolutionAmountFen: 45_900,
        slipNumbers: [small.number],
        satisfaction: 'satisfied',
        purchaseItems: [{ name: '男士皮鞋', code: '6901234567890' }],
      });
      expect(d.json.case.events.map((e) => e.kind)).toEqual(['intake', 'forward', 'resolve', 'feedback', 'follow_up']);
      expect(d.json.slips[1]).toMatchObject({
        number: big.number,
        returnedLines: [{ itemCode: 'B1', name: '女士大衣', quantity: 1, unitPriceFen: 120_000, amountFen: 120_000 }],
        approvalReasons: ['over_limit'],
        approvedByName: s.users.supervisor.name,
        status: 'completed',
        settlementStatus: 'settled',
        settledOn: '2026-11-25',
      });
      expect(d.json.followUps[0]).toMatchObject({ caseId: c.id, dueDate: '2026-11-26', note: '回访顾客满意度' });
      const audits = await hq.db.all<{ payload: string }>(
        "SELECT payload FROM records WHERE branch = 'SH01' AND type = 'audit' AND parent_id IN (?, ?, ?, ?)",
        [c.id, small.id, big.id, followUp.id],
      );
      expect(d.json.history).toHaveLength(audits.length);
      expect(d.json.history.map((h) => h.action)).toEqual(
        expect.arrayContaining([
          'case.create',
          'case.forward',
          'case.resolve',
          'slip.create',
          'slip.approve',
          'slip.settle',
          'follow_up.schedule',
        ]),
      );
      for (const a of audits.map((x): Record<string, unknown> => JSON.parse(x.payload))) {
        const h = d.json.history.find((x) => x.id === a.id);
        expect(h).toMatchObject({
          at: a.at,
          actorName: a.actorName,
          action: a.action,
          entity: a.entity,
          entityId: a.entityId,
          before: a.before ?? null,
        });
      }
      // The follow-up's creation shows the snapshot sent with it (the version head office still holds).
      expect(d.json.history.find((h) => h.action === 'follow_up.schedule')?.after).toEqual(
        await stored('follow_up', followUp.id),
      );

      const sum = await client.call<ConsoleSummary>('GET', '/console/api/summary?period=month&date=2026-11-24');
      expect(sum.status).toBe(200);
      expect(sum.json.cases).toBe(1);
      expect(sum.json.summary.slips).toMatchObject({ count: 2, returns: 2, refundFen: 45_900 + 120_000 });
      expect(sum.json.names?.units).toEqual({
        [`SH01/${s.units.shoes}`]: 'SH01 鞋部',
        [`SH01/${s.units.food}`]: 'SH01 食品部',
      });
      expect(
        (await client.call<ConsoleSummary>('GET', '/console/api/summary?period=month&date=2026-11-24&branch=SH01')).json
          .names?.units[s.units.shoes],
      ).toBe('鞋部');
    } finally {
      s.close();
    }
  });

  it('counts units as (branch, unit): two branches whose stores share a unit id are not merged in the summary', async () => {
    // SH02's store was cloned from SH01's: the same unit id names a different unit there.
    const unit = (name: string) => ({
      type: 'unit',
      data: { id: 'unit-1', code: 'U1', name, active: true, version: 1 },
    });
    const at = (n: number) => ({
      receivedAt: Date.parse('2026-11-10T02:00:00Z') + n * 60_000,
      complainedUnitId: 'unit-1',
    });
    await pushRecords(hq, keys.SH01 as string, 'SH01', [
      unit('鞋部'),
      { type: 'case', data: caseSnapshot('SH01', 1, at(1)) },
      { type: 'case', data: caseSnapshot('SH01', 2, at(2)) },
    ]);
    await pushRecords(hq, keys.SH02 as string, 'SH02', [
      unit('家电部'),
      { type: 'case', data: caseSnapshot('SH02', 1, at(3)) },
    ]);
    const all = (await client.call<ConsoleSummary>('GET', '/console/api/summary?period=month&date=2026-11-15')).json;
    expect(all.summary.byUnit.map((r) => [r.key, r.count]).sort()).toEqual([
      ['SH01/unit-1', 2],
      ['SH02/unit-1', 1],
    ]);
    expect(all.names?.units).toEqual({ 'SH01/unit-1': 'SH01 鞋部', 'SH02/unit-1': 'SH02 家电部' });
    const one = (
      await client.call<ConsoleSummary>('GET', '/console/api/summary?period=month&date=2026-11-15&branch=SH02')
    ).json;
    expect(one.summary.byUnit.map((r) => [r.key, r.count])).toEqual([['unit-1', 1]]);
    expect(one.names?.units).toEqual({ 'unit-1': '家电部' });
  });

  it('leaves a payload that does not match its schema out of the case detail and the summary, never failing the page', async () => {
    const good = caseSnapshot('SH01', 1);
    const goodId = String(good.id);
    // Its facts parse (the list shows it), but a timeline row lacks its time and kind.
    const unreadable = caseSnapshot('SH01', 2, { events: [{ id: 'e1', actorName: '李秘书' }] });
    const badId = String(unreadable.id);
    const answer = await pushRecords(hq, keys.SH01 as string, 'SH01', [
      { type: 'case', data: good },
      { type: 'case', data: unreadable },
      { type: 'slip', data: slipSnapshot('slip-good', goodId, 1) },
      {
        type: 'slip',
        data: slipSnapshot('slip-bad', goodId, 2, {
          returnedLines: [{ itemCode: 'A2', name: '鞋垫', quantity: 'one', unitPriceFen: 990, amountFen: 990 }],
        }),
      },
      { type: 'slip', data: slipSnapshot('slip-of-unreadable', badId, 3) },
      { type: 'follow_up', data: followUpSnapshot('fu-good', goodId) },
      { type: 'follow_up', data: followUpSnapshot('fu-bad', goodId, { dueAt: '2026-11-03' }) },
      { type: 'audit', data: auditSnapshot('audit-good', goodId) },
      { type: 'audit', data: auditSnapshot('audit-bad', goodId, { at: '2026-11-01 10:31' }) },
      { type: 'unit', data: { id: 'unit-shoes', code: 'SHOES', name: '鞋部', active: true, version: 1 } },
      { type: 'unit', data: { id: 'unit-bad', code: 'BAD', name: 42, active: true, version: 1 } },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ imported: 11, quarantined: [] });

    const d = await client.call<CaseDetail>('GET', `/console/api/cases/SH01/${goodId}`);
    expect(d.status).toBe(200);
    expect(d.json.case).toEqual(maskPersonal(good));
    expect(d.json.slips).toEqual(maskPersonal([slipSnapshot('slip-good', goodId, 1)]));
    expect(d.json.followUps).toEqual([followUpSnapshot('fu-good', goodId)]);
    expect(d.json.history).toEqual([
      {
        id: 'audit-good',
        at: T + 60_000,
        actorName: '李秘书',
        action: 'case.forward',
        entity: 'case',
        entityId: goodId,
        before: { status: 'registered' },
        after: { status: 'in_progress' },
      },
    ]);

    // A case whose snapshot cannot be read is listed by its facts but not shown; a 批示 still goes to the branch.
    const list = await client.call<CaseListPage>('GET', '/console/api/cases?branch=SH01');
    expect(list.json.rows.map((r) => r.id).sort()).toEqual([goodId, badId].sort());
    const bad = await client.call<ConsoleErrorBody>('GET', `/console/api/cases/SH01/${badId}`);
    expect(bad.status).toBe(404);
    expect(bad.json).toMatchObject({
      code: 'NOT_FOUND',
      message: { zh: expect.stringContaining('无法读取'), en: expect.stringContaining('cannot be read') },
    });
    const sent = await client.call<InstructionAnswer>('POST', `/console/api/cases/SH01/${badId}/instructions`, {
      clientId: '0190a000-0000-7000-8000-00000000beef',
      text: '请核实后重新同步。',
    });
    expect(sent.status).toBe(201);
    expect(sent.json.instruction).toMatchObject({
      instructionId: '0190a000-0000-7000-8000-00000000beef',
      appliedByBranch: false,
    });

    const sum = await client.call<ConsoleSummary>(
      'GET',
      '/console/api/summary?period=month&date=2026-11-15&branch=SH01',
    );
    expect(sum.status).toBe(200);
    // The unreadable case and the bad slip count nowhere; the good slip of the unreadable case has no case to count under.
    expect(sum.json.cases).toBe(1);
    expect(sum.json.summary.byCategory).toEqual([expect.objectContaining({ key: 'service_attitude', count: 1 })]);
    expect(sum.json.summary.slips).toMatchObject({ count: 1, returnedFen: 5_970, refundFen: 5_970, qualityCount: 1 });
    expect(sum.json.names?.units).toEqual({ 'unit-shoes': '鞋部' });

    // A newer version that parses is shown again.
    await pushCases(hq, keys.SH01 as string, 'SH01', [{ ...unreadable, version: 2, events: [] }]);
    expect(
      (await client.call<CaseDetail>('GET', `/console/api/cases/SH01/${badId}`)).json.slips.map((x) => x.id),
    ).toEqual(['slip-of-unreadable']);
    expect(
      (await client.call<ConsoleSummary>('GET', '/console/api/summary?period=month&date=2026-11-15&branch=SH01')).json
        .cases,
    ).toBe(2);
  });
});
