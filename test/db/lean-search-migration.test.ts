// Migration 0017 (a lean store): the search index rebuilt as two tables from the cases' own fields
// finds the same cases for every query form, and the outbox archive's deflate chunks written before
// it stay readable beside the brotli chunks written after; the narrowed queue indexes still serve the queues.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/connection';
import type { Actor } from '../../src-main/domain/case-machine';
import { loadMigrations } from '../../src-main/db/migrations';
import { createContext } from '../../src-main/services/context';
import { searchCases } from '../../src-main/services/search';
import { insertRawCase, seedCaseOwners } from '../helpers/old-store';
import { archivedOutboxRows, archiveOutbox, type OutboxRow } from '../../src-main/sync/outbox-archive';
import { setAckedSeq } from '../../src-main/sync/sync-state';
import { captureStatements, explain } from '../../bench/plans';
import { listQueue, queueCounts } from '../../src-main/services/queues';
import { QUEUES } from '../../src-main/shared/enums';
import { openTestStore, phoneCase, tempDir } from '../helpers/store';

const upTo = (v: number) => loadMigrations().filter((m) => m.version <= v);
const DAY = 86_400_000;
const OLD = Date.now() - 60 * DAY;

const CASES: [number, string, string | null, string][] = [
  [3, 'SH01-26-202611-0001', '王旻', '鞋底开胶,要求退货'],
  [5, 'SH01-26-202611-0002', null, 'Shoe SOLE came apart 退'],
  [9, 'SH01-26-202611-0003', '𠮷田', '退货 100% 退款_'],
];

const OLD_ROWS: OutboxRow[] = [
  { seq: 1, record_type: 'case', record_id: 'c3', version: 1, schema_version: 1, payload: '{"a":1}', created_at: OLD },
  { seq: 2, record_type: 'case', record_id: 'c5', version: 1, schema_version: 1, payload: '{"b":2}', created_at: OLD },
];

function seedAt16(file: string) {
  const { db } = openDatabase(file, { migrations: upTo(16) });
  seedCaseOwners(db);
  for (const [rid, number, customerName, content] of CASES) insertRawCase(db, { rid, number, customerName, content });
  // An archive chunk as 0015 wrote it: deflate, no codec column.
  const text = JSON.stringify(
    OLD_ROWS.map((r) => [r.seq, r.record_type, r.record_id, r.version, r.schema_version, r.payload, r.created_at]),
  );
  db.prepare(
    'INSERT INTO outbox_archive (first_seq, last_seq, row_count, sha256, body, archived_at) VALUES (1, 2, 2, ?, ?, ?)',
  ).run(createHash('sha256').update(text).digest('hex'), deflateSync(Buffer.from(text, 'utf8'), { level: 9 }), OLD);
  db.close();
}

/** A plain LIKE scan over the searched fields, newest first: what search must equal. */
const byLike = (q: string) =>
  CASES.filter(([, number, name, content]) =>
    [number, name, content].some((f) => f !== null && f.toLowerCase().includes(q.toLowerCase())),
  )
    .map(([rid]) => `c${rid}`)
    .reverse();

describe('migration 0017 (lean search, outbox archive codec)', () => {
  it('rebuilds the search index from the cases: every query form finds what LIKE finds', () => {
    const file = join(tempDir(), 'b.sqlite');
    seedAt16(file);
    const { db, applied } = openDatabase(file);
    // 0017 and every later migration apply to a store at 16.
    expect(applied).toEqual(loadMigrations().flatMap((m) => (m.version >= 17 ? [m.version] : [])));
    const ctx = createContext(db, { now: () => Date.now() });
    const actor: Actor = { id: 'u1', staffNo: 'S001', role: 'secretary', unitId: null, name: '李秘书' };
    const queries = [
      '退',
      '𠮷',
      's',
      'S',
      '开胶',
      '退货',
      'sole',
      'SOLE CAME',
      '0001',
      '100%',
      '_',
      '旻',
      '鞋底开胶,要求退货',
      '无此字',
    ];
    for (const q of queries) {
      const found = searchCases(ctx, actor, { query: q, limit: 50 }).rows.map((r) => r.id);
      expect(found, q).toEqual(byLike(q));
    }
    expect(db.prepare('SELECT count(*) FROM case_search_uni').pluck().get()).toBe(CASES.length);
    db.close();
  });

  it('reads the deflate chunks written before it and writes brotli after, every row kept', () => {
    const file = join(tempDir(), 'b.sqlite');
    seedAt16(file);
    const { db } = openDatabase(file);
    expect(db.prepare('SELECT codec FROM outbox_archive').pluck().all()).toEqual(['deflate']);
    expect([...archivedOutboxRows(db)]).toEqual(OLD_ROWS);
    const fresh: OutboxRow[] = [3, 4, 5].map((seq) => ({
      seq,
      record_type: 'case',
      record_id: `c${seq}`,
      version: 2,
      schema_version: 1,
      payload: JSON.stringify({ seq, text: '鞋底开胶'.repeat(seq) }),
      created_at: OLD + seq,
    }));
    const ins = db.prepare(
      'INSERT INTO outbox (seq, record_type, record_id, version, schema_version, payload, created_at) VALUES (@seq, @record_type, @record_id, @version, @schema_version, @payload, @created_at)',
    );
    for (const r of fresh) ins.run(r);
    setAckedSeq(db, 5);
    expect(archiveOutbox(db, { now: Date.now(), days: 30 }).rows).toBe(3);
    expect(db.prepare('SELECT codec FROM outbox_archive ORDER BY first_seq').pluck().all()).toEqual([
      'deflate',
      'brotli',
    ]);
    expect([...archivedOutboxRows(db)]).toEqual([...OLD_ROWS, ...fresh]);
    expect(() => db.prepare("UPDATE outbox_archive SET codec = 'brotli' WHERE first_seq = 1").run()).toThrow(
      /append-only/,
    );
    expect(() =>
      db
        .prepare(
          "INSERT INTO outbox_archive (first_seq, last_seq, row_count, sha256, body, archived_at, codec) VALUES (90, 90, 1, 'x', x'00', 1, 'gzip')",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('serves every queue and count from the narrowed indexes, which hold only what the queues ask for', () => {
    const s = openTestStore();
    try {
      for (let i = 0; i < 6; i++) phoneCase(s);
      const log = captureStatements(s.db);
      for (const actor of [s.users.secretary, s.users.staff]) {
        for (const queue of QUEUES) listQueue(s.ctx, actor, { queue, limit: 50 });
        queueCounts(s.ctx, actor);
      }
      const plans = log
        .filter((c) => /FROM cases c|FROM cases WHERE/.test(c.sql))
        .map((c) => explain(s.db, c).join(' | '));
      expect(plans.length).toBeGreaterThan(10);
      for (const p of plans) expect(p).not.toMatch(/SCAN (c|cases)\b(?! USING)/);
      const used = plans.join('\n');
      for (const index of ['cases_status_due', 'cases_assignee_due', 'cases_unit_due'])
        expect(used, index).toContain(index);
      // The partial indexes say what they hold: no unassigned case, none without a handling unit, none filed.
      const schema = (name: string) =>
        s.db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(name) as string;
      expect(schema('cases_assignee_due')).toMatch(/WHERE status <> 'filed' AND assignee_id IS NOT NULL$/);
      expect(schema('cases_unit_due')).toMatch(/WHERE status <> 'filed' AND handling_unit_id IS NOT NULL$/);
      expect(schema('cases_status_due')).toMatch(/WHERE status <> 'filed'$/);
    } finally {
      s.close();
    }
  });
});
