// The audit log's entity index (migration 0035) is by the entity's id alone: a case's history and anonymisation
// read their rows through it, never by scanning the log, and a case's intake writes its audit rows side by side
// in it (ids are time-ordered) instead of in one place per entity.
import { afterEach, describe, expect, it } from 'vitest';
import { captureStatements, explain } from '../../bench/plans';
import { addNote } from '../../src-main/services/case-details';
import { caseHistory } from '../../src-main/services/case-history';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

describe('the audit entity index', () => {
  it('serves the case history and anonymisation by the entity id', () => {
    s = openTestStore();
    const names = s.db.prepare("SELECT name FROM sqlite_schema WHERE tbl_name = 'audit_log' AND type = 'index'");
    expect(names.pluck().all()).not.toContain('audit_entity');
    const cases = Array.from({ length: 4 }, () => phoneCase(s));
    addNote(s.ctx, s.users.secretary, { caseId: cases[1]!.id, text: '已电话联系顾客' });

    const log = captureStatements(s.db);
    const history = caseHistory(s.ctx, s.users.secretary, { caseId: cases[1]!.id });
    expect(history.length).toBe(2);
    const reads = log.filter((c) => /FROM audit_log WHERE entity = \?/.test(c.sql));
    expect(reads.length).toBeGreaterThan(0);
    for (const c of reads) expect(explain(s.db, c).join(' | ')).toContain('USING INDEX audit_entity_id (entity_id=?)');

    // Anonymisation's read of the rows to scrub (anonymise.ts), for the ids it lists in anonymising.
    const anonymising = {
      sql: `SELECT seq, entity, entity_id, before, after FROM audit_log
             WHERE entity IN ('case', 'slip', 'follow_up', 'customer', 'attachment')
               AND entity_id IN (SELECT entity_id FROM anonymising)`,
      args: [],
    };
    const plan = explain(s.db, anonymising).join(' | ');
    expect(plan).toContain('USING INDEX audit_entity_id (entity_id=?)');
    expect(plan).not.toMatch(/SCAN audit_log\b/);
  });
});
