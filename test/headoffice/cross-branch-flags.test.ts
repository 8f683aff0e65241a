// Issue 18 §3, §4 on every head-office store, over real HTTP with real branch stores: a customer
// unfounded twice at SH01 and once at SH02 is flagged at SH03 after its sync (a phone in another
// spelling matches; nothing published names the phone); the same receipt + item refunded at SH01 and
// SH02 (two spellings of the receipt) is flagged at both after their next sync, not at SH03.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { intakeCheck } from '../../src-main/services/case-intake';
import { doubleRefundsWaiting, slipDoubleRefunds } from '../../src-main/services/cross-branch-refunds';
import { createSlip, voidSlip } from '../../src-main/services/slips';
import { phoneHash } from '../../src-main/db/repositories/cross-branch-repo';
import { CrossBranchFlags } from '../../src-main/shared/cross-branch-protocol';
import { syncOnce } from '../../src-main/sync/sync-run';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { returnInput } from '../helpers/slips';
import { openTestStore, type TestStore } from '../helpers/store';
import { type Hq, startHq, transportFor } from '../sync/sync-harness';
import { addReviewer } from '../../src-headoffice/console/reviewers';
import type { DoubleRefundsAnswer } from '../../src-headoffice/console/api-contract';
import { caseSnapshot, ConsoleClient, PASSWORD, pushCases } from './console-harness';

