// Issue 22 in the summary: every case received counts ("3 cases"), a matter once ("2 matters") — linked cases
// and a merged duplicate with its primary; the duplicate is counted apart as 重复 in the closing figures, at the
// branch and the same from the synced snapshots (what head office counts).
import { afterEach, describe, expect, it } from 'vitest';
import { caseFacts, summarize } from '../../src-main/domain/summary';
import { caseClosing } from '../../src-main/domain/case-closing';
import { periodOfDate } from '../../src-main/domain/report-period';
import { linkCases, mergeCases, undoMerge } from '../../src-main/services/case-links';
import { summaryCsv, summaryPdf } from '../../src-main/services/report-export';
import { computeSummary } from '../../src-main/services/reports';
import { CLOSING_LABELS } from '../../src-main/shared/i18n/vocabulary-work';
import { readPdf, squash } from '../helpers/pdf-text';
import { openTestStore, phoneCase, T0, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const latestSnapshot = (caseId: string) =>
  JSON.parse(
    (
      s.db
        .prepare("SELECT payload FROM outbox WHERE record_type = 'case' AND record_id = ? ORDER BY seq DESC LIMIT 1")
        .get(caseId) as { payload: string }
    ).payload,
  );

describe('the summary counts cases and matters', () => {
  it('5 cases, 3 matters: two linked, a duplicate merged into a third; the duplicate closed as 重复', async () => {
    s = openTestStore();
    const [a, b, c, d, e] = [phoneCase(s), phoneCase(s), phoneCase(s), phoneCase(s), phoneCase(s)];
    linkCases(s.ctx, s.users.secretary, { caseIds: [a.id, b.id] });
    mergeCases(s.ctx, s.users.secretary, { duplicateId: d.id, primaryId: c.id, reason: '重复登记' });
    const month = { periodType: 'month' as const, date: '2026-11-24' };
    let summary = computeSummary(s.ctx, s.users.secretary, month).summary;
    expect(summary.total).toBe(5);
    expect(summary.matters).toBe(3);
    expect(summary.closing.duplicate).toBe(1);
    expect(summary.closing.open).toBe(4);
    // Printed and exported in the overview, under the cases received.
    const report = computeSummary(s.ctx, s.users.secretary, month);
    const pdf = squash(
      (await readPdf(await summaryPdf(report, 'zh-CN', { creationDate: new Date(T0) }))).map((p) => p.text).join(''),
    );
    expect(pdf).toContain('5起个案,3个事项(关联为同一事项的个案计一次)');
    expect(pdf).toContain('重复(已合并)1');
    expect(summaryCsv(report, 'en').toString('utf8')).toContain(
      'Cases received,5\r\nMatters (cases linked as one matter count once),3',
    );
    // Head office counts the same from the snapshots it received.
    const period = periodOfDate('month', '2026-11-24', s.settings.timeZone);
    const facts = [a, b, c, d, e].map((x) => caseFacts(latestSnapshot(x.id), [], s.settings));
    const hq = summarize(facts, period, []);
    expect([hq.total, hq.matters, hq.closing.duplicate]).toEqual([5, 3, 1]);
    // The record form's closing agrees with the summary's.
    expect(caseClosing(latestSnapshot(d.id), s.settings)).toBe('duplicate');
    expect(CLOSING_LABELS.duplicate.zh).toBe('重复(已合并)');

    // The duplicate's primary joins the linked matter: one matter of four cases, and e.
    linkCases(s.ctx, s.users.secretary, { caseIds: [c.id, a.id] });
    summary = computeSummary(s.ctx, s.users.secretary, month).summary;
    expect([summary.total, summary.matters]).toEqual([5, 2]);
    const again = [a, b, c, d, e].map((x) => caseFacts(latestSnapshot(x.id), [], s.settings));
    expect(summarize(again, period, []).matters).toBe(2);

    // Undone: the duplicate is a case of its own again (it was in no matter before the merge).
    undoMerge(s.ctx, s.users.manager, { duplicateId: d.id, reason: '不是同一事项' });
    summary = computeSummary(s.ctx, s.users.secretary, month).summary;
    expect([summary.total, summary.matters, summary.closing.duplicate]).toEqual([5, 3, 0]);
  });
});
