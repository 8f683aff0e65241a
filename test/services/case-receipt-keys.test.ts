// A case's receipt key (migration 0034): stored with the row in the branch's receipt format, found through its
// index by the intake notice, kept out of the record head office receives, re-keyed when the format changes, and
// written by a recovery's merge. At 1,000,000 cases the notice computed the key over every case with a receipt
// (2–3 s per lookup); now one index probe.
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { captureStatements, explain } from '../../bench/plans';
import { createBranchApp } from '../../src-main/app';
import { openDatabase } from '../../src-main/db/connection';
import { loadMigrations } from '../../src-main/db/migrations';
import { intakeMatches } from '../../src-main/services/intake-matches';
import { ensureReceiptKeys } from '../../src-main/services/receipt-keys';
import { mergeHeldRecord } from '../../src-main/sync/record-merge';
import type { Session } from '../../src-main/handlers/types';
import { SettingsStore } from '../../src-main/settings/settings-store';
import { openTestStore, phoneCase, PIN, T0, tempDir, type TestStore } from '../helpers/store';
import { createUser } from '../../src-main/services/users';

let s: TestStore;
afterEach(() => s?.close());

const keyOf = (t: TestStore, id: string) =>
  t.db.prepare('SELECT receipt_key FROM cases WHERE id = ?').pluck().get(id) as string | null;
const purchase = (receiptNo: string) => ({ items: [{ name: '皮鞋' }], receiptNo });

