// 方案被接受 in the summary (issue 21 §3), on a real store: of the period's cases resolved with options
// offered, how many accepted one, how many chose the first, none accepted, and the kinds chosen; a case of
// another month and a case resolved without options count nowhere; printed in the PDF and the CSV.
import { afterEach, describe, expect, it } from 'vitest';
import { forwardCase, resolveCase } from '../../src-main/services/case-workflow';
import { summaryCsv, summaryPdf } from '../../src-main/services/report-export';
import { computeSummary } from '../../src-main/services/reports';
import { readPdf, squash } from '../helpers/pdf-text';
import { openTestStore, phoneCase, T0, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());
const NOVEMBER = { periodType: 'month', date: '2026-11-24', previousCount: 0 } as const;

function resolved(offer: unknown, receivedAt?: string) {
  const c = phoneCase(s, receivedAt ? { receivedAt } : {});
  forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
  resolveCase(s.ctx, s.users.staff, { caseId: c.id, type: 'explanation', summary: '已处理', offer });
}

describe('方案被接受 in the summary', () => {
  it('counts the options offered and chosen in the period, on screen data, PDF and CSV', async () => {
    s = openTestStore();
    resolved({ options: [{ kind: 'exchange' }, { kind: 'refund' }], chosen: 0 });
    resolved({ options: [{ kind: 'exchange' }, { kind: 'partial_refund', amountFen: 5_000 }], chosen: 1 });
    resolved({ options: [{ kind: 'repair' }, { kind: 'gift', amountFen: 2_000 }], chosen: 0 });
    resolved({ options: [{ kind: 'discount', amountFen: 1_000 }], chosen: 'none', note: '顾客坚持退款' });
    resolved(undefined);
    // Received in October: not this period's.
    resolved({ options: [{ kind: 'exchange' }], chosen: 0 }, '2026-10-20T10:00:00+08:00');
    const report = computeSummary(s.ctx, s.users.secretary, NOVEMBER);
    expect(report.summary.total).toBe(5);
    expect(report.summary.offers).toEqual({
      offered: 4,
      accepted: 3,
      firstChosen: 2,
      noneAccepted: 1,
      chosenKinds: {
        refund: 0,
        partial_refund: 1,
        exchange: 1,
        repair: 1,
        discount: 0,
        gift: 0,
        apology: 0,
        personal_care: 0,
        other: 0,
      },
    });
    const pdf = squash(
      (await readPdf(await summaryPdf(report, 'zh-CN', { creationDate: new Date(T0) }))).map((p) => p.text).join(''),
    );
    expect(pdf).toContain(
      '方案被接受项目件数占比提供了方案的个案480.0%顾客接受其中一个方案375.0%选择了首个方案250.0%均未接受125.0%选择:部分退款133.3%选择:换货133.3%选择:维修133.3%',
    );
    const csv = summaryCsv(report, 'en').toString('utf8');
    expect(csv).toContain('Chose the first option offered,2,50.0%');
    expect(csv).toContain('Chose: Exchange,1,33.3%');
  });
});
