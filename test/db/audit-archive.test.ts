// The lean audit log (issue 16): rows older than the retention leave the hot table for
// audit_archive with every column kept; the readers (case history, counts, merge, recovery's user
// names) return exactly what they did; the outbox (sync) is untouched; the triggers still refuse
// every other removal or rewrite.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tableCounts } from '../../src-main/cli/store-report';
import { addNote } from '../../src-main/services/case-details';
import { caseHistory } from '../../src-main/services/case-history';
import { archiveAudit } from '../../src-main/services/audit-archive';
import { auditCount, auditIdHeld, auditRows, type AuditRow, latestRowBy } from '../../src-main/services/audit-read';
import { completeFollowUp, scheduleFollowUp } from '../../src-main/services/follow-ups';
import { resolveCase } from '../../src-main/services/case-workflow';
import { mergeHeldRecord } from '../../src-main/sync/record-merge';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

const DAY = 86_400_000;
// Old enough by the machine's clock too: the trigger's floor of 7 days uses SQLite's clock.
const START = Date.now() - 120 * DAY;

const hotRows = (s: TestStore): AuditRow[] => s.db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
const outbox = (s: TestStore) => s.db.prepare('SELECT * FROM outbox ORDER BY seq').all();
const count = (s: TestStore, table: string) => s.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** Cases over 40 days, one a day, each with a note; every fifth with a follow-up scheduled and done. */
function workForty(s: TestStore) {
  const cases = [];
  for (let d = 0; d < 40; d++) {
    s.clock.t = START + d * DAY;
    const c = phoneCase(s);
    addNote(s.ctx, s.users.secretary, { caseId: c.id, text: `第 ${d} 天已联系顾客` });
    if (d % 5 === 0) {
      resolveCase(s.ctx, s.users.secretary, { caseId: c.id, type: 'repair', summary: '免费维修' });
      const f = scheduleFollowUp(s.ctx, s.users.secretary, { caseId: c.id, dueDate: '2026-11-28' });
      completeFollowUp(s.ctx, s.users.secretary, {
        followUpId: f.followUp.id,
        outcome: 'reached_satisfied',
        result: '顾客满意',
      });
    }
    cases.push(c);
  }
  return cases;
}

/** Every case's history as the case screen gets it, for a reader of content and one who may not read it. */
const histories = (s: TestStore, ids: string[]) =>
  ids.map((caseId) => [
    caseHistory(s.ctx, s.users.secretary, { caseId }),
    caseHistory(s.ctx, s.users.staff, { caseId }),
  ]);

