// Anonymisation and a creation's audit after stored by reference (issue 16, issue 20 §2): the outbox row it
// refers to is scrubbed in place, hot or archived, so the resolved after is scrubbed too, and reads as the full
// after a store wrote before references (a legacy row of the same creation, scrubbed as the audit log is).
import { afterEach, describe, expect, it } from 'vitest';
import { archiveAudit } from '../../src-main/services/audit-archive';
import { auditRows, type AuditRow } from '../../src-main/services/audit-read';
import { runRetention } from '../../src-main/services/retention';
import { archiveOutbox } from '../../src-main/sync/outbox-archive';
import { setAckedSeq } from '../../src-main/sync/sync-state';
import { filedCase } from '../helpers/filed-case';
import { openTestStore, T0, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const OLD_AT = Date.parse('2022-11-10T10:00:00+08:00');
const PERSON = { name: '张三丰', phone: '13800138000', wx: 'wx-zsf-2022' };

/** A parsed `after` with its null fields left out (a snapshot's absent field is null). */
const withoutNulls = (text: string | null): unknown =>
  JSON.parse(text ?? 'null', (_k, v: unknown) => (v === null ? undefined : v));

function seed(st: TestStore, archived: boolean) {
  const old = filedCase(st, OLD_AT, {
    customer: { name: PERSON.name, phone: PERSON.phone, otherContact: PERSON.wx },
    content: `${PERSON.name}先生来电,电话 ${PERSON.phone},微信 ${PERSON.wx},皮鞋开胶要求退货。`,
  });
  const created = st.db
    .prepare("SELECT payload FROM outbox WHERE record_type = 'case' AND record_id = ? AND version = 1")
    .pluck()
    .get(old.id) as string;
  // The same creation as a store wrote it before references: the whole snapshot in `after`.
  st.db
    .prepare(
      "INSERT INTO audit_log (id, at, actor_id, actor_staff_no, actor_name, action, entity, entity_id, before, after) VALUES ('legacy-create', ?, NULL, NULL, '旧版本', 'case.create', 'case', ?, NULL, ?)",
    )
    .run(OLD_AT, old.id, created);
  if (archived) {
    setAckedSeq(st.db, st.db.prepare('SELECT max(seq) FROM outbox').pluck().get() as number);
    expect(archiveAudit(st.db, { now: T0, days: 30 }).rows).toBeGreaterThan(0);
    expect(archiveOutbox(st.db, { now: T0, days: 30 }).rows).toBeGreaterThan(0);
    expect(st.db.prepare("SELECT count(*) FROM outbox WHERE record_type = 'case'").pluck().get()).toBe(0);
  }
  st.clock.t = T0;
  return { old, created };
}

/** The creation rows of the case: the legacy one and the one written with a reference. */
const creationsOf = (rows: AuditRow[], caseId: string) => {
  const both = rows.filter((r) => r.entity_id === caseId && r.action === 'case.create');
  expect(both).toHaveLength(2);
  return [both.find((r) => r.id === 'legacy-create'), both.find((r) => r.id !== 'legacy-create')];
};

describe('anonymisation of a creation stored by reference', () => {
  for (const archived of [false, true])
    it(`scrubs the resolved after as the full one (${archived ? 'both logs archived' : 'hot'})`, () => {
      // The store's own first rows (users, units) old too, so the archives take the case's rows.
      s = openTestStore({ at: OLD_AT - 86_400_000 });
      const { old, created } = seed(s, archived);
      const [legacyBefore, mineBefore] = creationsOf([...auditRows(s.db)], old.id);
      expect(legacyBefore?.after).toBe(created);
      expect(mineBefore?.after).toBe(created);
      expect(created).toContain(PERSON.phone);

      expect(runRetention(s.ctx, { now: T0, dryRun: false }).result?.cases.map((c) => c.id)).toEqual([old.id]);

      const [legacy, mine] = creationsOf([...auditRows(s.db)], old.id);
      for (const [which, text] of [
        ['legacy', legacy!.after!],
        ['by reference', mine!.after!],
      ] as const) {
        for (const needle of [PERSON.phone, PERSON.name, PERSON.wx]) expect(text, which).not.toContain(needle);
        expect(text).toContain(old.number);
        expect(text).toContain('皮鞋开胶');
      }
      // The same record, field for field: the audit log's scrub leaves personal fields null, the outbox's leaves them out.
      expect(withoutNulls(mine!.after)).toEqual(withoutNulls(legacy!.after));
      expect(mine!.after).not.toBe(created);
    });
});
