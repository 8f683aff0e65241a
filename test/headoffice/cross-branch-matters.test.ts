// Cases of one matter at head office (issue 22 §4) over real HTTP on every head-office store: the branch's
// links and merges projected from its snapshots (matterId, mergedInto) and shown on the case's matters; the
// cross-branch suggestions (same customer AND same receipt or item, open or recent; never a merged
// duplicate), ranked with why; a reviewer's link and unlink with every refusal (nothing stored), audited
// append-only; the branch records never edited; and each case concerned told on its branch's pull.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleSummary } from '../../src-headoffice/console/api-contract';
import type { CaseListPage } from '../../src-headoffice/console/contract-cases';
import type { CaseMattersAnswer, MatterAnswer } from '../../src-headoffice/console/contract-matters';
import { caseMattersPath } from '../../src-headoffice/console/contract-matters';
import { matterNoticesSince } from '../../src-headoffice/matter-notices-pull';
import type { ErrorBody } from '../../src-main/sync/protocol';
import { HQ_BACKENDS, scalar } from '../helpers/hq-backends';
import type { Hq } from '../sync/sync-harness';
import { caseSnapshot, type ConsoleClient, pushCases, startConsole } from './console-harness';

const DAY = 86_400_000;

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('cross-branch matters (%s)', (_name, backend) => {
  let hq: Hq;
  let client: ConsoleClient;
  let keys: Record<string, string>;
  beforeEach(async () => {
    ({ hq, client, keys } = await startConsole(backend));
    await client.signIn();
  });
  afterEach(async () => {
    await hq.close();
  });

  const matters = (branch: string, id: string) =>
    client.call<CaseMattersAnswer & ErrorBody>('GET', caseMattersPath(branch, id));
  const link = (body: unknown) => client.call<MatterAnswer & ErrorBody>('POST', '/console/api/matters', body);
  const unlink = (body: unknown) => client.call<MatterAnswer & ErrorBody>('POST', '/console/api/matters/unlink', body);
  const at = Date.parse('2026-11-10T02:00:00Z');

  it("projects the branch's links and merges from its snapshots and shows them on the case", async () => {
    const a = caseSnapshot('SH01', 1, { matterId: 'M-1' });
    const b = caseSnapshot('SH01', 2, { matterId: 'M-1', channel: 'government' });
    const dup = caseSnapshot('SH01', 3, {
      matterId: 'M-1',
      status: 'filed',
      mergedInto: a.id,
      mergedIntoNumber: a.number,
      mergedAt: at,
      mergedBy: '李秘书',
      mergeReason: '重复来电',
    });
    // An older branch: no fields; a malformed pointer projects as not merged, the case still lists.
    const old = caseSnapshot('SH01', 4);
    const odd = caseSnapshot('SH01', 5, { matterId: 7, mergedInto: { nope: 1 } });
    expect((await pushCases(hq, keys.SH01 as string, 'SH01', [a, b, dup, old, odd])).status).toBe(200);
    const row = (id: unknown) =>
      hq.db.get<{ matter_id: string | null; merged_into: string | null }>(
        'SELECT matter_id, merged_into FROM hq_cases WHERE branch = ? AND id = ?',
        ['SH01', String(id)],
      );
    expect(await row(dup.id)).toEqual({ matter_id: 'M-1', merged_into: a.id });
    expect(await row(old.id)).toEqual({ matter_id: null, merged_into: null });
    expect(await row(odd.id)).toEqual({ matter_id: null, merged_into: null });

    const ofA = await matters('SH01', String(a.id));
    expect(ofA.status).toBe(200);
    expect(ofA.json.branchMatter?.cases.map((c) => c.number)).toEqual(['SH01-YY-202611-0002', 'SH01-YY-202611-0003']);
    expect(ofA.json.mergedFrom.map((c) => c.number)).toEqual(['SH01-YY-202611-0003']);
    expect(ofA.json.mergedInto).toBeNull();
    const ofDup = await matters('SH01', String(dup.id));
    expect(ofDup.json.mergedInto?.number).toBe('SH01-YY-202611-0001');
    expect(ofDup.json.suggestions).toEqual([]);
    expect((await matters('SH01', String(old.id))).json.branchMatter).toBeNull();
    // The case list marks them too.
    const list = await client.call<CaseListPage>('GET', '/console/api/cases?branch=SH01');
    const byNo = new Map(list.json.rows.map((r) => [r.number, r]));
    expect(byNo.get(String(dup.number))).toMatchObject({ matterId: 'M-1', mergedInto: a.id, crossBranchMatter: false });
    expect(byNo.get(String(old.number))).toMatchObject({ matterId: null, mergedInto: null });

    // Undone at the branch: the next version drops the pointer, and the projection follows.
    await pushCases(hq, keys.SH01 as string, 'SH01', [{ ...dup, status: 'in_progress', mergedInto: null, version: 2 }]);
    expect(await row(dup.id)).toEqual({ matter_id: 'M-1', merged_into: null });
    expect((await matters('SH01', String(a.id))).json.mergedFrom).toEqual([]);
    expect((await matters('SH01', 'nope')).status).toBe(404);
  });

  it('suggests cases of one matter at other branches, ranked with why; a reviewer links and unlinks them, audited', async () => {
    const mine = caseSnapshot('SH01', 1, {
      receivedAt: at,
      receiptNo: 'R-77',
      purchaseItems: [{ name: '电饭煲', code: '6901-111' }],
    });
    // Same phone, same receipt and item: the strongest.
    const sh02 = caseSnapshot('SH02', 2, {
      receivedAt: at + DAY,
      receiptNo: 'R-77',
      purchaseItems: [{ name: '电饭煲', code: '6901111' }],
    });
    // Same phone, same item (by code), another receipt.
    const bj = caseSnapshot('BJ01', 3, {
      receivedAt: at + 2 * DAY,
      purchaseItems: [{ name: '饭煲', code: '6901111' }],
    });
    // Same phone, nothing of the matter in common: not suggested.
    const other = caseSnapshot('SH02', 4, { receivedAt: at, purchaseItems: [{ name: '皮鞋' }] });
    // Same item and receipt, another customer: not suggested.
    const stranger = caseSnapshot('SH02', 5, { receivedAt: at, receiptNo: 'R-77', customerPhone: '137 1111 2222' });
    // Closed long before: not suggested; a merged duplicate never is (its primary is).
    const closedOld = caseSnapshot('SH02', 6, { receivedAt: at - 200 * DAY, status: 'filed', receiptNo: 'R-77' });
    const merged = caseSnapshot('BJ01', 7, { receivedAt: at, receiptNo: 'R-77', mergedInto: String(bj.id) });
    // Same branch: the branch links its own cases itself.
    const same = caseSnapshot('SH01', 8, { receivedAt: at, receiptNo: 'R-77' });
    await pushCases(hq, keys.SH01 as string, 'SH01', [mine, same]);
    await pushCases(hq, keys.SH02 as string, 'SH02', [sh02, other, stranger, closedOld]);
    await pushCases(hq, keys.BJ01 as string, 'BJ01', [bj, merged]);

    const got = (await matters('SH01', String(mine.id))).json;
    expect(got.crossBranch).toBeNull();
    expect(got.suggestions.map((s) => [s.number, s.score, s.reasons, s.matched])).toEqual([
      ['SH02-YY-202611-0002', 85, ['phone', 'receipt', 'item'], { receipt: 'R-77', item: '电饭煲 (6901111)' }],
      ['BJ01-YY-202611-0003', 55, ['phone', 'item'], { receipt: null, item: '电饭煲 (6901111)' }],
    ]);

    const stored = async () => [
      await scalar(hq.db, 'SELECT count(*) FROM hq_matter_cases'),
      await scalar(hq.db, 'SELECT count(*) FROM hq_matter_log'),
      await scalar(hq.db, 'SELECT count(*) FROM hq_matter_notices'),
    ];
    const k = (c: Record<string, unknown>) => ({ branch: String(c.branchCode), id: String(c.id) });
    for (const [body, status, field] of [
      [{ linkCases: [k(mine)] }, 400, 'linkCases'],
      [{ linkCases: [k(mine), k(same)] }, 400, 'linkCases'],
      [{ linkCases: [k(mine), { branch: 'SH02', id: 'nope' }] }, 404, 'linkCases'],
      [{ linkCases: [k(mine), k(sh02)], extra: 1 }, 400, undefined],
    ] as const) {
      const bad = await link(body);
      expect(bad.status).toBe(status);
      if (field) expect(bad.json.issues?.[0]?.field).toBe(field);
      expect(bad.json.message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    const dup = await link({ linkCases: [k(mine), k(merged)] });
    expect(dup.status).toBe(409);
    expect(dup.json.message.zh).toContain('BJ01-YY-202611-0007');
    expect(await stored()).toEqual([0, 0, 0]);

    // Two reviewers at once: one links, the other is refused in words (never a 500).
    const [made, racing] = await Promise.all([
      link({ linkCases: [k(mine), k(sh02)] }),
      link({ linkCases: [k(sh02), k(mine)] }),
    ]).then((both) => both.sort((x, y) => x.status - y.status));
    if (!made || !racing) throw new Error('two answers expected');
    expect([made.status, racing.status]).toEqual([201, 409]);
    expect(racing.json.message.zh).toMatch(/已关联|另一位审核人员/);
    const matterId = made.json.matter?.matterId as string;
    expect(made.json.matter?.cases.map((c) => [c.number, c.linkedByName])).toEqual([
      ['SH01-YY-202611-0001', '李审核'],
      ['SH02-YY-202611-0002', '李审核'],
    ]);
    expect((await link({ linkCases: [k(sh02), k(mine)] })).status).toBe(409);
    // A third branch joins the same matter; the suggestion no longer lists cases already in it.
    const joined = await link({ linkCases: [k(bj), k(sh02)] });
    expect(joined.json.matter?.matterId).toBe(matterId);
    const now = (await matters('SH01', String(mine.id))).json;
    expect(now.crossBranch?.cases.map((c) => c.branch)).toEqual(['SH01', 'SH02', 'BJ01']);
    expect(now.suggestions).toEqual([]);
    const listed = await client.call<CaseListPage>('GET', '/console/api/cases?branch=BJ01');
    expect(listed.json.rows.find((r) => r.id === bj.id)?.crossBranchMatter).toBe(true);
    // The branch records are untouched: head office links, it does not edit them.
    expect(await scalar(hq.db, "SELECT count(*) FROM records WHERE type = 'case' AND version > 1")).toBe(0);

    for (const [body, status, field] of [
      [{ branch: 'SH02', id: String(sh02.id), reason: '错' }, 400, 'reason'],
      [{ branch: 'SH02', id: String(other.id), reason: '不是同一事项' }, 409, 'id'],
    ] as const) {
      const bad = await unlink(body);
      expect(bad.status).toBe(status);
      expect(bad.json.issues?.[0]?.field).toBe(field);
    }
    const left = await unlink({ branch: 'BJ01', id: String(bj.id), reason: '商品不同批次,非同一事项' });
    expect(left.status).toBe(200);
    expect(left.json.matter?.cases.map((c) => c.branch)).toEqual(['SH01', 'SH02']);
    // Taking one more out leaves one branch: the matter dissolves.
    const gone = await unlink({ branch: 'SH02', id: String(sh02.id), reason: '顾客确认为两件事' });
    expect(gone.json.matter).toBeNull();
    expect((await matters('SH01', String(mine.id))).json.crossBranch).toBeNull();
    const log = await hq.db.all<{ action: string; branch: string; reviewer_name: string; reason: string | null }>(
      'SELECT action, branch, reviewer_name, reason FROM hq_matter_log ORDER BY seq',
    );
    expect(log.map((l) => [l.action, l.branch, l.reason])).toEqual([
      ['link', 'SH01', null],
      ['link', 'SH02', null],
      ['link', 'BJ01', null],
      ['unlink', 'BJ01', '商品不同批次,非同一事项'],
      ['unlink', 'SH02', '顾客确认为两件事'],
      ['unlink', 'SH01', '顾客确认为两件事'],
    ]);
    expect(new Set(log.map((l) => l.reviewer_name))).toEqual(new Set(['李审核']));
    await expect(hq.db.run('DELETE FROM hq_matter_log')).rejects.toThrow(/append-only/);
    await expect(hq.db.run("UPDATE hq_matter_log SET reason = 'x'")).rejects.toThrow(/append-only/);
    // Relinked after the unlink: a new matter.
    const again = await link({ linkCases: [k(mine), k(sh02)] });
    expect(again.status).toBe(201);
    expect(again.json.matter?.matterId).not.toBe(matterId);

    // What SH01's case was told, in order, on SH01's pull (the page marks nothing until asked past it).
    const told = await matterNoticesSince(hq.db, 'SH01', 0, Date.now());
    expect(told.matterNotices.map((n) => [n.kind, n.others.map((o) => o.number), n.reason ?? null])).toEqual([
      ['linked', ['SH02-YY-202611-0002'], null],
      ['linked', ['SH02-YY-202611-0002', 'BJ01-YY-202611-0003'], null],
      ['linked', ['SH02-YY-202611-0002'], null],
      ['unlinked', [], '顾客确认为两件事'],
      ['linked', ['SH02-YY-202611-0002'], null],
    ]);
    expect(told.matterCursor).toBe(told.matterNotices.at(-1)?.seq);
    expect((await matterNoticesSince(hq.db, 'SH01', told.matterCursor, Date.now())).matterNotices).toEqual([]);
    expect(
      await scalar(hq.db, "SELECT count(*) FROM hq_matter_notices WHERE branch = 'SH01' AND received_at IS NULL"),
    ).toBe(0);
  });

  it('the consolidated summary counts cases linked across branches as one matter, with their branch matters', async () => {
    // SH01 links a and b itself; SH02's c is the same matter at another branch; d stands alone.
    const a = caseSnapshot('SH01', 1, { matterId: 'M-1' });
    const b = caseSnapshot('SH01', 2, { matterId: 'M-1' });
    const c = caseSnapshot('SH02', 3);
    const d = caseSnapshot('SH02', 4);
    await pushCases(hq, keys.SH01 as string, 'SH01', [a, b]);
    await pushCases(hq, keys.SH02 as string, 'SH02', [c, d]);
    const summary = async (branch = '') =>
      (await client.call<ConsoleSummary>('GET', `/console/api/summary?period=month&date=2026-11-15${branch}`)).json
        .summary;
    expect([(await summary()).total, (await summary()).matters]).toEqual([4, 3]);
    const k = (x: Record<string, unknown>) => ({ branch: String(x.branchCode), id: String(x.id) });
    expect((await link({ linkCases: [k(b), k(c)] })).status).toBe(201);
    // {a, b, c} one matter (b's branch matter joins c whole), d another.
    expect([(await summary()).total, (await summary()).matters]).toEqual([4, 2]);
    expect((await summary('&branch=SH02')).matters).toBe(2);
    expect((await unlink({ branch: 'SH02', id: String(c.id), reason: '两次不同的购买' })).status).toBe(200);
    expect((await summary()).matters).toBe(3);
  });
});
