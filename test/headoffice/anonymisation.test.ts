// A branch's anonymisation reaches head office (issue 20 §2, §3), on SQLite and PostgreSQL: after
// the batch with its 'anonymisation' records, head office's stored snapshots, its case projection,
// its search and the repeat-customer phones hold nothing of the anonymised people, the others are
// untouched, and an old snapshot of an anonymised case imported later does not bring them back.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ANONYMISED_NAME, purgeAnonymisedFiles } from '../../src-headoffice/anonymisation';
import { type AttachmentStore, openAttachmentStore } from '../../src-headoffice/attachment-store';
import { ChainFactsCache } from '../../src-headoffice/cross-branch-facts';
import { importBatch } from '../../src-headoffice/importer';
import { listCases } from '../../src-headoffice/console/case-list';
import { CaseListQuery } from '../../src-headoffice/console/contract-cases';
import type { HqStore } from '../../src-headoffice/store';
import { anonymisePerson } from '../../src-main/services/anonymise-person';
import { runRetention } from '../../src-main/services/retention';
import { encodeBatch } from '../../src-main/sync/batch-format';
import { buildBatch } from '../../src-main/sync/outbox-batches';
import { epochOf } from '../../src-main/sync/sync-state';
import { attach, type TestAttachment } from '../helpers/attachments';
import { filedCase } from '../helpers/filed-case';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { openTestStore, T0, tempDir, type TestStore } from '../helpers/store';

const OLD = { name: '周九州', phone: '13811112222' };
const YOUNG = { name: '吴十一', phone: '13933334444' };
const KEEP = { name: '郑十二', phone: '13755556666' };

describe.each(HQ_BACKENDS)('anonymisation at head office ($name)', (backend) => {
  let s: TestStore;
  let hq: HqStore;
  let dir: string;
  let oldCase: { id: string; number: string };
  let originalOld = '';
  let lastSeq = 0;
  let files: AttachmentStore;
  let idCopy: TestAttachment;
  let photo: TestAttachment;

  const push = async () => {
    const b = buildBatch(s.db, 'SH01', lastSeq);
    if (!b) return;
    await importBatch(hq, b.body, { branch: 'SH01', source: 'file', now: s.clock.t });
    lastSeq = b.lastSeq;
  };
  const search = async (q: string) => (await listCases(hq, CaseListQuery.parse({ q }), T0)).rows.map((r) => r.number);
  const unfounded = async () => [...(await new ChainFactsCache(hq, 0).get(Date.now())).unfounded.keys()];

  beforeAll(async () => {
    dir = tempDir('hq-anon-');
    hq = await backend.open(dir);
    s = openTestStore();
    oldCase = filedCase(s, Date.parse('2022-05-01T10:00:00+08:00'), {
      customer: OLD,
      content: `${OLD.name}来电(${OLD.phone}),皮鞋开胶。`,
    });
    idCopy = attach(s, oldCase.id, { kind: 'id_copy', name: `${OLD.name}身份证.jpg` });
    photo = attach(s, oldCase.id, { kind: 'goods_photo', name: 'shoe.jpg' });
    // Head office holds their bytes (as the upload channel would leave them).
    files = openAttachmentStore(join(dir, 'hq-attachments'));
    for (const a of [idCopy, photo])
      for (const b of [a.bytes, a.thumb].filter((x) => x !== null))
        await files.receive(createHash('sha256').update(b).digest('hex'), 0, b.length, b);
    const now = Date.now();
    filedCase(s, now - 20 * 86_400_000, { customer: YOUNG, content: `${YOUNG.name}说鞋子开胶。` }, 'unfounded');
    filedCase(s, now - 19 * 86_400_000, { customer: KEEP, content: `${KEEP.name}说鞋子开胶。` }, 'unfounded');
    originalOld = (
      s.db
        .prepare("SELECT payload FROM outbox WHERE record_type = 'case' AND record_id = ? ORDER BY seq DESC")
        .get(oldCase.id) as { payload: string }
    ).payload;
    s.clock.t = now;
    await push();
  }, 240_000);
  afterAll(async () => {
    s.close();
    await hq.close();
    await backend.drop(dir);
  });

  it('holds the people before, and nothing of them after the anonymisation records arrive', async () => {
    expect(await search(OLD.name)).toEqual([oldCase.number]);
    expect(await unfounded()).toEqual(expect.arrayContaining([YOUNG.phone, KEEP.phone]));

    s.clock.t = T0;
    runRetention(s.ctx, { now: T0, dryRun: false });
    anonymisePerson(s.ctx, s.users.secretary, { phone: YOUNG.phone, reason: '本人申请删除' });
    await push();

    expect(await search(OLD.name)).toEqual([]);
    expect(await search(OLD.phone)).toEqual([]);
    expect(await search(YOUNG.name)).toEqual([]);
    expect(await search(KEEP.name)).toHaveLength(1);
    const facts = await unfounded();
    expect(facts).not.toContain(YOUNG.phone);
    expect(facts).toContain(KEEP.phone);
    const stored = (await hq.all<{ payload: string }>("SELECT payload FROM records WHERE branch = 'SH01'"))
      .map((r) => r.payload)
      .join('\n');
    for (const v of [OLD.name, OLD.phone, YOUNG.name, YOUNG.phone]) expect(stored).not.toContain(v);
    expect(stored).toContain(KEEP.phone);
    expect(stored).toContain(oldCase.number);
    const rows = await hq.all<{ phone: string | null; customer_name: string | null; content: string }>(
      'SELECT phone, customer_name, content FROM hq_cases WHERE id = ?',
      [oldCase.id],
    );
    expect(rows).toEqual([{ phone: null, customer_name: null, content: expect.stringContaining('皮鞋开胶') }]);
    // The ID copy's bytes leave head office's store after the commit; the goods photo stays.
    expect(files.has(idCopy.snapshot.sha256)).toBe(true);
    expect(await purgeAnonymisedFiles(hq, files)).toBeGreaterThanOrEqual(1);
    expect(files.has(idCopy.snapshot.sha256)).toBe(false);
    expect(files.has(photo.snapshot.sha256)).toBe(true);
    const names = await hq.all<{ id: string; name: string }>('SELECT id, name FROM hq_attachments ORDER BY kind');
    expect(names).toEqual(
      expect.arrayContaining([
        { id: idCopy.snapshot.id, name: ANONYMISED_NAME },
        { id: photo.snapshot.id, name: 'shoe.jpg' },
      ]),
    );
  }, 240_000);

  it('an old snapshot of an anonymised case imported later does not bring the data back', async () => {
    const epoch = epochOf(s.db);
    const snap = JSON.parse(originalOld) as { version: number };
    const { body } = encodeBatch('SH01', epoch, [
      { seq: lastSeq + 1, type: 'case', id: oldCase.id, version: snap.version + 5, schema: 1, data: originalOld },
    ]);
    await importBatch(hq, body, { branch: 'SH01', source: 'file', now: T0 });
    expect(await search(OLD.name)).toEqual([]);
    const p = await hq.get<{ payload: string }>("SELECT payload FROM records WHERE type = 'case' AND id = ?", [
      oldCase.id,
    ]);
    expect(p?.payload).not.toContain(OLD.phone);
    expect(p?.payload).not.toContain(OLD.name);
    const c = await hq.get<{ phone: string | null }>('SELECT phone FROM hq_cases WHERE id = ?', [oldCase.id]);
    expect(c?.phone ?? null).toBeNull();
  }, 240_000);
});
