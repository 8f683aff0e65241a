// The console's case list, search, case detail, 批示, repeat complainants and branch health
// over real HTTP on 127.0.0.1, on every head-office store.
import { describe, expect, it } from 'vitest';
import type {
  BranchHealthAnswer,
  CaseDetail,
  CaseListPage,
  CaseListRow,
  InstructionAnswer,
  RepeatComplainantsAnswer,
} from '../../src-headoffice/console/api-contract';
import { forwardCase } from '../../src-main/services/case-workflow';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { syncOnce } from '../../src-main/sync/sync-run';
import { loadCase } from '../../src-main/db/repositories/case-repo';
import { HQ_BACKENDS, scalar } from '../helpers/hq-backends';
import { openTestStore, phoneCase } from '../helpers/store';
import type { Hq } from '../sync/sync-harness';
import { caseSnapshot, type ConsoleClient, pushCases, pushRecords, useConsole } from './console-harness';

const CHANNELS = ['phone', 'in_store', 'government', 'online'];
const STATUSES = ['registered', 'in_progress', 'resolved', 'filed'];

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('console cases (%s)', (_name, backend) => {
  let hq: Hq;
  let client: ConsoleClient;
  let keys: Record<string, string>;
  useConsole(backend, (c) => ({ hq, client, keys } = c));

  async function allPages(query: string, limit: number): Promise<CaseListRow[]> {
    const rows: CaseListRow[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const r: { status: number; json: CaseListPage } = await client.call<CaseListPage>(
        'GET',
        `/console/api/cases?limit=${limit}${query}${after ? `&after=${after}` : ''}`,
      );
      expect(r.status).toBe(200);
      rows.push(...r.json.rows);
      after = r.json.nextCursor;
      if (!after) return rows;
    }
    throw new Error('no last page');
  }

  it('filters and pages by keyset with no duplicate and no gap, newest first', async () => {
    const all: Record<string, unknown>[] = [];
    for (const [bi, branch] of ['SH01', 'SH02', 'BJ01'].entries()) {
      // Same receivedAt across branches on purpose: ties are ordered by branch, then id.
      const snaps = Array.from({ length: 40 }, (_, i) =>
        caseSnapshot(branch, i + 1, {
          channel: CHANNELS[(i + bi) % 4],
          status: STATUSES[i % 4],
          receivedAt: Date.parse('2026-11-01T02:00:00Z') + Math.floor(i / 2) * 3_600_000,
        }),
      );
      expect((await pushCases(hq, keys[branch] as string, branch, snaps)).status).toBe(200);
      all.push(...snaps.map((s) => ({ ...s, branch })));
    }
    const expected = [...all]
      .sort(
        (a, b) =>
          Number(b.receivedAt) - Number(a.receivedAt) ||
          (String(a.branch) < String(b.branch)
            ? -1
            : String(a.branch) > String(b.branch)
              ? 1
              : String(a.id) < String(b.id)
                ? -1
                : 1),
      )
      .map((s) => `${String(s.branch)}/${String(s.id)}`);
    const rows = await allPages('', 7);
    expect(rows.map((r) => `${r.branch}/${r.id}`)).toEqual(expected);
    const first = await client.call<CaseListPage>('GET', '/console/api/cases?limit=7');
    expect(first.json).toMatchObject({ total: 120, totalExact: true });
    expect(first.json.rows[0]).toMatchObject({
      customerPhoneMasked: '139****0000',
      customerName: '王五',
      excerpt: '顾客反映服务台态度一般。',
      disputed: false,
      typical: false,
    });

    const filtered = await allPages('&branch=sh02&status=resolved', 4);
    expect(filtered.map((r) => `${r.branch}/${r.id}`)).toEqual(
      all
        .filter((s) => s.branch === 'SH02' && s.status === 'resolved')
        .map((s) => `SH02/${String(s.id)}`)
        .filter((k) => expected.includes(k))
        .sort((a, b) => expected.indexOf(a) - expected.indexOf(b)),
    );
    expect(filtered).toHaveLength(10);
    const byChannel = await allPages('&channel=government&category=service_attitude', 5);
    expect(byChannel).toHaveLength(30);
    expect(byChannel.every((r) => r.channel === 'government')).toBe(true);
    // Dates are days in Asia/Shanghai: 2026-11-01 10:00 +08:00 onwards, cases i = 0..3 on the first hours.
    const day = await allPages('&from=2026-11-01&to=2026-11-01', 50);
    expect(day).toHaveLength(120 - 3 * 2 * Math.max(0, 20 - 14));
    expect((await client.call<CaseListPage>('GET', '/console/api/cases?from=2026-11-03')).json.rows).toHaveLength(0);
  });

  it('searches Chinese text of 1, 2 and more characters, case numbers and phones by prefix', async () => {
    const snaps = [
      caseSnapshot('SH01', 1, {
        content: '新买的冰箱门关不严,要求上门维修。',
        customerName: '赵敏',
        customerPhone: '13812345678',
      }),
      caseSnapshot('SH01', 2, { content: '冰柜温度不够。', customerName: '钱多多', customerPhone: '13987654321' }),
      caseSnapshot('SH01', 3, { content: '收银员态度差。', customerName: '孙冰', customerPhone: '021-6000 1234' }),
      caseSnapshot('SH01', 4, {
        content: 'The TV remote is missing.',
        customerName: null,
        anonymous: true,
        customerPhone: null,
      }),
    ];
    await pushCases(hq, keys.SH01 as string, 'SH01', snaps);
    await pushCases(hq, keys.SH02 as string, 'SH02', [caseSnapshot('SH02', 1, { content: '冰箱有异味。' })]);
    const find = async (q: string) => (await allPages(`&q=${encodeURIComponent(q)}`, 50)).map((r) => r.number).sort();
    expect(await find('冰')).toEqual([
      'SH01-YY-202611-0001',
      'SH01-YY-202611-0002',
      'SH01-YY-202611-0003',
      'SH02-YY-202611-0001',
    ]);
    expect(await find('冰箱')).toEqual(['SH01-YY-202611-0001', 'SH02-YY-202611-0001']);
    expect(await find('冰箱门关')).toEqual(['SH01-YY-202611-0001']);
    expect(await find('赵敏')).toEqual(['SH01-YY-202611-0001']);
    expect(await find('tv REMOTE')).toEqual(['SH01-YY-202611-0004']);
    expect(await find('sh01-yy-202611-000')).toEqual([
      'SH01-YY-202611-0001',
      'SH01-YY-202611-0002',
      'SH01-YY-202611-0003',
      'SH01-YY-202611-0004',
    ]);
    expect(await find('138 1234')).toEqual(['SH01-YY-202611-0001']);
    expect(await find('0216000')).toEqual(['SH01-YY-202611-0003']);
    expect(await find('洗衣机')).toEqual([]);
    expect(await find('100%')).toEqual([]);
  });

  it('finds cases by phone tail, serial, receipt number and slip number, as the branch does', async () => {
    const a = caseSnapshot('SH01', 121, { customerPhone: '13912345721', receiptNo: 'R20261120-0042' });
    const b = caseSnapshot('SH01', 5721, { customerPhone: '13800000001' });
    const c = caseSnapshot('SH02', 121, { customerPhone: '021-6000 1234', receiptNo: 'r-lower-7' });
    const d = caseSnapshot('SH02', 7, { customerPhone: null, customerName: null, anonymous: true });
    await pushCases(hq, keys.SH01 as string, 'SH01', [a, b]);
    await pushCases(hq, keys.SH02 as string, 'SH02', [c, d]);
    await pushRecords(hq, keys.SH02 as string, 'SH02', [
      { type: 'slip', data: { id: 'slip-1', caseId: d.id, number: 'SH02-TH-202611-0003', version: 1 } },
    ]);
    const find = async (q: string) => (await allPages(`&q=${encodeURIComponent(q)}`, 50)).map((r) => r.number).sort();
    // "5721": a phone's last four digits (a) and a serial (b).
    expect(await find('5721')).toEqual(['SH01-YY-202611-0121', 'SH01-YY-202611-5721']);
    expect(await find('0121')).toEqual(['SH01-YY-202611-0121', 'SH02-YY-202611-0121']);
    expect(await find('202611-0121')).toEqual(['SH01-YY-202611-0121', 'SH02-YY-202611-0121']);
    expect(await find('202612-0121')).toEqual([]);
    expect(await find('R20261120-0042')).toEqual(['SH01-YY-202611-0121']);
    expect(await find('r-lower-7')).toEqual(['SH02-YY-202611-0121']);
    expect(await find('sh02-th-202611-0003')).toEqual(['SH02-YY-202611-0007']);
    expect(await find('SH02-TH-202611-0004')).toEqual([]);
    expect(await find('1234')).toEqual(['SH02-YY-202611-0121']);
  });

  it('a workable 待批示 queue: oldest first by default, major and overdue filters, a mark once a 批示 is given', async () => {
    const base = Date.parse('2026-11-01T02:00:00Z');
    const snaps = Array.from({ length: 9 }, (_, i) =>
      caseSnapshot('SH01', i + 1, {
        status: i < 6 ? 'awaiting_instruction' : 'filed',
        severity: i % 3 === 0 ? 'major' : 'general',
        receivedAt: base + i * 3_600_000,
        // Cases 1–4 were due in the past, 5–9 are due in a year; a filed case is never overdue.
        dueAt: i < 4 || i === 8 ? base + i * 3_600_000 + 60_000 : Date.now() + 365 * 86_400_000,
      }),
    );
    await pushCases(hq, keys.SH01 as string, 'SH01', snaps);
    const nums = (rows: CaseListRow[]) => rows.map((r) => r.number.slice(-2));

    // 待批示: the case waiting longest first, paged in that order without gaps.
    expect(nums(await allPages('&status=awaiting_instruction', 4))).toEqual(['01', '02', '03', '04', '05', '06']);
    expect(nums(await allPages('&status=awaiting_instruction&order=newest', 4))).toEqual([
      '06',
      '05',
      '04',
      '03',
      '02',
      '01',
    ]);
    expect(nums(await allPages('&order=oldest', 2))).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
    expect(nums(await allPages('', 50))).toEqual(['09', '08', '07', '06', '05', '04', '03', '02', '01']);
    expect(nums(await allPages('&severity=major', 50))).toEqual(['07', '04', '01']);
    expect(nums(await allPages('&overdue=1', 50))).toEqual(['04', '03', '02', '01']);
    expect(nums(await allPages('&overdue=1&severity=major&order=oldest', 50))).toEqual(['01', '04']);
    const bad = await client.call('GET', '/console/api/cases?order=sideways&overdue=yes');
    expect(bad.status).toBe(400);

    const first = snaps[0] as { id: string };
    const sent = await client.call('POST', `/console/api/cases/SH01/${first.id}/instructions`, {
      clientId: '0190a000-0000-7000-8000-00000000beef',
      text: '同意处理意见。',
    });
    expect(sent.status).toBe(201);
    const queue = await allPages('&status=awaiting_instruction', 50);
    expect(queue.map((r) => [r.number.slice(-2), r.instructed])).toEqual([
      ['01', true],
      ['02', false],
      ['03', false],
      ['04', false],
      ['05', false],
      ['06', false],
    ]);
  });

  it("lists each case's deadline as the branch last sent it", async () => {
    const due = Date.parse('2026-11-03T10:00:00Z');
    const a = caseSnapshot('SH01', 1, { dueAt: due });
    const b = caseSnapshot('SH01', 2, { dueAt: null });
    await pushCases(hq, keys.SH01 as string, 'SH01', [a, b]);
    const dueOf = async () => Object.fromEntries((await allPages('', 50)).map((r) => [r.id, r.dueAt]));
    expect(await dueOf()).toEqual({ [String(a.id)]: due, [String(b.id)]: null });
    // A newer version moves the deadline (an extension) or clears it (handled in time).
    await pushCases(hq, keys.SH01 as string, 'SH01', [
      { ...a, version: 2, dueAt: due + 86_400_000 },
      { ...b, version: 2, dueAt: null, status: 'filed' },
    ]);
    expect(await dueOf()).toEqual({ [String(a.id)]: due + 86_400_000, [String(b.id)]: null });
  });

  it('shows a synced case with its history, sends a 批示 the branch then pulls, idempotently', async () => {
    const s = openTestStore();
    try {
      const c = phoneCase(s);
      forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes, note: '请鞋柜核实' });
      const transport = new HttpTransport({ url: hq.url, branch: 'SH01', key: keys.SH01 as string });
      await syncOnce({ ctx: s.ctx, branch: 'SH01', transport });
      const d = await client.call<CaseDetail>('GET', `/console/api/cases/sh01/${c.id}`);
      expect(d.status).toBe(200);
      expect(d.json.case).toMatchObject({ id: c.id, number: c.number, status: 'in_progress', customerName: '张三' });
      expect(d.json.history.map((h) => h.action)).toEqual(['case.create', 'case.forward']);
      // The creation's snapshot (version 1) has been superseded by version 2: not shown as its "after".
      expect(d.json.history[0]).toMatchObject({ before: null, after: null, entity: 'case', entityId: c.id });
      expect(d.json.history[1]).toMatchObject({
        actorName: s.users.secretary.name,
        before: { status: 'registered' },
        after: { status: 'in_progress' },
      });
      expect(d.json.version).toBe(2);
      expect((await client.call('GET', '/console/api/cases/SH01/no-such-case')).status).toBe(404);

      const clientId = '0190a000-0000-7000-8000-00000000abcd';
      const sent = await client.call<InstructionAnswer>('POST', `/console/api/cases/SH01/${c.id}/instructions`, {
        clientId,
        text: '  同意处理意见,尽快回访。 ',
      });
      expect(sent.status).toBe(201);
      expect(sent.json).toMatchObject({
        created: true,
        instruction: {
          instructionId: clientId,
          text: '同意处理意见,尽快回访。',
          reviewerName: '李审核',
          appliedByBranch: false,
        },
      });
      const again = await client.call<InstructionAnswer>('POST', `/console/api/cases/SH01/${c.id}/instructions`, {
        clientId,
        text: '同意处理意见,尽快回访。',
      });
      expect(again.status).toBe(200);
      expect(again.json.created).toBe(false);
      expect(
        (await client.call('POST', `/console/api/cases/SH01/${c.id}/instructions`, { clientId, text: '另一条' }))
          .status,
      ).toBe(409);
      expect(await scalar(hq.db, 'SELECT count(*) FROM instructions')).toBe(1);

      const pulled = await syncOnce({ ctx: s.ctx, branch: 'SH01', transport });
      expect(pulled.instructionsApplied).toBe(1);
      const branchCase = loadCase(s.db, c.id);
      expect(branchCase?.instructions).toEqual([
        expect.objectContaining({ id: clientId, text: '同意处理意见,尽快回访。', reviewerName: '李审核' }),
      ]);
      // The branch's next push carries the applied instruction back.
      await syncOnce({ ctx: s.ctx, branch: 'SH01', transport });
      const after = await client.call<CaseDetail>('GET', `/console/api/cases/SH01/${c.id}`);
      expect(after.json.instructions).toEqual([
        expect.objectContaining({ instructionId: clientId, appliedByBranch: true }),
      ]);
    } finally {
      s.close();
    }
  });

  it('flags the same customer about the same matter across two branches or two channels, not other matters', async () => {
    const t = Date.parse('2026-10-01T02:00:00Z');
    const day = 86_400_000;
    await pushCases(hq, keys.SH01 as string, 'SH01', [
      caseSnapshot('SH01', 1, {
        customerName: '周杰',
        customerPhone: '+86 138-0000-1111',
        receiptNo: 'R-777',
        receivedAt: t,
        purchaseItems: [{ name: '空调' }],
      }),
      caseSnapshot('SH01', 2, {
        customerName: '吴用',
        customerPhone: '13900002222',
        receiptNo: 'R-1',
        receivedAt: t,
        channel: 'phone',
        purchaseItems: [{ name: '微波炉' }],
      }),
      caseSnapshot('SH01', 3, {
        customerName: '吴用',
        customerPhone: '13900002222',
        receiptNo: 'R-2',
        receivedAt: t + 10 * day,
        channel: 'in_store',
        purchaseItems: [{ name: '微波炉' }],
      }),
      caseSnapshot('SH01', 4, {
        customerName: '郑和',
        customerPhone: '13700003333',
        receiptNo: 'R-9',
        receivedAt: t,
        purchaseItems: [{ name: '电视' }],
      }),
    ]);
    await pushCases(hq, keys.SH02 as string, 'SH02', [
      caseSnapshot('SH02', 1, {
        customerName: '周杰',
        customerPhone: '13800001111',
        receiptNo: 'R-777',
        receivedAt: t + 5 * day,
        purchaseItems: [{ name: '冰箱' }],
      }),
      // Same customer, other branch, but another matter (other receipt and item).
      caseSnapshot('SH02', 2, {
        customerName: '郑和',
        customerPhone: '13700003333',
        receiptNo: 'R-10',
        receivedAt: t + day,
        purchaseItems: [{ name: '音响' }],
      }),
      // Same matter but more than 90 days later.
      caseSnapshot('SH02', 3, {
        customerName: '郑和',
        customerPhone: '13700003333',
        receiptNo: 'R-9',
        receivedAt: t + 120 * day,
        purchaseItems: [{ name: '电视' }],
      }),
    ]);
    const r = await client.call<RepeatComplainantsAnswer>(
      'GET',
      '/console/api/repeat-complainants?from=2026-01-01&to=2026-12-31',
    );
    expect(r.status).toBe(200);
    const groups = r.json.groups.map((g) => ({
      who: g.customerName,
      by: g.matchedBy,
      matter: g.matter,
      branches: g.branches,
      channels: g.channels,
      n: g.cases.length,
    }));
    expect(groups).toEqual([
      {
        who: '吴用',
        by: 'phone',
        matter: { kind: 'item', value: '微波炉' },
        branches: ['SH01'],
        channels: ['in_store', 'phone'],
        n: 2,
      },
      {
        who: '周杰',
        by: 'phone',
        matter: { kind: 'receipt', value: 'R-777' },
        branches: ['SH01', 'SH02'],
        channels: ['phone'],
        n: 2,
      },
    ]);
    expect(r.json.groups[1]?.customerPhoneMasked).toBe('138****1111');
    const sh02 = await client.call<RepeatComplainantsAnswer>(
      'GET',
      '/console/api/repeat-complainants?branch=SH02&from=2026-01-01&to=2026-12-31',
    );
    expect(sh02.json.groups.map((g) => g.customerName)).toEqual(['周杰']);
  });

  it('reports branch health: last batch, the backlog the branch reported, quarantined records and refusals', async () => {
    await pushCases(
      hq,
      keys.SH01 as string,
      'SH01',
      [caseSnapshot('SH01', 1), { ...caseSnapshot('SH01', 2), id: 42 }],
      17,
    );
    // SH02's own store: head office refuses another branch's records.
    const s = openTestStore({ settings: { branchCode: 'SH02' } });
    try {
      phoneCase(s);
      await syncOnce({
        ctx: s.ctx,
        branch: 'SH02',
        transport: new HttpTransport({ url: hq.url, branch: 'SH02', key: keys.SH02 as string }),
      });
    } finally {
      s.close();
    }
    const r = await client.call<BranchHealthAnswer>('GET', '/console/api/branches/health');
    expect(r.status).toBe(200);
    const by = Object.fromEntries(r.json.branches.map((b) => [b.branch, b]));
    expect(Object.keys(by)).toEqual(['BJ01', 'SH01', 'SH02']);
    expect(by.SH01).toMatchObject({ backlog: 17, quarantined: 1, recordsStored: 1, lastBatchSource: 'http' });
    expect(by.SH01?.lastBatchAt).toBeGreaterThan(0);
    expect(by.SH02).toMatchObject({ backlog: 0, quarantined: 0, lastBatchSource: 'http' });
    expect(by.SH02?.recordsStored).toBeGreaterThan(1);
    expect(by.BJ01).toMatchObject({ lastBatchAt: null, backlog: null, quarantined: 0, alerts: [] });
    // A damaged batch of a known branch shows as its last refusal.
    const bad = await pushCases(hq, keys.BJ01 as string, 'BJ01', [{ ...caseSnapshot('BJ01', 1) }]);
    expect(bad.status).toBe(200);
    const { encodeBatch } = await import('../../src-main/sync/batch-format');
    const { signRequest } = await import('../../src-main/sync/batch-sign');
    const body = encodeBatch('BJ01', 'E1', [{ seq: 2, type: 'case', id: 'x', version: 1, schema: 9, data: '{}' }]).body;
    const h = signRequest(keys.BJ01 as string, {
      method: 'POST',
      path: '/v1/batches',
      branch: 'BJ01',
      body,
      now: Date.now(),
    });
    expect(
      (
        await fetch(`${hq.url}/v1/batches`, {
          method: 'POST',
          headers: { ...h, 'content-type': 'application/octet-stream' },
          body: new Uint8Array(body),
        })
      ).status,
    ).toBe(422);
    const after = await client.call<BranchHealthAnswer>('GET', '/console/api/branches/health');
    const bj = after.json.branches.find((b) => b.branch === 'BJ01');
    expect(bj?.alerts[0]).toMatchObject({
      kind: 'SCHEMA_TOO_NEW',
      message: { zh: expect.any(String), en: expect.any(String) },
    });
  });
});
