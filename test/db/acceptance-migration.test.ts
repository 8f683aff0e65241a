// Migration 0009 rebuilds the cases table (its status CHECK becomes triggers that know 'not_accepted'):
// every row, rowid, column, child reference, index and trigger survives, and foreign keys are on after.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/connection';
import { loadMigrations } from '../../src-main/db/migrations';
import { seedCaseOwners } from '../helpers/old-store';
import { tempDir } from '../helpers/store';

const upTo = (v: number) => loadMigrations().filter((m) => m.version <= v);
const columns = (db: ReturnType<typeof openDatabase>['db']) =>
  (db.prepare("SELECT name FROM pragma_table_info('cases') ORDER BY cid").all() as { name: string }[]).map(
    (r) => r.name,
  );

function seedAt8(file: string) {
  const { db } = openDatabase(file, { migrations: upTo(8) });
  seedCaseOwners(db);
  db.exec(`
    INSERT INTO cases (rid, id, number, branch_code, channel, status, severity, received_at, received_by, anonymous,
      content, category_code, version, created_at, updated_at, counter_resolved_at)
      VALUES (7, 'c1', 'SH01-26-202611-0001', 'SH01', 'in_store', 'resolved', 'general', 100, 'u1', 0,
      '鞋底开胶', 'other', 3, 100, 200, 150);
    INSERT INTO case_events (id, case_id, at, actor_id, actor_name, kind) VALUES ('e1', 'c1', 100, 'u1', '李秘书', 'intake');
  `);
  const before = columns(db);
  db.close();
  return before;
}

describe('migration 0009 (acceptance)', () => {
  it('keeps every row, rowid and column, adds the decision columns, and leaves foreign keys on', () => {
    const file = join(tempDir(), 'b.sqlite');
    const before = seedAt8(file);
    const { db, applied } = openDatabase(file, { migrations: upTo(9) });
    expect(applied).toEqual([9]);
    const after = columns(db);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length)).toEqual([
      'decline_reason_code',
      'decline_reason_zh',
      'decline_reason_en',
      'decline_text',
      'decline_refer_to',
      'declined_at',
      'declined_by',
    ]);
    expect(db.prepare("SELECT rid, status, counter_resolved_at, content FROM cases WHERE id = 'c1'").get()).toEqual({
      rid: 7,
      status: 'resolved',
      counter_resolved_at: 150,
      content: '鞋底开胶',
    });
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // The child tables still reference the (rebuilt) cases table.
    expect(() =>
      db
        .prepare("INSERT INTO case_events (id, case_id, at, actor_name, kind) VALUES ('e2', 'nope', 1, 'x', 'note')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('knows the new status, refuses an unknown one and still refuses deletes', () => {
    const file = join(tempDir(), 'c.sqlite');
    seedAt8(file);
    const { db } = openDatabase(file, { migrations: upTo(9) });
    db.prepare("UPDATE cases SET status = 'not_accepted' WHERE id = 'c1'").run();
    expect(() => db.prepare("UPDATE cases SET status = 'lost' WHERE id = 'c1'").run()).toThrow(/unknown case status/);
    expect(() => db.prepare("DELETE FROM cases WHERE id = 'c1'").run()).toThrow(/never deleted/);
    const indexes = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases' AND sql IS NOT NULL")
        .all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(indexes).toEqual(
      expect.arrayContaining(['cases_status_due', 'cases_open_due', 'cases_report', 'cases_typical', 'cases_receipt']),
    );
    db.close();
  });
});
