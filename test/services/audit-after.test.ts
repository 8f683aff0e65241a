// A synced creation's audit `after` stored as a reference to its outbox row (issue 16): every reader gets the
// bytes the row held before references, with the outbox and the audit log hot, archived, or both; older rows
// (full `after`) and head office's references read as they are; a reference to another row is refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addNote } from '../../src-main/services/case-details';
import { caseHistory } from '../../src-main/services/case-history';
import { archiveAudit } from '../../src-main/services/audit-archive';
import { auditRows, auditRowsOf, type AuditRow, latestRowBy } from '../../src-main/services/audit-read';
import { snapshotJson } from '../../src-main/services/changes';
import { resolveCase } from '../../src-main/services/case-workflow';
import { completeFollowUp, scheduleFollowUp } from '../../src-main/services/follow-ups';
import { mergeHeldRecord } from '../../src-main/sync/record-merge';
import { archiveOutbox } from '../../src-main/sync/outbox-archive';
import { setAckedSeq } from '../../src-main/sync/sync-state';
import type { CaseRecord } from '../../src-main/shared/types';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

const DAY = 86_400_000;
// Old enough by the machine's clock too: the archive triggers' floor of 7 days uses SQLite's clock.
const START = Date.now() - 120 * DAY;
const REF = '{"$snapshot":';

const hotRows = (s: TestStore): AuditRow[] => s.db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];

/** Cases over 40 days, one a day, each with a note; every fifth resolved with a follow-up scheduled and done. */
function work(s: TestStore): CaseRecord[] {
  const cases: CaseRecord[] = [];
  for (let d = 0; d < 40; d++) {
    s.clock.t = START + d * DAY;
    const c = phoneCase(s, { customer: { name: `顾客${d}`, phone: `1380013${String(8000 + d)}` } });
    addNote(s.ctx, s.users.secretary, { caseId: c.id, text: `第 ${d} 天已联系顾客` });
    if (d % 5 === 0) {
      resolveCase(s.ctx, s.users.secretary, { caseId: c.id, type: 'repair', summary: '免费维修' });
      const f = scheduleFollowUp(s.ctx, s.users.secretary, { caseId: c.id, dueDate: '2026-11-28', note: '问满意度' });
      completeFollowUp(s.ctx, s.users.secretary, {
        followUpId: f.followUp.id,
        outcome: 'reached_satisfied',
        result: '满意',
      });
    }
    cases.push(c);
  }
  return cases;
}

/**
 * What the code before references wrote: a creation's `after` was the text of its snapshot, which is the outbox
 * row of that record version (found here by type, id and version, not by the reference's seq); every other row as stored.
 */
function asWrittenBefore(s: TestStore): AuditRow[] {
  return hotRows(s).map((r) => {
    if (!r.after?.startsWith(REF)) return r;
    const rows = s.db
      .prepare('SELECT payload FROM outbox WHERE record_type = ? AND record_id = ? AND version = ?')
      .all(r.entity, r.entity_id, (JSON.parse(r.after) as { $snapshot: { version: number } }).$snapshot.version) as {
      payload: string;
    }[];
    expect(rows).toHaveLength(1);
    return { ...r, after: rows[0]!.payload };
  });
}

const histories = (s: TestStore, cases: CaseRecord[]) =>
  cases.map((c) => [
    caseHistory(s.ctx, s.users.secretary, { caseId: c.id }),
    caseHistory(s.ctx, s.users.staff, { caseId: c.id }),
  ]);

const ofCases = (s: TestStore, cases: CaseRecord[]) =>
  cases.map((c) => {
    const followUps = (
      s.db.prepare('SELECT id FROM follow_ups WHERE case_id = ?').pluck().all(c.id) as string[]
    ).sort();
    return auditRowsOf(s.db, [
      { entity: 'case', ids: [c.id] },
      { entity: 'follow_up', ids: followUps },
    ]);
  });

