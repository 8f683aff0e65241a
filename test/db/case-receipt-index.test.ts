// The statements that look for cases by receipt, as the services run them, never scan cases: the intake notice
// probes the stored key's index (cases_receipt_key, migration 0034), the suggestions read the 90-day window's
// purchases through cases_report. The index on the number as typed (cases_receipt), which no lookup used and
// every case with a receipt wrote (issue 16, scale-f), is gone.
import { afterEach, describe, expect, it } from 'vitest';
import { captureStatements, explain } from '../../bench/plans';
import { suggestMatches } from '../../src-main/services/case-match-suggest';
import { intakeMatches } from '../../src-main/services/intake-matches';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

describe('cases by receipt', () => {
  it('are found through an index, the notice by the stored key', () => {
    s = openTestStore();
    for (let i = 0; i < 5; i++) {
      phoneCase(s, { purchase: { items: [{ name: '皮鞋' }], receiptNo: `R20261120-004${i}` } });
      s.clock.t += 60_000;
    }
    expect(s.db.prepare("SELECT name FROM sqlite_schema WHERE name = 'cases_receipt'").get()).toBeUndefined();

    const log = captureStatements(s.db);
    for (const actor of [s.users.clerk, s.users.secretary, s.users.staff]) {
      intakeMatches(s.ctx, actor, { receiptNo: 'r20261120 0042' });
      suggestMatches(s.ctx, actor, { receiptNo: 'Ｒ２０２６１１２０－００４２' });
    }
    const notice = log.filter((c) => /FROM cases c WHERE c\.receipt_key = \?/.test(c.sql));
    const window = log.filter((c) => /FROM cases/.test(c.sql) && /receipt_no IS NOT NULL/.test(c.sql));
    // The notice's query for each role's scope, and the suggestions' purchase query.
    expect(new Set(notice.map((c) => c.sql)).size).toBeGreaterThanOrEqual(2);
    expect(window.length).toBeGreaterThan(0);
    for (const c of notice) expect(explain(s.db, c).join(' | ')).toContain('cases_receipt_key');
    for (const c of window) expect(explain(s.db, c).join(' | ')).toContain('cases_report');
    for (const c of [...notice, ...window])
      expect(explain(s.db, c).join(' | ')).not.toMatch(/SCAN (c|cases)\b(?! USING)/);
  });
});
