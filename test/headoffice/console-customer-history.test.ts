// SPEC §9 at head office: the same customer's cases across branches on the case page, and the flag for
// 3+ unfounded (失实) findings in a rolling 12 months (by the finding's own time) on the page and the
// list's rows — matched by phone, else name; an anonymous case never matched — on every store.
import { describe, expect, it } from 'vitest';
import type { CaseDetail, CaseListPage } from '../../src-headoffice/console/api-contract';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import type { Hq } from '../sync/sync-harness';
import { caseSnapshot, type ConsoleClient, pushRecords, useConsole } from './console-harness';

const DAY = 86_400_000;
const NOW = Date.now();
const REPEAT = '138 0013 8000';

const unfounded = (branch: string, n: number, daysAgo: number, over: Record<string, unknown> = {}) =>
  caseSnapshot(branch, n, {
    customerPhone: REPEAT,
    customerName: '钱先生',
    status: 'filed',
    finding: 'unfounded',
    findingAt: NOW - daysAgo * DAY,
    receivedAt: NOW - (daysAgo + 2) * DAY,
    ...over,
  });

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('customer history at head office (%s)', (_n, backend) => {
  let hq: Hq;
  let client: ConsoleClient;
  let keys: Record<string, string>;
  useConsole(backend, (c) => ({ hq, client, keys } = c));

  const push = (branch: string, cases: Record<string, unknown>[]) =>
    pushRecords(
      hq,
      keys[branch] as string,
      branch,
      cases.map((data) => ({ type: 'case', data })),
    );
  const detail = (c: Record<string, unknown>) =>
    client.call<CaseDetail>('GET', `/console/api/cases/${String(c.branchCode)}/${String(c.id)}`);

  it('flags a customer with three unfounded findings at two branches in 16 days, on the case and in the list', async () => {
    const a = unfounded('SH01', 1, 16);
    const b = unfounded('SH02', 2, 9);
    const c = unfounded('SH01', 3, 1);
    const fresh = caseSnapshot('SH02', 4, { customerPhone: REPEAT, customerName: '钱先生', receivedAt: NOW - DAY });
    const other = caseSnapshot('SH01', 5, { customerPhone: '139 1111 2222', receivedAt: NOW - DAY });
    await push('SH01', [a, c, other]);
    await push('SH02', [b, fresh]);

    const d = await detail(fresh);
    expect(d.status).toBe(200);
    expect(d.json.customer).toMatchObject({ unfoundedLast12Months: 3, unfoundedBranches: 2, flagged: true });
    expect(d.json.customer?.cases.map((x) => x.number).sort()).toEqual(
      [a.number, b.number, c.number].map(String).sort(),
    );
    expect(d.json.customer?.cases.every((x) => x.finding === 'unfounded')).toBe(true);

    const list = await client.call<CaseListPage>('GET', '/console/api/cases?limit=50');
    const mark = new Map(list.json.rows.map((r) => [r.number, r.repeatUnfounded]));
    expect(mark.get(String(fresh.number))).toBe(3);
    expect(mark.get(String(a.number))).toBe(3);
    expect(mark.get(String(other.number))).toBeUndefined();
    expect((await detail(other)).json.customer).toMatchObject({ cases: [], flagged: false });
  });

  it('counts only the last 12 months by the finding’s own time', async () => {
    const old = unfounded('SH01', 1, 400);
    const recent = [unfounded('SH01', 2, 30), unfounded('SH02', 3, 10)];
    await push('SH01', [old, recent[0] as Record<string, unknown>]);
    await push('SH02', [recent[1] as Record<string, unknown>]);
    const d = await detail(recent[1] as Record<string, unknown>);
    expect(d.json.customer).toMatchObject({ unfoundedLast12Months: 2, flagged: false });
    // The old case is still the customer's history, only not counted.
    expect(d.json.customer?.cases.map((x) => x.number)).toContain(String(old.number));
    const list = await client.call<CaseListPage>('GET', '/console/api/cases?limit=50');
    expect(list.json.rows.some((r) => r.repeatUnfounded !== undefined)).toBe(false);
  });

  it('matches by name when there is no phone, and never an anonymous case', async () => {
    const noPhone = (n: number, daysAgo: number) =>
      unfounded('SH01', n, daysAgo, { customerPhone: undefined, customerName: '孙女士' });
    const cases = [noPhone(1, 20), noPhone(2, 10), noPhone(3, 5)];
    const anonymous = caseSnapshot('SH02', 4, {
      anonymous: true,
      customerPhone: undefined,
      customerName: undefined,
      receivedAt: NOW - DAY,
    });
    await push('SH01', cases);
    await push('SH02', [anonymous]);
    const d = await detail(cases[2] as Record<string, unknown>);
    expect(d.json.customer).toMatchObject({ unfoundedLast12Months: 3, unfoundedBranches: 1, flagged: true });
    expect(d.json.customer?.cases).toHaveLength(2);
    expect((await detail(anonymous)).json.customer).toMatchObject({ cases: [], unfoundedLast12Months: 0 });
  });
});
