// The cross-branch matter notice (issue 22 §4) end to end on every head-office store: two real branch stores
// (SH01, SH02) push a real case each through the sync service to a real head office on 127.0.0.1; a reviewer
// links them in the console; on their next sync each branch holds the notice on its case ("also handled at
// SH02 as SH02-YY-…"), stored once however often it pulls; the unlink arrives likewise with its reason. The
// branch's case itself is unchanged (no new version, nothing in its outbox): head office links, it does not edit.
// And the branch's own links and merges (link-a's services) reach head office's projection through the same sync.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseMattersAnswer, MatterAnswer } from '../../src-headoffice/console/contract-matters';
import { caseMattersPath } from '../../src-headoffice/console/contract-matters';
import { linkCases, mergeCases, undoMerge, unlinkCase } from '../../src-main/services/case-links';
import { crossBranchMatter, crossBranchMatterOf } from '../../src-main/services/matter-notices';
import type { CaseRecord } from '../../src-main/shared/types';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { matterCursor } from '../../src-main/sync/matter-notices-pull';
import { syncOnce } from '../../src-main/sync/sync-run';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';
import { type ConsoleClient, startConsole } from '../headoffice/console-harness';
import type { Hq } from './sync-harness';

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('cross-branch matter notices (%s)', (_name, backend) => {
  let hq: Hq;
  let client: ConsoleClient;
  let keys: Record<string, string>;
  let sh01: TestStore;
  let sh02: TestStore;
  beforeEach(async () => {
    ({ hq, client, keys } = await startConsole(backend));
    await client.signIn();
    sh01 = openTestStore({ at: Date.now(), settings: { branchCode: 'SH01' } });
    sh02 = openTestStore({ at: Date.now(), settings: { branchCode: 'SH02' } });
  });
  afterEach(async () => {
    sh01.close();
    sh02.close();
    await hq.close();
  });

  const sync = (s: TestStore, branch: string) =>
    syncOnce({
      ctx: s.ctx,
      branch,
      transport: new HttpTransport({ url: hq.url, branch, key: keys[branch] as string }),
    });
  const versionOf = (s: TestStore, c: CaseRecord) =>
    (s.db.prepare('SELECT version FROM cases WHERE id = ?').get(c.id) as { version: number }).version;
  const outbox = (s: TestStore) => (s.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;

  it('tells both branches on their pull that the same matter is also handled at the other, and of the unlink', async () => {
    const a = phoneCase(sh01);
    const b = phoneCase(sh02);
    const alone = phoneCase(sh01);
    await sync(sh01, 'SH01');
    await sync(sh02, 'SH02');
    expect(crossBranchMatterOf(sh01.db, a.id)).toBeNull();

    const made = await client.call<MatterAnswer>('POST', '/console/api/matters', {
      linkCases: [
        { branch: 'SH01', id: a.id },
        { branch: 'SH02', id: b.id },
      ],
    });
    expect(made.status).toBe(201);
    const before = [versionOf(sh01, a), versionOf(sh02, b), outbox(sh01), outbox(sh02)];

    await sync(sh01, 'SH01');
    await sync(sh02, 'SH02');
    const at01 = crossBranchMatterOf(sh01.db, a.id);
    expect(at01).toMatchObject({ kind: 'linked', reviewerName: '李审核', reason: null });
    expect(at01?.others).toEqual([{ branch: 'SH02', number: b.number }]);
    expect(b.number).toMatch(/^SH02-/);
    expect(crossBranchMatterOf(sh02.db, b.id)?.others).toEqual([{ branch: 'SH01', number: a.number }]);
    expect(at01?.matterId).toBe(made.json.matter?.matterId);
    expect(matterCursor(sh01.db)).toBeGreaterThan(0);
    // Through the case screen's channel (read through the case view): bad input and an unknown case refused.
    expect(crossBranchMatter(sh01.ctx, sh01.users.clerk, { caseId: a.id })?.others).toEqual(at01?.others);
    expect(crossBranchMatter(sh01.ctx, sh01.users.clerk, { caseId: alone.id })).toBeNull();
    expect(() => crossBranchMatter(sh01.ctx, sh01.users.clerk, { caseId: '' })).toThrow(/VALIDATION|须|must/);
    expect(() => crossBranchMatter(sh01.ctx, sh01.users.clerk, { caseId: 'nope' })).toThrow();
    // Pulled again: stored once; the branch's case and outbox as they were.
    await sync(sh01, 'SH01');
    expect(sh01.db.prepare('SELECT count(*) AS n FROM head_office_matter_notices').get()).toEqual({ n: 1 });
    expect([versionOf(sh01, a), versionOf(sh02, b), outbox(sh01), outbox(sh02)]).toEqual(before);
    // Head office saw each branch ask past its notice.
    const received = await hq.db.all<{ branch: string; received_at: number | string | null }>(
      'SELECT branch, received_at FROM hq_matter_notices ORDER BY seq',
    );
    expect(received.map((r) => [r.branch, r.received_at !== null])).toEqual([
      ['SH01', true],
      ['SH02', true],
    ]);

    const gone = await client.call<MatterAnswer>('POST', '/console/api/matters/unlink', {
      branch: 'SH02',
      id: b.id,
      reason: '顾客确认是两次不同的购买',
    });
    expect(gone.json.matter).toBeNull();
    await sync(sh01, 'SH01');
    await sync(sh02, 'SH02');
    for (const [s, c] of [
      [sh01, a],
      [sh02, b],
    ] as const)
      expect(crossBranchMatterOf(s.db, c.id)).toMatchObject({
        kind: 'unlinked',
        others: [],
        reason: '顾客确认是两次不同的购买',
      });
  });

  it("projects a real branch's links, merge, undo and unlink into head office's case matters", async () => {
    const a = phoneCase(sh01);
    const b = phoneCase(sh01);
    const c = phoneCase(sh01);
    linkCases(sh01.ctx, sh01.users.secretary, { caseIds: [a.id, b.id] });
    mergeCases(sh01.ctx, sh01.users.secretary, { duplicateId: c.id, primaryId: a.id, reason: '同一顾客重复来电' });
    await sync(sh01, 'SH01');
    const of = async (id: string) => (await client.call<CaseMattersAnswer>('GET', caseMattersPath('SH01', id))).json;
    const atA = await of(a.id);
    expect(atA.branchMatter?.cases.map((x) => x.number)).toContain(b.number);
    expect(atA.mergedFrom.map((x) => x.number)).toEqual([c.number]);
    const atC = await of(c.id);
    expect(atC.mergedInto?.number).toBe(a.number);
    expect(atC.mergedInto?.id).toBe(a.id);
    const row = await hq.db.get<{ matter_id: string | null; status: string }>(
      'SELECT matter_id, status FROM hq_cases WHERE branch = ? AND id = ?',
      ['SH01', b.id],
    );
    expect(row?.matter_id).toBe(atA.branchMatter?.matterId);

    undoMerge(sh01.ctx, sh01.users.supervisor, { duplicateId: c.id, reason: '不是重复,误操作' });
    unlinkCase(sh01.ctx, sh01.users.secretary, { caseId: b.id, reason: '顾客说明是两件事' });
    await sync(sh01, 'SH01');
    const after = await of(a.id);
    expect(after.mergedFrom).toEqual([]);
    expect(after.branchMatter?.cases.map((x) => x.number) ?? []).not.toContain(b.number);
    expect((await of(c.id)).mergedInto).toBeNull();
    expect((await of(b.id)).branchMatter).toBeNull();
  });
});
