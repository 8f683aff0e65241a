// The statements that look for cases by receipt number, as the services run them, do not use the
// index cases_receipt (a receipt is matched by its key, computed from the number, which no index on
// the number can serve): they get cases_report. Every createCase with a receipt still writes that
// index (issue 16, scale-f: about half a WAL page per case), so it can go in a later migration; this
// test says so until then, and fails when a query starts to rely on it.
import { afterEach, describe, expect, it } from 'vitest';
import { captureStatements, explain } from '../../bench/plans';
import { suggestMatches } from '../../src-main/services/case-match-suggest';
import { intakeMatches } from '../../src-main/services/intake-matches';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

describe('cases_receipt', () => {
  it('is written by every case with a receipt and read by no receipt lookup', () => {
    s = openTestStore();
    for (let i = 0; i < 5; i++) {
      phoneCase(s, { purchase: { items: [{ name: '皮鞋' }], receiptNo: `R20261120-004${i}` } });
      s.clock.t += 60_000;
    }
    const indexed = s.db.prepare(
      'SELECT count(*) AS n FROM cases INDEXED BY cases_receipt WHERE receipt_no IS NOT NULL',
    );
    expect(indexed.get()).toEqual({ n: 5 });

    const log = captureStatements(s.db);
    for (const actor of [s.users.clerk, s.users.secretary, s.users.staff]) {
      intakeMatches(s.ctx, actor, { receiptNo: 'r20261120 0042' });
      suggestMatches(s.ctx, actor, { receiptNo: 'Ｒ２０２６１１２０－００４２' });
    }
    const byReceipt = log.filter((c) => /FROM cases/.test(c.sql) && /receipt_no IS NOT NULL/.test(c.sql));
    // The intake notice's receipt query and the suggestions' purchase query, for each role's scope.
    expect(new Set(byReceipt.map((c) => c.sql)).size).toBeGreaterThanOrEqual(3);
    for (const c of byReceipt) {
      const plan = explain(s.db, c).join(' | ');
      expect(plan).not.toContain('cases_receipt');
      expect(plan).toContain('cases_report');
      expect(plan).not.toMatch(/SCAN (c|cases)\b(?! USING)/);
    }
  });
});
