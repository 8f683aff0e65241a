// Issue 22 after a recovery: a store rebuilt from head office knows its merges again (case_merges from
// the duplicates' timelines) — the 12315 limit a duplicate carried still counts on the primary, a merge
// in force can be undone with its promise going back, and an undone merge stays undone — on both stores.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promiseReply } from '../../src-main/services/case-details';
import { createCase } from '../../src-main/services/case-intake';
import { mergeCases, undoMerge } from '../../src-main/services/case-links';
import { getCase } from '../../src-main/services/case-read';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { recoverFromHeadOffice } from '../../src-main/sync/recovery';
import { syncOnce } from '../../src-main/sync/sync-run';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';
import { type Hq, startHq } from './sync-harness';

const HOUR = 3_600_000;
const MERGE_COLUMNS = `duplicate_id, primary_id, merged_at, merged_by, merged_by_name, reason, different_customer,
  status_before, filed_at_before, filed_by_before, matter_before, moved_promise_ids, carried_due_at, undone_at,
  undone_by, undo_reason`;
const merges = (s: TestStore) =>
  s.db.prepare(`SELECT ${MERGE_COLUMNS} FROM case_merges ORDER BY merged_at, duplicate_id`).all();

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('merges after a recovery on %s', (_name, backend) => {
  let hq: Hq;
  let s: TestStore;
  let fresh: TestStore | null = null;
  let t: HttpTransport;
  beforeEach(async () => {
    hq = await startHq({ backend });
    const key = await hq.addBranch('SH01');
    s = openTestStore();
    t = new HttpTransport({ url: hq.url, branch: 'SH01', key });
  });
  afterEach(async () => {
    fresh?.close();
    fresh = null;
    s.close();
    await hq.close();
  });

  it('the carried 12315 limit, the undo of a merge in force and an undone merge survive the restore', async () => {
    const g = createCase(s.ctx, s.users.clerk, {
      channel: 'government',
      government: { body: '12315', referenceNo: 'GS-2026-118', contactPerson: '周科员', contactPhone: '12315' },
      customer: { name: '张三', phone: '13800138000' },
      content: '顾客投诉购买的皮鞋开胶,商场未予退货',
      categoryCode: 'product_quality',
      complainedUnitId: s.units.shoes,
    });
    const p = phoneCase(s, { customer: { name: '张三', phone: '13800138000' } });
    const promisedAt = s.clock.t + 400 * HOUR;
    promiseReply(s.ctx, s.users.clerk, { caseId: g.id, promisedAt: new Date(promisedAt).toISOString() });
    // The 12315 case merged into the phone case: its body's limit and its promise count on the primary.
    s.clock.t += 60_000;
    mergeCases(s.ctx, s.users.secretary, { duplicateId: g.id, primaryId: p.id, reason: '同一顾客同一双鞋' });
    // Another case merged and taken back.
    const x = phoneCase(s, { customer: { name: '张三', phone: '13800138000' } });
    s.clock.t += 60_000;
    mergeCases(s.ctx, s.users.secretary, { duplicateId: x.id, primaryId: p.id, reason: '以为是同一次' });
    s.clock.t += 60_000;
    undoMerge(s.ctx, s.users.manager, { duplicateId: x.id, reason: '不是同一次购买' });
    const dueBefore = getCase(s.ctx, s.users.secretary, { caseId: p.id }).dueAt;
    expect(dueBefore).toBe(Math.min(p.dueAt as number, g.dueAt as number));
    await syncOnce({ ctx: s.ctx, branch: 'SH01', transport: t });

    fresh = openTestStore();
    await recoverFromHeadOffice({ ctx: fresh.ctx, branch: 'SH01', transport: t, pageSize: 2 });
    expect(merges(fresh)).toEqual(merges(s));
    expect(merges(fresh)).toHaveLength(2);
    const pv = getCase(fresh.ctx, fresh.users.secretary, { caseId: p.id });
    expect(pv.dueAt).toBe(dueBefore);
    expect(pv.mergedFrom.map((m) => [m.number, m.carriedDueAt, m.reason])).toEqual([
      [g.number, g.dueAt, '同一顾客同一双鞋'],
    ]);
    // The merge in force undone on the restored store: the 12315 case is open again with its promise.
    fresh.clock.t = s.clock.t + 60_000;
    const back = undoMerge(fresh.ctx, fresh.users.supervisor, { duplicateId: g.id, reason: '合并错了' });
    expect(back).toMatchObject({ status: g.status, mergedInto: null });
    expect(back.promises.map((q) => q.promisedAt)).toEqual([promisedAt]);
    expect(getCase(fresh.ctx, fresh.users.secretary, { caseId: p.id }).dueAt).toBe(p.dueAt);
    // The one undone before the loss stays undone: nothing to undo.
    expect(() => undoMerge(fresh!.ctx, fresh!.users.supervisor, { duplicateId: x.id, reason: '再撤一次' })).toThrow();
  });
});