describe('the audit archive', () => {
  let s: TestStore;
  beforeEach(() => {
    s = openTestStore({ at: START });
  });
  afterEach(() => s.close());

  it('moves rows past the retention and every reader returns every entry as before, byte for byte', () => {
    const cases = workForty(s).map((c) => c.id);
    const before = hotRows(s);
    // As the readers give them: a synced creation's `after` resolved from the outbox (audit-after.ts).
    const read = [...auditRows(s.db)];
    const shown = histories(s, cases);
    const sent = outbox(s);
    const report = tableCounts(s.db);
    const now = START + 55 * DAY;
    const leaving = before.filter((r) => r.at < now - 30 * DAY);
    expect(leaving.length).toBeGreaterThan(60);
    expect(leaving.length).toBeLessThan(before.length);

    const r = archiveAudit(s.db, { now, days: 30 });
    expect(r.rows).toBe(leaving.length);
    expect(r.chunks).toBe(1);
    expect(hotRows(s)).toEqual(before.slice(leaving.length));
    expect([...auditRows(s.db)]).toEqual(read);
    expect(auditCount(s.db)).toBe(before.length);
    expect(histories(s, cases)).toEqual(shown);
    expect(tableCounts(s.db)).toEqual(report);
    // Sync is untouched: the outbox carries the audit records as it did.
    expect(outbox(s)).toEqual(sent);
    expect(archiveAudit(s.db, { now, days: 30 })).toEqual({ rows: 0, chunks: 0 });

    // Everything old leaves; new work is numbered after the archived rows and read with them.
    expect(archiveAudit(s.db, { now: now + 365 * DAY, days: 30 }).rows).toBe(before.length - leaving.length);
    expect(count(s, 'audit_log')).toBe(0);
    expect(histories(s, cases)).toEqual(shown);
    s.clock.t = now + 365 * DAY;
    addNote(s.ctx, s.users.secretary, { caseId: cases[3]!, text: '归档后继续处理' });
    const all = [...auditRows(s.db)];
    expect(all.slice(0, before.length)).toEqual(read);
    expect(all.at(-1)).toMatchObject({ action: 'case.note', entity_id: cases[3], seq: before.at(-1)!.seq + 1 });
    expect(caseHistory(s.ctx, s.users.secretary, { caseId: cases[3]! }).length).toBe(shown[3]![0]!.length + 1);
  });

  it('a record head office sends back is not written twice when its row is archived; the user names come from the archive', () => {
    workForty(s);
    const row = hotRows(s).find((r) => r.action === 'case.note')!;
    const payload = (
      s.db.prepare("SELECT payload FROM outbox WHERE record_type = 'audit' AND record_id = ?").get(row.id) as {
        payload: string;
      }
    ).payload;
    archiveAudit(s.db, { now: START + 365 * DAY, days: 30 });
    expect(count(s, 'audit_log')).toBe(0);
    expect(auditIdHeld(s.db, row.id, row.at)).toBe(true);
    expect(auditIdHeld(s.db, '01936f5e-0000-7000-8000-00000000dead', row.at)).toBe(false);
    const held = { type: 'audit', id: row.id, version: 1, schema: 1, payload };
    expect(mergeHeldRecord(s.ctx, held).merged).toBe(false);
    expect(auditCount(s.db)).toBe([...auditRows(s.db)].length);
    expect(count(s, 'audit_log')).toBe(0);
    expect(latestRowBy(s.db, s.users.secretary.id)).toMatchObject({
      actor_id: s.users.secretary.id,
      actor_name: row.actor_name,
    });
  });

  it('refuses a retention shorter than 7 days in words naming it, and moves nothing', () => {
    workForty(s);
    const before = hotRows(s);
    for (const days of [6, 0, -3, 7.5])
      expect(() => archiveAudit(s.db, { now: START + 365 * DAY, days })).toThrow(
        expect.objectContaining({
          messages: { zh: expect.stringContaining('保留天数'), en: expect.stringContaining('retention (days)') },
        }),
      );
    expect(hotRows(s)).toEqual(before);
    expect(count(s, 'audit_archive')).toBe(0);
  });

  it('the triggers refuse every other removal or rewrite: not archived, too recent, updates, archive edits, an archived seq', () => {
    workForty(s);
    const rows = hotRows(s);
    const first = rows[0]!;
    const del = (seq: number) => () => s.db.prepare('DELETE FROM audit_log WHERE seq = ?').run(seq);
    const chunk = (seq: number) =>
      s.db
        .prepare(
          "INSERT INTO audit_archive (first_seq, last_seq, row_count, min_at, max_at, sha256, body, archived_at) VALUES (?, ?, 1, 0, 0, 'x', x'00', 0)",
        )
        .run(seq, seq);
    // Old, but no archive chunk holds it.
    expect(del(first.seq)).toThrow(/append-only/);
    // A row written now (by SQLite's clock) may not leave even if a chunk covers it.
    s.clock.t = Date.now();
    phoneCase(s);
    const recent = hotRows(s).at(-1)!;
    chunk(recent.seq);
    expect(del(recent.seq)).toThrow(/append-only/);
    expect(() => s.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => s.db.prepare("UPDATE audit_log SET after = '{}' WHERE seq = ?").run(first.seq)).toThrow(/append-only/);

    chunk(first.seq);
    expect(() => s.db.prepare("UPDATE audit_archive SET body = x'01'").run()).toThrow(/append-only/);
    expect(() => s.db.prepare('DELETE FROM audit_archive').run()).toThrow(/append-only/);
    expect(() =>
      s.db
        .prepare(
          "INSERT OR REPLACE INTO audit_archive (first_seq, last_seq, row_count, min_at, max_at, sha256, body, archived_at) VALUES (?, ?, 1, 0, 0, 'y', x'00', 0)",
        )
        .run(first.seq, first.seq),
    ).toThrow(/append-only/);
    s.db.prepare('INSERT INTO audit_archive_entity (entity_id, first_seq) VALUES (?, ?)').run('x', first.seq);
    expect(() => s.db.prepare("UPDATE audit_archive_entity SET entity_id = 'y'").run()).toThrow(/append-only/);
    expect(() => s.db.prepare('DELETE FROM audit_archive_entity').run()).toThrow(/append-only/);
    expect(() =>
      s.db
        .prepare('INSERT OR REPLACE INTO audit_archive_entity (entity_id, first_seq) VALUES (?, ?)')
        .run('x', first.seq),
    ).toThrow(/append-only/);
    // A sequence a chunk covers is never written again, even once the hot row is gone.
    expect(() =>
      s.db
        .prepare(
          "INSERT INTO audit_log (seq, id, at, actor_name, action, entity, entity_id) VALUES (?, 'new-id', 0, 'x', 'x', 'case', 'x')",
        )
        .run(recent.seq),
    ).toThrow(/append-only/);
    expect(hotRows(s)).toEqual([...rows, recent]);
  });

  it('a damaged archive chunk is reported in words, not read as entries', () => {
    workForty(s);
    archiveAudit(s.db, { now: START + 365 * DAY, days: 30 });
    s.db.exec('DROP TRIGGER audit_archive_no_update');
    s.db.exec(
      "UPDATE audit_archive SET sha256 = (CASE WHEN sha256 LIKE 'f%' THEN '0' ELSE 'f' END) || substr(sha256, 2)",
    );
    expect(() => [...auditRows(s.db)]).toThrow(
      expect.objectContaining({
        messages: { zh: expect.stringContaining('校验不符'), en: expect.stringContaining('checksum') },
      }),
    );
  });
});