const YEAR = 365 * 86_400_000;

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('cross-branch flags (%s)', (_name, backend) => {
  let hq: Hq;
  let keys: Record<string, string>;
  const stores: TestStore[] = [];
  const branchStore = (code: string) => {
    const s = openTestStore({ settings: { branchCode: code } });
    stores.push(s);
    return s;
  };
  const sync = (s: TestStore, code: string) =>
    syncOnce({ ctx: s.ctx, branch: code, transport: transportFor(hq, code, keys[code] as string) });

  beforeEach(async () => {
    hq = await startHq({ backend, crossBranchRefreshMs: 0, limits: { rateMax: 100_000 } });
    keys = {};
    for (const b of ['SH01', 'SH02', 'SH03']) keys[b] = await hq.addBranch(b);
  });
  afterEach(async () => {
    for (const s of stores.splice(0)) s.close();
    await hq.close();
  });

  it('flags at SH03 a customer unfounded twice at SH01 and once at SH02, by a keyed hash only', async () => {
    const unfounded = { finding: 'unfounded', status: 'filed' };
    await pushCases(hq, keys.SH01 as string, 'SH01', [
      caseSnapshot('SH01', 1, { ...unfounded, customerPhone: '139 0000 0000' }),
      caseSnapshot('SH01', 2, { ...unfounded, customerPhone: '13900000000', channel: 'letter' }),
      // Founded, and unfounded more than 12 months ago: not counted.
      caseSnapshot('SH01', 3, { finding: 'founded', customerPhone: '13900000000' }),
      caseSnapshot('SH01', 4, {
        ...unfounded,
        customerPhone: '13900000000',
        receivedAt: Date.now() - YEAR - 86_400_000,
      }),
      // Another customer, once.
      caseSnapshot('SH01', 5, { ...unfounded, customerPhone: '13711112222', customerName: '赵六' }),
    ]);
    await pushCases(hq, keys.SH02 as string, 'SH02', [
      caseSnapshot('SH02', 1, { ...unfounded, customerPhone: '+86 139-0000-0000', channel: 'government' }),
    ]);

    const sh03 = branchStore('SH03');
    const before = intakeCheck(sh03.ctx, sh03.users.clerk, { phone: '13900000000' });
    expect(before.otherBranches).toBeNull();
    expect(before.flagged).toBe(false);
    await sync(sh03, 'SH03');
    // Another spelling of the phone, typed at SH03, where the customer is unknown.
    const check = intakeCheck(sh03.ctx, sh03.users.clerk, { phone: '139-0000 0000' });
    expect(check.otherBranches?.unfounded).toBe(3);
    expect(check.otherBranches?.asOf).toBeGreaterThan(0);
    expect(check.flagged).toBe(true);
    expect(intakeCheck(sh03.ctx, sh03.users.clerk, { phone: '13711112222' }).otherBranches?.unfounded).toBe(1);
    expect(intakeCheck(sh03.ctx, sh03.users.clerk, { phone: '13711112222' }).flagged).toBe(false);
    expect(intakeCheck(sh03.ctx, sh03.users.clerk, { phone: '13800000000' }).otherBranches?.unfounded).toBe(0);

    // What was published, and what SH03 keeps: no phone in any spelling, no name.
    const raw = await transportFor(hq, 'SH03', keys.SH03 as string).crossBranch();
    const published = JSON.stringify(CrossBranchFlags.parse(raw));
    for (const leak of ['13900000000', '0000 0000', '0000-0000', '13711112222', '王五', '赵六'])
      expect(published).not.toContain(leak);
    expect(raw?.complainants.map((c) => c.unfounded).sort()).toEqual([1, 3]);
    const kept = JSON.stringify(sh03.db.prepare('SELECT * FROM cross_branch_complainants').all());
    expect(kept).not.toContain('13900000000');
    // Each branch hashes under its own key: SH01's list does not match SH03's.
    const other = await transportFor(hq, 'SH01', keys.SH01 as string).crossBranch();
    expect(other?.phoneKey).not.toBe(raw?.phoneKey);
    expect(other?.complainants.some((c) => raw?.complainants.some((r) => r.h === c.h))).toBe(false);
    // SH01 is told only of the other branches: SH02's one (the customer of 赵六 only unfounded at SH01 is left out).
    expect(other?.complainants).toEqual([{ h: phoneHash(String(other?.phoneKey), '13900000000'), unfounded: 1 }]);
  });

  it('recomputes after imports at most once per refresh period', async () => {
    await hq.close();
    hq = await startHq({ backend, crossBranchRefreshMs: 60_000, limits: { rateMax: 100_000 } });
    for (const b of ['SH01', 'SH03']) keys[b] = await hq.addBranch(b);
    const ask = async () => (await transportFor(hq, 'SH03', keys.SH03 as string).crossBranch())?.complainants ?? [];
    const unfounded = { finding: 'unfounded', status: 'filed' };
    await pushCases(hq, keys.SH01 as string, 'SH01', [caseSnapshot('SH01', 1, unfounded)]);
    expect((await ask()).map((c) => c.unfounded)).toEqual([1]);
    await pushCases(hq, keys.SH01 as string, 'SH01', [caseSnapshot('SH01', 2, unfounded)]);
    // Within the period: the list computed before.
    expect((await ask()).map((c) => c.unfounded)).toEqual([1]);
    hq.clock.offset += 61_000;
    expect((await ask()).map((c) => c.unfounded)).toEqual([2]);
  });

  it('flags at SH01 and SH02 the same receipt and item refunded at both, after their next sync', async () => {
    const sh01 = branchStore('SH01');
    const sh02 = branchStore('SH02');
    const sh03 = branchStore('SH03');
    const a = createSlip(sh01.ctx, sh01.users.clerk, returnInput(sh01, { receiptNo: 'R20261120-0042' }));
    const b = createSlip(sh02.ctx, sh02.users.clerk, returnInput(sh02, { receiptNo: 'r20261120 042' }));
    // Same receipt at SH03 but another item: not a double refund.
    createSlip(
      sh03.ctx,
      sh03.users.clerk,
      returnInput(sh03, {
        receiptNo: 'R20261120-0042',
        returnedLines: [{ itemCode: '6900000000001', name: '袜子', quantity: 1, unitPriceFen: 1_000 }],
        refundFen: 1_000,
      }),
    );
    for (const [s, code] of [
      [sh01, 'SH01'],
      [sh02, 'SH02'],
      [sh03, 'SH03'],
    ] as const)
      await sync(s, code);
    // SH01 synced before SH02's slip arrived: told on its next sync.
    expect(doubleRefundsWaiting(sh01.ctx, sh01.users.manager, {}).refunds).toEqual([]);
    await sync(sh01, 'SH01');
    for (const [s, own, other] of [
      [sh01, a, 'SH02'],
      [sh02, b, 'SH01'],
    ] as const) {
      const view = doubleRefundsWaiting(s.ctx, s.users.manager, {});
      expect(view.asOf).toBeGreaterThan(0);
      expect(view.refunds).toHaveLength(1);
      expect(view.refunds[0]).toMatchObject({ receiptKey: 'R20261120-42', itemCode: '6901234567890' });
      expect(view.refunds[0]?.slips.map((x) => x.branch).sort()).toEqual(['SH01', 'SH02']);
      expect(view.refunds[0]?.slips.map((x) => x.branch)).toContain(other);
      expect(view.refunds[0]?.localSlips).toEqual([{ id: own.id, number: own.number }]);
      expect(slipDoubleRefunds(s.ctx, s.users.clerk, { slipId: own.id }).refunds).toHaveLength(1);
    }
    expect(doubleRefundsWaiting(sh03.ctx, sh03.users.manager, {}).refunds).toEqual([]);
    // The console lists it for a signed-in reviewer (and for no one else).
    const client = new ConsoleClient(hq);
    expect((await client.call('GET', '/console/api/double-refunds')).status).toBe(401);
    await addReviewer(hq.db, { username: 'li', name: '李审核', password: PASSWORD }, Date.now());
    await client.signIn();
    const listed = await client.call<DoubleRefundsAnswer>('GET', '/console/api/double-refunds');
    expect(listed.json.refunds.map((r) => [r.receiptKey, r.itemCode, r.slips.map((x) => x.number)])).toEqual([
      ['R20261120-42', '6901234567890', [a.number, b.number].sort()],
    ]);

    // SH02 voids its slip: after the syncs the flag is gone at both.
    voidSlip(sh02.ctx, sh02.users.manager, { slipId: b.id, reason: '录入错误,顾客未退货' });
    await sync(sh02, 'SH02');
    await sync(sh01, 'SH01');
    expect(doubleRefundsWaiting(sh01.ctx, sh01.users.manager, {}).refunds).toEqual([]);
    expect(doubleRefundsWaiting(sh02.ctx, sh02.users.manager, {}).refunds).toEqual([]);
  });
});
