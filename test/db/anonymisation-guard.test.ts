// Migration 0027's guard (issue 20 §2): the append-only tables still refuse every change but one —
// the anonymiser's rewrite of the personal text of guarded records' rows, inside its transaction.
import { afterEach, describe, expect, it } from 'vitest';
import { archiveAudit } from '../../src-main/services/audit-archive';
import { archiveOutbox } from '../../src-main/sync/outbox-archive';
import { setAckedSeq } from '../../src-main/sync/sync-state';
import { openTestStore, phoneCase, T0, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const OLD = Date.parse('2022-11-10T10:00:00+08:00');

function seeded() {
  s = openTestStore({ at: OLD });
  const c = phoneCase(s);
  const other = phoneCase(s, { customer: { name: '李四', phone: '13900001111' } });
  s.clock.t = T0;
  const audit = s.db.prepare("SELECT seq FROM audit_log WHERE entity = 'case' AND entity_id = ?").get(c.id) as {
    seq: number;
  };
  const outbox = s.db.prepare("SELECT seq FROM outbox WHERE record_type = 'case' AND record_id = ?").get(c.id) as {
    seq: number;
  };
  const event = s.db.prepare('SELECT id FROM case_events WHERE case_id = ?').get(c.id) as { id: string };
  return { c, other, audit: audit.seq, outbox: outbox.seq, event: event.id };
}

const guard = (id: string) => s.db.prepare('INSERT INTO anonymising (entity_id) VALUES (?)').run(id);

describe('the anonymisation guard', () => {
  it('refuses every rewrite while no guard row exists, as before', () => {
    const r = seeded();
    expect(() => s.db.prepare("UPDATE audit_log SET after = '{}' WHERE seq = ?").run(r.audit)).toThrow(/append-only/);
    expect(() => s.db.prepare("UPDATE outbox SET payload = '{}' WHERE seq = ?").run(r.outbox)).toThrow(/append-only/);
    expect(() => s.db.prepare("UPDATE case_events SET text = 'x' WHERE id = ?").run(r.event)).toThrow(/append-only/);
    expect(() => s.db.prepare('DELETE FROM audit_log WHERE seq = ?').run(r.audit)).toThrow(/append-only/);
    expect(() => s.db.prepare('DELETE FROM outbox WHERE seq = ?').run(r.outbox)).toThrow(/append-only/);
  });

  it('with a guard row lets through only the personal text of that record, nothing else', () => {
    const r = seeded();
    s.db.transaction(() => {
      guard(r.c.id);
      // The guarded record's text: allowed.
      s.db.prepare("UPDATE audit_log SET after = '{}' WHERE seq = ?").run(r.audit);
      s.db.prepare("UPDATE outbox SET payload = '{}' WHERE seq = ?").run(r.outbox);
      s.db.prepare("UPDATE case_events SET text = 'x' WHERE id = ?").run(r.event);
      // Any other column, another record, a delete or a replace: still refused.
      expect(() => s.db.prepare("UPDATE audit_log SET action = 'x' WHERE seq = ?").run(r.audit)).toThrow(/append-only/);
      expect(() => s.db.prepare('UPDATE audit_log SET at = at + 1 WHERE seq = ?').run(r.audit)).toThrow(/append-only/);
      expect(() => s.db.prepare('UPDATE outbox SET version = version + 1 WHERE seq = ?').run(r.outbox)).toThrow(
        /append-only/,
      );
      expect(() => s.db.prepare("UPDATE case_events SET kind = 'x' WHERE id = ?").run(r.event)).toThrow(/append-only/);
      expect(() =>
        s.db.prepare("UPDATE audit_log SET after = '{}' WHERE entity = 'case' AND entity_id = ?").run(r.other.id),
      ).toThrow(/append-only/);
      expect(() => s.db.prepare('DELETE FROM audit_log WHERE seq = ?').run(r.audit)).toThrow(/append-only/);
      expect(() => s.db.prepare('DELETE FROM outbox WHERE seq = ?').run(r.outbox)).toThrow(/append-only/);
      expect(() =>
        s.db.prepare('INSERT OR REPLACE INTO audit_log SELECT * FROM audit_log WHERE seq = ?').run(r.audit),
      ).toThrow(/append-only/);
      s.db.prepare('DELETE FROM anonymising').run();
    })();
  });

  it('archive chunks: the body may change only under a guard, their bounds never', () => {
    seeded();
    setAckedSeq(s.db, (s.db.prepare('SELECT max(seq) AS m FROM outbox').get() as { m: number }).m);
    archiveAudit(s.db, { now: T0, days: 30 });
    archiveOutbox(s.db, { now: T0, days: 30 });
    for (const t of ['audit_archive', 'outbox_archive']) {
      expect(() => s.db.prepare(`UPDATE ${t} SET body = x'00'`).run()).toThrow(/append-only/);
      expect(() => s.db.prepare(`DELETE FROM ${t}`).run()).toThrow(/append-only/);
    }
    s.db.transaction(() => {
      guard('anything');
      for (const t of ['audit_archive', 'outbox_archive']) {
        expect(() => s.db.prepare(`UPDATE ${t} SET row_count = row_count + 1`).run()).toThrow(/append-only/);
        expect(() => s.db.prepare(`UPDATE ${t} SET last_seq = last_seq + 1`).run()).toThrow(/append-only/);
        expect(() => s.db.prepare(`DELETE FROM ${t}`).run()).toThrow(/append-only/);
      }
      s.db.prepare("UPDATE audit_archive SET sha256 = sha256 || ''").run();
      s.db.prepare('DELETE FROM anonymising').run();
    })();
  });
});
