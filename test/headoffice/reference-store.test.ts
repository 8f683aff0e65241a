// Head office's reference records (issue 21 §1) on every head-office store: the shipped years and library seeded
// at version 1 and never sent; publishing validates, refuses an unchanged or invalid body in words, grows the
// version by one and logs who published it (append-only); the pull's page holds only versions in force, by seq.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../src-main/shared/errors';
import {
  getReference,
  listReference,
  publishReference,
  referenceAfter,
  referenceAudit,
} from '../../src-headoffice/reference-store';
import type { HqStore } from '../../src-headoffice/store';
import { SHIPPED_CALENDAR, SHIPPED_PHRASE_LIBRARY } from '../../src-main/db/repositories/reference-repo';
import type { CalendarYear } from '../../src-main/shared/reference-data';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { tempDir } from '../helpers/store';

const LI = { reviewerId: 'li', name: '李审核' };
const y2027 = SHIPPED_CALENDAR.find((y) => y.year === 2027) as CalendarYear;
const completed: CalendarYear = {
  ...y2027,
  provisional: false,
  source: '国务院办公厅关于2027年部分节假日安排的通知(测试)',
  days: [...y2027.days, { date: '2027-02-20', kind: 'workday', name: { zh: '春节', en: 'Spring Festival' } }],
};

async function refusal(p: Promise<unknown>): Promise<{ code: string; zh: string; fields: string[] }> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, zh: e.messages.zh, fields: e.issues.map((i) => i.field) };
    throw e;
  }
  throw new Error('not refused');
}

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('reference store (%s)', (_n, backend) => {
  let dir: string;
  let store: HqStore;
  beforeEach(async () => {
    dir = tempDir('bd-ref-');
    store = await backend.open(dir);
  });
  afterEach(async () => {
    await store.close();
    await backend.drop(dir);
  });

  it('holds the shipped years and library at version 1, not published, so the pull sends nothing', async () => {
    const list = await listReference(store);
    expect(list.map((r) => `${r.kind}/${r.key}@${r.version}:${r.published}:${r.provisional}`)).toEqual([
      'calendar/2025@1:false:false',
      'calendar/2026@1:false:false',
      'calendar/2027@1:false:true',
      'phrases/library@1:false:null',
    ]);
    const lib = await getReference(store, 'phrases', 'library');
    expect(lib?.record.body).toEqual(SHIPPED_PHRASE_LIBRARY);
    expect(await getReference(store, 'calendar', '2031')).toBeNull();
    expect(await referenceAfter(store, 0)).toEqual({ reference: [], referenceCursor: 0 });
  });

  it('publishes version 2, logs who and when, serves it after the cursor; an unchanged body is refused', async () => {
    const rec = await publishReference(
      store,
      { kind: 'calendar', key: '2027', body: completed },
      LI,
      1_800_000_000_000,
    );
    expect(rec).toMatchObject({ kind: 'calendar', key: '2027', version: 2, publishedBy: '李审核' });
    expect(rec.publishedAt).toBe(new Date(1_800_000_000_000).toISOString());
    const page = await referenceAfter(store, 0);
    expect(page.reference).toHaveLength(1);
    expect(page.reference[0]?.record).toEqual(rec);
    expect(await referenceAfter(store, page.referenceCursor)).toEqual({
      reference: [],
      referenceCursor: page.referenceCursor,
    });
    const same = await refusal(publishReference(store, { kind: 'calendar', key: '2027', body: completed }, LI));
    expect(same).toMatchObject({ code: 'CONFLICT', zh: '与现行版本(第 2 版)相同,未发布' });
    // A new year head office adds starts at version 1 and is sent (it was published).
    const y2028 = { year: 2028, source: '测试', provisional: true, days: [] };
    const added = await publishReference(store, { kind: 'calendar', key: '2028', body: y2028 }, LI);
    expect(added.version).toBe(1);
    expect((await referenceAfter(store, page.referenceCursor)).reference.map((r) => r.record.key)).toEqual(['2028']);
    const audit = await referenceAudit(store, { kind: 'calendar', key: '2027' });
    expect(audit.map((a) => [a.version, a.reviewer, a.reviewerName])).toEqual([[2, 'li', '李审核']]);
    expect((await referenceAudit(store)).map((a) => a.key)).toEqual(['2028', '2027']);
  });

  it('a superseded version is left out of the page: a branch at cursor 0 gets only the version in force', async () => {
    const lib = SHIPPED_PHRASE_LIBRARY;
    const v2 = { ...lib, phrases: lib.phrases.slice(1) };
    const v3 = { ...lib, phrases: lib.phrases.slice(2) };
    await publishReference(store, { kind: 'phrases', key: 'library', body: v2 }, LI);
    const mid = await referenceAfter(store, 0);
    await publishReference(store, { kind: 'phrases', key: 'library', body: v3 }, LI);
    const all = await referenceAfter(store, 0);
    expect(all.reference.map((r) => r.record.version)).toEqual([3]);
    expect((await referenceAfter(store, mid.referenceCursor)).reference.map((r) => r.record.version)).toEqual([3]);
    expect(all.reference[0]?.record.body).toEqual(v3);
  });

  it('two publications at once are serialised: versions 2 and 3, in seq order, both logged', async () => {
    const lib = SHIPPED_PHRASE_LIBRARY;
    const [a, b] = await Promise.all([
      publishReference(store, { kind: 'phrases', key: 'library', body: { ...lib, phrases: lib.phrases.slice(1) } }, LI),
      publishReference(store, { kind: 'phrases', key: 'library', body: { ...lib, phrases: lib.phrases.slice(2) } }, LI),
    ]);
    expect([a.version, b.version].sort()).toEqual([2, 3]);
    const audit = await referenceAudit(store, { kind: 'phrases' });
    expect(audit.map((x) => x.version)).toEqual([3, 2]);
    expect((audit[0]?.seq ?? 0) > (audit[1]?.seq ?? 0)).toBe(true);
    expect((await referenceAfter(store, 0)).reference.map((r) => r.record.version)).toEqual([3]);
  });

  it('refuses an invalid body in words, naming the field; nothing is stored or logged', async () => {
    const wrongYear = await refusal(
      publishReference(store, { kind: 'calendar', key: '2027', body: { ...completed, year: 2026 } }, LI),
    );
    expect(wrongYear.code).toBe('VALIDATION');
    const badDay = await refusal(
      publishReference(
        store,
        {
          kind: 'calendar',
          key: '2027',
          body: { ...completed, days: [{ date: '2027-02-30', kind: 'holiday', name: { zh: '春节', en: 'x' } }] },
        },
        LI,
      ),
    );
    expect(badDay).toMatchObject({ code: 'VALIDATION', fields: ['body.days.0.date'] });
    expect(badDay.zh).toContain('须为存在的日期');
    const unknownSituation = await refusal(
      publishReference(
        store,
        {
          kind: 'phrases',
          key: 'library',
          body: {
            ...SHIPPED_PHRASE_LIBRARY,
            phrases: [{ key: 'p_x', situation: 'nowhere', text: { zh: '您好', en: 'Hello' } }],
          },
        },
        LI,
      ),
    );
    expect(unknownSituation.zh).toContain('没有情形 nowhere');
    expect(await referenceAudit(store)).toEqual([]);
    expect((await getReference(store, 'calendar', '2027'))?.record.version).toBe(1);
  });
});