describe('a case receipt key', () => {
  it('is stored in the branch format, found through its index, and never sent to head office', () => {
    s = openTestStore();
    const c = phoneCase(s, { purchase: purchase('r20261120 0042') });
    const none = phoneCase(s, { purchase: { items: [{ name: '围巾' }] } });
    expect(keyOf(s, c.id)).toBe('R20261120-42');
    expect(keyOf(s, none.id)).toBeNull();
    // Every spelling of the number finds it, through cases_receipt_key, never a scan of cases.
    const log = captureStatements(s.db);
    for (const typed of ['R20261120-0042', 'Ｒ２０２６１１２０－００４２', 'R20261120-42']) {
      const found = intakeMatches(s.ctx, s.users.clerk, { receiptNo: typed });
      expect(found.matches.map((m) => [m.kind, m.id, m.reasons])).toEqual([['case', c.id, ['receipt']]]);
    }
    const byKey = log.filter((x) => /FROM cases c WHERE c\.receipt_key = \?/.test(x.sql));
    expect(byKey.length).toBeGreaterThan(0);
    for (const x of byKey) expect(explain(s.db, x).join(' | ')).toContain('cases_receipt_key');
    expect(intakeMatches(s.ctx, s.users.clerk, { receiptNo: 'R20261120-0043' }).matches).toEqual([]);
    // The record and the snapshot in the outbox have the number as typed and no key.
    expect(c).not.toHaveProperty('receiptKey');
    const sent = s.db
      .prepare("SELECT payload FROM outbox WHERE record_type = 'case' AND record_id = ? ORDER BY seq DESC LIMIT 1")
      .pluck()
      .get(c.id) as string;
    expect(JSON.parse(sent)).toMatchObject({ receiptNo: 'r20261120 0042' });
    expect(sent).not.toContain('receiptKey');
  });

  it("is written by a recovery's merge, in the recovering store's format", () => {
    s = openTestStore();
    const c = phoneCase(s, { purchase: purchase('R20261120-0042') });
    const held = s.db
      .prepare(
        "SELECT record_id AS id, version, payload FROM outbox WHERE record_type = 'case' ORDER BY seq DESC LIMIT 1",
      )
      .get() as { id: string; version: number; payload: string };
    const lost = s;
    s = openTestStore({ settings: { receiptSerialStart: 0 } });
    s.db.pragma('foreign_keys = OFF');
    expect(mergeHeldRecord(s.ctx, { type: 'case', schema: 1, ...held }).merged).toBe(true);
    s.db.pragma('foreign_keys = ON');
    expect(keyOf(s, c.id)).toBe('R202611200042');
    expect(intakeMatches(s.ctx, s.users.clerk, { receiptNo: 'r20261120 0042' }).matches.map((m) => m.id)).toEqual([
      c.id,
    ]);
    lost.close();
  });

  it('follows a change of the receipt format (settings.update), and a store keyed in another format at start', async () => {
    const dir = tempDir('case-receipt-format-');
    const file = join(dir, 'branch.sqlite');
    let { db } = openDatabase(file);
    const settings = SettingsStore.open((c) => new Conf<Record<string, unknown>>(c), { cwd: dir });
    const app = createBranchApp({ db, settings, clock: () => T0 });
    createUser(app.ctx, null, { staffNo: 'M001', name: '王店长', role: 'manager', pin: PIN });
    const session: Session = { user: null };
    await app.dispatch(session, 'auth.signIn', { staffNo: 'M001', pin: PIN });
    const rows = () => db.prepare('SELECT receipt_no AS n, receipt_key AS k FROM cases ORDER BY rid').all();
    // A case row as case-intake.ts writes it in the default format (9).
    db.exec(`INSERT INTO cases (id, number, branch_code, channel, status, severity, received_at, received_by, anonymous,
      content, category_code, purchase_items, slip_numbers, receipt_no, receipt_key, version, created_at, updated_at)
      SELECT 'c1', 'SH01-YY-202611-0001', 'SH01', 'phone', 'registered', 'general', ${T0}, id, 0, '内容', 'product_quality',
             '[]', '[]', 'R20261120-0042', 'R20261120-42', 1, ${T0}, ${T0} FROM users LIMIT 1`);
    expect(await app.dispatch(session, 'settings.update', { receiptSerialStart: 0 })).toMatchObject({ ok: true });
    expect(rows()).toEqual([{ n: 'R20261120-0042', k: 'R202611200042' }]);
    db.close();
    // Reopened with the setting back at 9 but the stored keys still in format 0 (as after a migration): re-keyed once.
    ({ db } = openDatabase(file));
    expect(ensureReceiptKeys(db, 9)).toBe(1);
    expect(rows()).toEqual([{ n: 'R20261120-0042', k: 'R20261120-42' }]);
    expect(ensureReceiptKeys(db, 9)).toBe(0);
    db.close();
  });

  it('migration 0034 keys the cases stored before it', () => {
    const file = join(tempDir('receipt-0034-'), 'b.sqlite');
    const old = openDatabase(file, { migrations: loadMigrations().filter((m) => m.version <= 33) }).db;
    old.exec(`PRAGMA foreign_keys = OFF;
      INSERT OR IGNORE INTO categories (code, name_zh, name_en, sort, version, created_at, updated_at)
        VALUES ('product_quality', '商品质量', 'Product quality', 1, 1, ${T0}, ${T0});
      INSERT INTO users (id, staff_no, name, role, pin_hash, version, created_at, updated_at)
      VALUES ('u1', 'S001', '李', 'secretary', 'x', 1, ${T0}, ${T0});
      INSERT INTO cases (id, number, branch_code, channel, status, severity, received_at, received_by, anonymous,
        content, category_code, purchase_items, slip_numbers, receipt_no, version, created_at, updated_at)
      VALUES ('c1', 'SH01-YY-202611-0001', 'SH01', 'phone', 'registered', 'general', ${T0}, 'u1', 0, '内容',
        'product_quality', '[]', '[]', 'r20261120 0042', 1, ${T0}, ${T0}),
       ('c2', 'SH01-YY-202611-0002', 'SH01', 'phone', 'registered', 'general', ${T0}, 'u1', 0, '内容',
        'product_quality', '[]', '[]', NULL, 1, ${T0}, ${T0});`);
    old.close();
    const { db } = openDatabase(file);
    expect(db.prepare('SELECT id, receipt_key AS k FROM cases ORDER BY id').all()).toEqual([
      { id: 'c1', k: 'R20261120-42' },
      { id: 'c2', k: null },
    ]);
    expect(db.prepare("SELECT value FROM store_meta WHERE key = 'receipt_key_serial'").pluck().get()).toBe('9');
    db.close();
  });
});
