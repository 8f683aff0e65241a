// The search index written after the commit (issue 16 §4, services/search-backlog.ts): intake writes no search
// document, the next search writes them first, so a just-created case is found; the flush writes the documents
// writeSearchDoc writes, from the row as it is then; migration 0035 marks the cases stored before it; the running
// app flushes at start and every minute.
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../../src-main/db/connection';
import { loadMigrations } from '../../src-main/db/migrations';
import { writeSearchDoc } from '../../src-main/services/case-store';
import { searchCases } from '../../src-main/services/search';
import {
  flushSearchIndex,
  scheduleSearchFlush,
  SEARCH_FLUSH_EVERY_MS,
  searchIndexedRid,
} from '../../src-main/services/search-backlog';
import { insertRawCase, seedCaseOwners } from '../helpers/old-store';
import { openTestStore, phoneCase, tempDir, type TestStore } from '../helpers/store';

let s: TestStore | undefined;
afterEach(() => {
  vi.useRealTimers();
  s?.close();
  s = undefined;
});

const docs = (db: Db) => ({
  bi: db.prepare('SELECT count(*) FROM case_search').pluck().get(),
  uni: db.prepare('SELECT count(*) FROM case_search_uni').pluck().get(),
});
const ridOf = (db: Db, id: string) => db.prepare('SELECT rid FROM cases WHERE id = ?').pluck().get(id) as number;
/** Every term of both indexes with its document count (fts5vocab): what the documents written hold. */
function vocabulary(db: Db): unknown[] {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_bi USING fts5vocab(main, 'case_search', 'row');
           CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_uni USING fts5vocab(main, 'case_search_uni', 'row');`);
  return db
    .prepare(
      "SELECT 'bi', term, doc, cnt FROM temp.v_bi UNION ALL SELECT 'uni', term, doc, cnt FROM temp.v_uni ORDER BY 1, 2",
    )
    .raw()
    .all();
}

describe('the search index written after the commit', () => {
  it('finds a case the moment it is created: the search writes the documents the intake left', () => {
    s = openTestStore();
    const a = phoneCase(s, { content: '羽绒服洗后起球' });
    const b = phoneCase(s, { customer: { name: '欧阳娜娜', phone: '13900131234' }, content: '蛋糕过期' });
    // The intake wrote no document; the cases wait above the mark.
    expect(docs(s.db)).toEqual({ bi: 0, uni: 0 });
    expect(searchIndexedRid(s.db)).toBeLessThan(ridOf(s.db, a.id));
    const found = (query: string) => searchCases(s!.ctx, s!.users.secretary, { query }).rows.map((r) => r.id);
    expect(found('起球')).toEqual([a.id]);
    expect(found('欧阳')).toEqual([b.id]);
    expect(found('娜')).toEqual([b.id]);
    expect(found(b.number)).toEqual([b.id]);
    expect(docs(s.db)).toEqual({ bi: 2, uni: 2 });
    expect(searchIndexedRid(s.db)).toBe(ridOf(s.db, b.id));
    // Nothing waits: a second flush writes nothing.
    expect(flushSearchIndex(s.db)).toBe(0);
    const c = phoneCase(s, { content: '退货单丢失' });
    expect(found('单丢')).toEqual([c.id]);
  });

  it('writes the documents writeSearchDoc writes, byte for byte in what the index holds', () => {
    s = openTestStore();
    const made = [
      phoneCase(s, { content: 'Shoe SOLE came apart 退 100%_' }),
      phoneCase(s, { customer: { name: '𠮷田', phone: '13900131234' }, content: '鞋底开胶,要求退货' }),
      phoneCase(s, { channel: 'in_store', anonymous: true, customer: {}, content: '匿名:门店态度差' }),
    ];
    expect(flushSearchIndex(s.db)).toBe(3);
    const flushed = vocabulary(s.db);
    expect(flushed.length).toBeGreaterThan(20);
    // The same documents written again by the intake's old path change nothing the index holds.
    for (const c of made) writeSearchDoc(s.ctx, ridOf(s.db, c.id), c);
    expect(vocabulary(s.db)).toEqual(flushed);
  });

  it('writes a waiting case from its row as it is at the flush', () => {
    s = openTestStore();
    const a = phoneCase(s, { content: '旧的内容' });
    s.db.prepare("UPDATE cases SET content = '新的内容' WHERE id = ?").run(a.id);
    const found = (query: string) => searchCases(s!.ctx, s!.users.secretary, { query }).rows.map((r) => r.id);
    expect(found('新的')).toEqual([a.id]);
    expect(found('旧的')).toEqual([]);
  });

  it('is flushed by the running app at start and every minute, and no more once stopped', () => {
    vi.useFakeTimers();
    s = openTestStore();
    const a = phoneCase(s);
    const errors: unknown[] = [];
    const stop = scheduleSearchFlush(s.db, { error: (...e: unknown[]) => errors.push(e) });
    expect(searchIndexedRid(s.db)).toBe(ridOf(s.db, a.id));
    const b = phoneCase(s);
    vi.advanceTimersByTime(SEARCH_FLUSH_EVERY_MS);
    expect(searchIndexedRid(s.db)).toBe(ridOf(s.db, b.id));
    stop();
    phoneCase(s);
    vi.advanceTimersByTime(10 * SEARCH_FLUSH_EVERY_MS);
    expect(searchIndexedRid(s.db)).toBe(ridOf(s.db, b.id));
    expect(errors).toEqual([]);
  });

  it('migration 0035 marks every case stored before it as indexed: nothing to write again', () => {
    const dir = tempDir('search-backlog-');
    const file = join(dir, 'b.sqlite');
    const before = openDatabase(file, { migrations: loadMigrations().filter((m) => m.version <= 34) }).db;
    seedCaseOwners(before);
    insertRawCase(before, { rid: 4, number: 'SH01-26-202611-0001', content: '鞋底开胶' });
    insertRawCase(before, { rid: 7, number: 'SH01-26-202611-0002', content: '蛋糕过期' });
    before.close();
    const { db } = openDatabase(file);
    try {
      expect(searchIndexedRid(db)).toBe(7);
      expect(flushSearchIndex(db)).toBe(0);
    } finally {
      db.close();
    }
    const fresh = openDatabase(join(dir, 'fresh.sqlite')).db;
    expect(searchIndexedRid(fresh)).toBe(0);
    fresh.close();
  });
});
