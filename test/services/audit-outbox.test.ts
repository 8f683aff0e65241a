// Every mutation appends its audit row and outbox rows in the same transaction; nothing is
// ever altered or deleted.
import { afterEach, describe, expect, it } from 'vitest';
import { auditRowsOf } from '../../src-main/services/audit-read';
import { addNote, promiseReply } from '../../src-main/services/case-details';
import { forwardCase, resolveCase } from '../../src-main/services/case-workflow';
import { completeFollowUp, scheduleFollowUp } from '../../src-main/services/follow-ups';
import { openTestStore, phoneCase, storeCounts, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

interface AuditRow {
  seq: number;
  id: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string;
}
interface OutboxRow {
  seq: number;
  record_type: string;
  record_id: string;
  version: number;
  payload: string;
}

const auditSince = (s: TestStore, seq: number) =>
  s.db.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq').all(seq) as AuditRow[];
const outboxSince = (s: TestStore, seq: number) =>
  s.db.prepare('SELECT * FROM outbox WHERE seq > ? ORDER BY seq').all(seq) as OutboxRow[];
const maxSeq = (s: TestStore, t: string) =>
  (s.db.prepare(`SELECT ifnull(max(seq), 0) AS n FROM ${t}`).get() as { n: number }).n;

describe('audit log and outbox', () => {
  it('each mutation writes who, when, before and after, plus the snapshot for head office', () => {
    s = openTestStore();
    const { secretary, staff } = s.users;
    const a0 = maxSeq(s, 'audit_log');
    const o0 = maxSeq(s, 'outbox');
    const c = phoneCase(s);
    const created = auditSince(s, a0);
    // A new customer and the case, each audited.
    expect(created.map((r) => r.action)).toEqual(['customer.create', 'case.create']);
    expect(created[1]).toMatchObject({
      actor_id: secretary.id,
      actor_name: secretary.name,
      entity: 'case',
      entity_id: c.id,
      before: null,
    });
    // A synced creation's row refers to its snapshot in the outbox (audit-after.ts); readers get the snapshot.
    const out = outboxSince(s, o0);
    expect(out.map((r) => `${r.record_type}:${r.version}`)).toEqual(['customer:1', 'audit:1', 'case:1', 'audit:1']);
    expect(JSON.parse(created[1]!.after)).toEqual({
      $snapshot: { type: 'case', id: c.id, version: 1, seq: out[2]!.seq },
    });
    const read = auditRowsOf(s.db, [{ entity: 'case', ids: [c.id] }]);
    expect(read[0]!.after).toBe(out[2]!.payload);
    expect(JSON.parse(read[0]!.after!)).toMatchObject({ number: c.number, status: 'registered' });
    expect(JSON.parse(out[2]!.payload)).toMatchObject({
      id: c.id,
      number: c.number,
      version: 1,
      events: [{ kind: 'intake' }],
    });

    const a1 = maxSeq(s, 'audit_log');
    const o1 = maxSeq(s, 'outbox');
    forwardCase(s.ctx, secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
    resolveCase(s.ctx, staff, { caseId: c.id, type: 'apology', summary: '道歉' });
    const changes = auditSince(s, a1);
    expect(changes.map((r) => r.action)).toEqual(['case.forward', 'case.resolve']);
    expect(JSON.parse(changes[0]!.before as string)).toMatchObject({ status: 'registered', version: 1 });
    expect(JSON.parse(changes[0]!.after)).toMatchObject({ status: 'in_progress', version: 2 });
    expect(changes[1]!.actor_id).toBe(staff.id);
    const snaps = outboxSince(s, o1).filter((r) => r.record_type === 'case');
    expect(snaps.map((r) => r.version)).toEqual([2, 3]);
    expect(JSON.parse(snaps[1]!.payload).status).toBe('resolved');
  });

  it('every mutation of the store is matched by audit rows (completeness)', () => {
    s = openTestStore();
    const { secretary } = s.users;
    const c = phoneCase(s);
    const before = storeCounts(s.db);
    addNote(s.ctx, secretary, { caseId: c.id, text: '已联系顾客' });
    promiseReply(s.ctx, secretary, { caseId: c.id, promisedAt: new Date(s.clock.t + 7_200_000).toISOString() });
    forwardCase(s.ctx, secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
    resolveCase(s.ctx, secretary, { caseId: c.id, type: 'repair', summary: '免费维修' });
    const f = scheduleFollowUp(s.ctx, secretary, { caseId: c.id, dueDate: '2026-11-28' });
    completeFollowUp(s.ctx, secretary, { followUpId: f.followUp.id, outcome: 'reached_satisfied', result: '顾客满意' });
    const after = storeCounts(s.db);
    // 6 case changes + 2 follow-up changes = 8 audit rows, each with its own outbox row,
    // plus 8 snapshots (6 case, 2 follow-up).
    expect(after.audit_log - before.audit_log).toBe(8);
    expect(after.outbox - before.outbox).toBe(16);
    expect(after.case_events - before.case_events).toBe(6);
    // Every synced record's latest version is in the outbox.
    const latest = s.db
      .prepare(
        `SELECT 'case' AS t, id, version FROM cases UNION ALL SELECT 'customer', id, version FROM customers UNION ALL SELECT 'follow_up', id, version FROM follow_ups`,
      )
      .all() as { t: string; id: string; version: number }[];
    for (const r of latest) {
      const row = s.db
        .prepare('SELECT max(version) AS v FROM outbox WHERE record_type = ? AND record_id = ?')
        .get(r.t, r.id) as { v: number };
      expect(row.v, `${r.t} ${r.id}`).toBe(r.version);
    }
  });

  it('an audit row holds only what changed, however long the timeline grows', () => {
    s = openTestStore();
    const c = phoneCase(s);
    for (let i = 0; i < 30; i++) addNote(s.ctx, s.users.clerk, { caseId: c.id, text: `第${i}次联系顾客` });
    const last = s.db
      .prepare("SELECT before, after FROM audit_log WHERE entity = 'case' ORDER BY seq DESC LIMIT 1")
      .get() as { before: string; after: string };
    const after = JSON.parse(last.after) as { events: { text: string }[]; version: number };
    expect(after.events).toHaveLength(1);
    expect(after.events[0]!.text).toBe('第29次联系顾客');
    expect(JSON.parse(last.before)).toMatchObject({ events: [], version: 30 });
    expect(last.after.length).toBeLessThan(600);
  });

  it('the outbox sequence is branch-wide and strictly increasing, and versions are per record', () => {
    s = openTestStore();
    const a = phoneCase(s);
    const b = phoneCase(s, { customer: { name: '赵六', phone: '13600136000' } });
    addNote(s.ctx, s.users.clerk, { caseId: a.id, text: 'x' });
    addNote(s.ctx, s.users.clerk, { caseId: b.id, text: 'y' });
    const rows = s.db
      .prepare("SELECT seq, record_id, version FROM outbox WHERE record_type = 'case' ORDER BY seq")
      .all() as { seq: number; record_id: string; version: number }[];
    expect(rows.map((r) => [r.record_id, r.version])).toEqual([
      [a.id, 1],
      [b.id, 1],
      [a.id, 2],
      [b.id, 2],
    ]);
  });

  it('no API and no SQL can alter or delete the audit log, the outbox or a case', () => {
    s = openTestStore();
    const c = phoneCase(s);
    expect(() => s.db.prepare("UPDATE audit_log SET actor_name = 'x'").run()).toThrow(/append-only/);
    expect(() => s.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => s.db.prepare("UPDATE outbox SET payload = '{}'").run()).toThrow(/append-only/);
    expect(() => s.db.prepare('DELETE FROM outbox').run()).toThrow(/append-only/);
    expect(() => s.db.prepare('DELETE FROM cases WHERE id = ?').run(c.id)).toThrow(/never deleted/);
    expect(() => s.db.prepare('DELETE FROM customers').run()).toThrow(/never deleted/);
    expect(() => s.db.prepare('DELETE FROM case_events').run()).toThrow(/append-only/);
    expect(() => s.db.prepare('DELETE FROM users').run()).toThrow(/never deleted/);
  });

  it('never writes a PIN hash into the audit log or the outbox', () => {
    s = openTestStore();
    const hashes = (s.db.prepare('SELECT pin_hash FROM users').all() as { pin_hash: string }[]).map((r) => r.pin_hash);
    const text = (
      s.db.prepare("SELECT group_concat(ifnull(before, '') || after, '') AS t FROM audit_log").get() as { t: string }
    ).t;
    const out = (s.db.prepare("SELECT group_concat(payload, '') AS t FROM outbox").get() as { t: string }).t;
    for (const h of hashes) {
      expect(h).toMatch(/^scrypt\$/);
      expect(text).not.toContain(h.split('$')[5]);
      expect(out).not.toContain(h.split('$')[5]);
    }
    expect(text).not.toMatch(/pinHash/);
  });
});
