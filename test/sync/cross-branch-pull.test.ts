// The branch's side of the cross-branch flags (issue 18 §3, §4) over HTTP answers: stored whole, replacing
// what was held; an older head office (404) leaves what was held; an answer that does not read (a phone
// key that is not one, a count below zero) is refused and changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { intakeCheck } from '../../src-main/services/case-intake';
import { doubleRefundsHeld, phoneHash } from '../../src-main/db/repositories/cross-branch-repo';
import { pullCrossBranchFlags } from '../../src-main/sync/cross-branch-pull';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { openTestStore, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s.close());

const KEY = 'cd'.repeat(32);
const answer = (unfounded: number, over: Record<string, unknown> = {}) => ({
  asOf: Date.parse('2026-11-30T01:00:00Z'),
  phoneKey: KEY,
  complainants: [{ h: phoneHash(KEY, '13800138000'), unfounded }],
  doubleRefunds: [
    {
      receiptKey: 'R20261120-42',
      itemCode: '6901234567890',
      slips: [
        { branch: 'SH01', number: 'SH01-TH-202611-0001', handledAt: 1 },
        { branch: 'SH02', number: 'SH02-TH-202611-0004', handledAt: 2 },
      ],
    },
  ],
  ...over,
});

/** A transport whose head office answers GET /v1/cross-branch with this status and body. */
const transport = (status: number, body: unknown) =>
  new HttpTransport({
    url: 'http://127.0.0.1:9',
    branch: 'SH01',
    key: 'k'.repeat(44),
    fetch: async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  });

const others = () => intakeCheck(s.ctx, s.users.clerk, { phone: '138 0013 8000' }).otherBranches;

describe('pulling the cross-branch flags', () => {
  it('stores the answer whole and replaces it on the next', async () => {
    s = openTestStore();
    expect(await pullCrossBranchFlags(s.ctx, transport(200, answer(2)))).toBe(true);
    expect(others()).toEqual({ unfounded: 2, asOf: Date.parse('2026-11-30T01:00:00Z') });
    expect(doubleRefundsHeld(s.db)).toHaveLength(1);
    expect(await pullCrossBranchFlags(s.ctx, transport(200, answer(5, { doubleRefunds: [] })))).toBe(true);
    expect(others()?.unfounded).toBe(5);
    expect(doubleRefundsHeld(s.db)).toEqual([]);
  });

  it('an older head office (404) leaves what was held; a transport without the call asks nothing', async () => {
    s = openTestStore();
    await pullCrossBranchFlags(s.ctx, transport(200, answer(2)));
    const gone = { code: 'NOT_FOUND', message: { zh: '没有这个地址', en: 'No such endpoint' } };
    expect(await pullCrossBranchFlags(s.ctx, transport(404, gone))).toBe(false);
    expect(others()?.unfounded).toBe(2);
    expect(
      await pullCrossBranchFlags(s.ctx, { push: async () => ({}) as never, pull: async () => ({}) as never }),
    ).toBe(false);
    expect(others()?.unfounded).toBe(2);
  });

  it('refuses an answer that does not read, changing nothing', async () => {
    s = openTestStore();
    await pullCrossBranchFlags(s.ctx, transport(200, answer(2)));
    for (const bad of [
      answer(3, { phoneKey: '13800138000' }),
      answer(-1),
      answer(3, { complainants: [{ h: '13800138000', unfounded: 3 }] }),
    ])
      await expect(pullCrossBranchFlags(s.ctx, transport(200, bad))).rejects.toThrow();
    expect(others()?.unfounded).toBe(2);
    expect(doubleRefundsHeld(s.db)).toHaveLength(1);
  });
});
