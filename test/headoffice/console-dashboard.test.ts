// The day's dashboard (issue 13 §3) over real HTTP on every head-office store: each section empty
// and filled, the overdue counts equal to the list's overdue filter, a silent and a stale branch,
// a flagged product and one that is not, the list's product filter, and refusals.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CaseListPage, Dashboard } from '../../src-headoffice/console/api-contract';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import type { Hq } from '../sync/sync-harness';
import { caseSnapshot, type ConsoleClient, pushCases, useConsole } from './console-harness';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('console dashboard (%s)', (_name, backend) => {
  let hq: Hq;
  let client: ConsoleClient;
  let keys: Record<string, string>;
  let n = 0;
  useConsole(backend, (c) => ({ hq, client, keys } = c));

  const board = async (): Promise<Dashboard> => {
    const r = await client.call<Dashboard>('GET', '/console/api/dashboard');
    expect(r.status).toBe(200);
    return r.json;
  };
  /** A case of the branch received `ago` ms before now, last changed now (branch time): fresh data. */
  const recent = (branch: string, ago: number, over: Record<string, unknown> = {}) =>
    caseSnapshot(branch, ++n, { receivedAt: Date.now() - ago, updatedAt: Date.now(), purchaseItems: [], ...over });
  const push = async (branch: string, snaps: Record<string, unknown>[]) =>
    expect((await pushCases(hq, keys[branch] as string, branch, snaps)).status).toBe(200);

  it('is empty for a head office without cases, and names the branches that never synced', async () => {
    const d = await board();
    expect(d.newMajor).toMatchObject({ total: 0, totalExact: true, cases: [] });
    expect(d.overdueByBranch).toEqual([]);
    expect(d.awaiting).toMatchObject({ total: 0, totalExact: true, cases: [] });
    expect(d.products).toMatchObject({ scanned: 0, complete: true, flags: [] });
    expect(d.branchProblems.map((b) => [b.branch, b.problems.map((p) => p.kind)])).toEqual([
      ['BJ01', ['NEVER_SYNCED']],
      ['SH01', ['NEVER_SYNCED']],
      ['SH02', ['NEVER_SYNCED']],
    ]);
    expect(d.newMajor.since).toBe(d.now - 24 * HOUR);
  });

  it('new 重大 cases of the last 24 h, overdue by branch as the list counts them, the oldest 待批示 first', async () => {
    const majorNew = recent('SH01', 2 * HOUR, { severity: 'major', content: '顾客手被电水壶烫伤' });
    await push('SH01', [
      majorNew,
      recent('SH01', 3 * DAY, { severity: 'major' }),
      recent('SH01', HOUR),
      recent('SH01', 5 * DAY, { status: 'in_progress', dueAt: Date.now() - HOUR }),
      recent('SH01', 6 * DAY, { status: 'resolved', dueAt: Date.now() - 2 * HOUR }),
      recent('SH01', 7 * DAY, { status: 'filed', dueAt: Date.now() - HOUR }),
    ]);
    const waitLong = recent('SH02', 5 * DAY + HOUR, { status: 'awaiting_instruction' });
    const waitShort = recent('SH02', 2 * DAY + HOUR, { status: 'awaiting_instruction' });
    // Received 9 days ago, sent for sign-off yesterday: it has waited one day.
    const submitted = recent('SH02', 9 * DAY, { status: 'awaiting_instruction', submittedAt: Date.now() - DAY - HOUR });
    await push('SH02', [
      submitted,
      waitShort,
      waitLong,
      recent('SH02', DAY, { status: 'in_progress', dueAt: Date.now() + DAY }),
      recent('SH02', 9 * DAY, { status: 'not_accepted', dueAt: Date.now() - DAY }),
    ]);
    const d = await board();
    expect(d.newMajor.total).toBe(1);
    expect(d.newMajor.cases).toEqual([
      expect.objectContaining({
        branch: 'SH01',
        id: majorNew.id,
        number: majorNew.number,
        excerpt: '顾客手被电水壶烫伤',
      }),
    ]);
    expect(d.overdueByBranch).toEqual([{ branch: 'SH01', count: 2, countExact: true }]);
    // The same rule as the list's overdue filter: the link leads to exactly these cases.
    const listed = await client.call<CaseListPage>('GET', '/console/api/cases?branch=SH01&overdue=1');
    expect(listed.json.total).toBe(2);
    const none = await client.call<CaseListPage>('GET', '/console/api/cases?branch=SH02&overdue=1');
    expect(none.json.total).toBe(0);
    expect(d.awaiting.total).toBe(3);
    expect(d.awaiting.cases.map((c) => [c.id, c.daysWaiting, c.instructed])).toEqual([
      [waitLong.id, 5, false],
      [waitShort.id, 2, false],
      [submitted.id, 1, false],
    ]);
    // The 待批示 queue the card leads to starts the same way.
    const queue = await client.call<CaseListPage>('GET', '/console/api/cases?status=awaiting_instruction');
    expect(queue.json.rows.map((r) => r.id)).toEqual(d.awaiting.cases.map((c) => c.id));
    // Once a 批示 is given the entry says so.
    const given = await client.call('POST', `/console/api/cases/SH02/${waitLong.id}/instructions`, {
      clientId: randomUUID(),
      text: '请三日内回复顾客',
    });
    expect(given.status).toBe(201);
    expect((await board()).awaiting.cases[0]).toMatchObject({ id: waitLong.id, instructed: true });
    // Both branches sent fresh data: only BJ01 (never synced) is a branch problem.
    expect(d.branchProblems.map((b) => b.branch)).toEqual(['BJ01']);
  });

  it('a silent or stale branch is raised until acknowledged on sync health', async () => {
    await push('SH01', [recent('SH01', HOUR)]);
    await push('SH02', [recent('SH02', 12 * DAY, { updatedAt: Date.now() - 10 * DAY })]);
    let d = await board();
    const sh02 = d.branchProblems.find((b) => b.branch === 'SH02');
    expect(sh02?.problems.map((p) => p.kind)).toEqual(['STALE_DATA']);
    expect(d.branchProblems.map((b) => b.branch)).toEqual(['BJ01', 'SH02']);
    const stale = sh02?.problems[0];
    const ack = await client.call('POST', '/console/api/branches/health/acks', {
      branch: 'SH02',
      kind: 'STALE_DATA',
      at: stale?.at,
    });
    expect(ack.status).toBe(200);
    d = await board();
    expect(d.branchProblems.map((b) => b.branch)).toEqual(['BJ01']);
    // Two days later with no batch from SH01: it is silent.
    hq.clock.offset = 2 * DAY;
    expect((await client.signIn()).status).toBe(200);
    d = await board();
    expect(d.branchProblems.find((b) => b.branch === 'SH01')?.problems.map((p) => p.kind)).toEqual(['SILENT']);
  });

  it('flags a product of 3 customers or 2 branches within 30 days, not one of 2 customers at one branch', async () => {
    const item = (name: string) => [{ name }];
    await push('SH01', [
      recent('SH01', DAY, { purchaseItems: item('空气炸锅'), customerPhone: '13900000001' }),
      recent('SH01', 2 * DAY, { purchaseItems: item('空气炸锅'), customerPhone: '13900000002' }),
      recent('SH01', 3 * DAY, { purchaseItems: [{ name: '空气炸锅' }, { name: '吹风机' }], anonymous: true }),
      recent('SH01', 4 * DAY, { purchaseItems: item('吹风机'), customerPhone: '13900000004' }),
      recent('SH01', DAY, { purchaseItems: item('电水壶'), customerPhone: '13900000005' }),
      // Outside the window: does not count.
      recent('SH01', 40 * DAY, { purchaseItems: item('吹风机'), customerPhone: '13900000006' }),
      // The same customer three times is one customer.
      recent('SH01', DAY, { purchaseItems: item('微波炉'), customerPhone: '13900000007' }),
      recent('SH01', 2 * DAY, { purchaseItems: item('微波炉'), customerPhone: '13900000007' }),
      recent('SH01', 3 * DAY, { purchaseItems: item('微波炉'), customerPhone: '13900000007' }),
    ]);
    await push('SH02', [recent('SH02', 5 * DAY, { purchaseItems: item('电水壶'), customerPhone: '13900000005' })]);
    const d = await board();
    expect(d.products.complete).toBe(true);
    expect(d.products.scanned).toBe(9);
    expect(d.products.flags.map((f) => [f.item, f.customers, f.branches, f.cases])).toEqual([
      ['空气炸锅', 3, ['SH01'], 3],
      ['电水壶', 1, ['SH01', 'SH02'], 2],
    ]);
    // The flag leads to the list filtered by the item's whole name.
    const listed = await client.call<CaseListPage>(
      'GET',
      `/console/api/cases?item=${encodeURIComponent('空气炸锅')}&limit=2`,
    );
    expect([listed.json.total, listed.json.rows.length, listed.json.nextCursor !== null]).toEqual([3, 2, true]);
    const part = await client.call<CaseListPage>('GET', `/console/api/cases?item=${encodeURIComponent('空气')}`);
    expect(part.json.total).toBe(0);
  });

  it('refuses without a session and a product name that is too long, naming the field', async () => {
    const tooLong = await client.call('GET', `/console/api/cases?item=${'壶'.repeat(201)}`);
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.json)).toContain('商品');
    expect(JSON.stringify(tooLong.json)).toContain('Product');
    await client.call('DELETE', '/console/api/session');
    const out = await client.call('GET', '/console/api/dashboard');
    expect(out.status).toBe(401);
    expect(out.json).toMatchObject({ code: 'NOT_SIGNED_IN' });
  });
});