describe('a creation’s audit after by reference', () => {
  let s: TestStore;
  beforeEach(() => {
    s = openTestStore({ at: START });
  });
  afterEach(() => s.close());

  it('stores a short reference for synced creations only, and the case’s reads the snapshot the service returned', () => {
    const cases = work(s);
    const raw = hotRows(s);
    const refs = raw.filter((r) => r.after?.startsWith(REF));
    // Every synced creation (the test store's units and categories too); the users' rows (not synced) keep their whole `after`.
    const creations = raw.filter((r) => r.before === null);
    expect(new Set(refs.map((r) => r.entity))).toEqual(new Set(['case', 'customer', 'follow_up', 'unit', 'category']));
    expect(new Set(creations.filter((r) => !refs.includes(r)).map((r) => r.entity))).toEqual(new Set(['user']));
    expect(refs.filter((r) => ['case', 'customer', 'follow_up'].includes(r.entity)).length).toBe(40 + 40 + 8);
    for (const r of refs) expect(r.after!.length).toBeLessThan(120);
    const read = [...auditRows(s.db)];
    for (const c of cases) {
      const row = read.find((r) => r.action === 'case.create' && r.entity_id === c.id)!;
      expect(row.after).toBe(snapshotJson({ ...c }));
    }
  });

  for (const order of [
    ['outbox', 'audit'],
    ['audit', 'outbox'],
  ] as const)
    it(`every reader reads what the code before references wrote: hot, ${order[0]} archived, then both`, () => {
      const cases = work(s);
      const before = asWrittenBefore(s);
      const shown = histories(s, cases);
      const perCase = ofCases(s, cases);
      const latest = latestRowBy(s.db, s.users.secretary.id);
      expect([...auditRows(s.db)]).toEqual(before);
      expect(perCase.flat().filter((r) => r.before === null).length).toBe(40 + 8);

      const move = (what: 'outbox' | 'audit', now: number) => {
        if (what === 'audit') return archiveAudit(s.db, { now, days: 30 }).rows;
        setAckedSeq(s.db, s.db.prepare('SELECT max(seq) FROM outbox').pluck().get() as number);
        return archiveOutbox(s.db, { now, days: 30 }).rows;
      };
      const check = () => {
        expect([...auditRows(s.db)]).toEqual(before);
        expect(ofCases(s, cases)).toEqual(perCase);
        expect(histories(s, cases)).toEqual(shown);
        expect(latestRowBy(s.db, s.users.secretary.id)).toEqual(latest);
      };
      // Part of the log leaves (rows older than 30 days at day 55), then everything.
      expect(move(order[0], START + 55 * DAY)).toBeGreaterThan(0);
      check();
      expect(move(order[1], START + 55 * DAY)).toBeGreaterThan(0);
      check();
      move(order[0], START + 365 * DAY);
      move(order[1], START + 365 * DAY);
      expect(s.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
      expect(s.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
      check();
    });

  it('rows written before references (full after) and head office’s references (no seq) read as they are', () => {
    const c = phoneCase(s);
    const full = snapshotJson({ ...c });
    s.db
      .prepare(
        "INSERT INTO audit_log (id, at, actor_id, actor_staff_no, actor_name, action, entity, entity_id, before, after) VALUES ('legacy-1', ?, NULL, NULL, '旧版本', 'case.create', 'case', ?, NULL, ?)",
      )
      .run(START, c.id, full);
    // As a recovery merges an audit record head office holds: the reference it was sent, without a seq.
    const sent = { type: 'case', id: c.id, version: 1 };
    const held = {
      id: '01936f5e-0000-7000-8000-0000000000a1',
      at: START + 1,
      actorName: '原电脑用户',
      action: 'case.create',
      entity: 'case',
      entityId: c.id,
      before: null,
      after: { $snapshot: sent },
    };
    expect(
      mergeHeldRecord(s.ctx, { type: 'audit', id: held.id, version: 1, schema: 1, payload: JSON.stringify(held) })
        .merged,
    ).toBe(true);
    const read = [...auditRows(s.db)];
    expect(read.find((r) => r.id === 'legacy-1')?.after).toBe(full);
    expect(read.find((r) => r.id === held.id)?.after).toBe(JSON.stringify({ $snapshot: sent }));
    // The new row of the same case reads the same bytes as the legacy one.
    const mine = read.filter((r) => r.entity_id === c.id && r.action === 'case.create' && r.actor_name !== '旧版本');
    expect(mine.map((r) => r.after)).toContain(full);
  });

  it('a reference to a missing row or to another record is refused in words, never read as that record', () => {
    const a = phoneCase(s);
    const b = phoneCase(s, { customer: { name: '李四', phone: '13900139000' } });
    const bSeq = s.db
      .prepare("SELECT seq FROM outbox WHERE record_type = 'case' AND record_id = ? AND version = 1")
      .pluck()
      .get(b.id) as number;
    const insert = (id: string, after: string) =>
      s.db
        .prepare(
          "INSERT INTO audit_log (id, at, actor_id, actor_staff_no, actor_name, action, entity, entity_id, before, after) VALUES (?, ?, NULL, NULL, 'x', 'case.create', 'case', ?, NULL, ?)",
        )
        .run(id, START, a.id, after);
    insert('points-at-b', JSON.stringify({ $snapshot: { type: 'case', id: a.id, version: 1, seq: bSeq } }));
    const refused = expect.objectContaining({
      code: 'STORE_CORRUPT',
      messages: { zh: expect.stringContaining('缺失或不符'), en: expect.stringContaining('missing or another record') },
    });
    expect(() => [...auditRows(s.db)]).toThrow(refused);
    expect(() => caseHistory(s.ctx, s.users.secretary, { caseId: a.id })).toThrow(refused);
    // Head office's record of b is untouched, and b's history still reads.
    expect(caseHistory(s.ctx, s.users.secretary, { caseId: b.id }).length).toBeGreaterThan(0);
  });

  it('a missing outbox row is refused too', () => {
    const a = phoneCase(s);
    s.db
      .prepare(
        "INSERT INTO audit_log (id, at, actor_id, actor_staff_no, actor_name, action, entity, entity_id, before, after) VALUES ('gone', ?, NULL, NULL, 'x', 'case.create', 'case', ?, NULL, ?)",
      )
      .run(START, a.id, JSON.stringify({ $snapshot: { type: 'case', id: a.id, version: 1, seq: 999_999 } }));
    expect(() => caseHistory(s.ctx, s.users.secretary, { caseId: a.id })).toThrow(/missing or another record/);
  });
});
