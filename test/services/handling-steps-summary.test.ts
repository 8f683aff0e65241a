// "Handling steps followed" in the summary (issue 21 §3) on a real store: cases of the period with every
// step for their channel ticked, per step the cases it applies to and those that ticked it; a case of
// another month counts nowhere; the same figures in the PDF and the CSV.
import { afterEach, describe, expect, it } from 'vitest';
import { tallyHandlingSteps } from '../../src-main/domain/summary/steps-tally';
import { SHIPPED_PHRASE_LIBRARY } from '../../src-main/db/repositories/reference-repo';
import { summaryCsv, summaryPdf } from '../../src-main/services/report-export';
import { computeSummary } from '../../src-main/services/reports';
import { tickHandlingStep } from '../../src-main/services/handling-steps';
import { readPdf, squash } from '../helpers/pdf-text';
import { openTestStore, phoneCase, T0, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const NOVEMBER = { periodType: 'month', date: '2026-11-24', previousCount: 0 } as const;
const PHONE_STEPS = ['listen', 'confirm_callback', 'apologise', 'find_cause', 'propose', 'agree_act', 'follow_up'];

describe('handling steps followed in the summary', () => {
  it('counts the cases with every step ticked and each step, on screen data, PDF and CSV', async () => {
    s = openTestStore();
    // Phone: one case with all seven steps, one with two; in store: one with none; government: one with listen.
    phoneCase(s, { handlingSteps: PHONE_STEPS });
    const partial = phoneCase(s, { handlingSteps: ['listen'] });
    tickHandlingStep(s.ctx, s.users.clerk, { caseId: partial.id, stepKey: 'apologise', ticked: true });
    phoneCase(s, { channel: 'in_store', customer: { name: '李四' } });
    phoneCase(s, {
      channel: 'government',
      government: { body: '12315', referenceNo: 'GZ-1' },
      handlingSteps: ['listen', 'confirm_body'],
    });
    // Another month: counted nowhere in November.
    s.clock.t = Date.parse('2026-10-10T10:00:00+08:00');
    phoneCase(s, { handlingSteps: PHONE_STEPS });
    s.clock.t = T0;

    const h = computeSummary(s.ctx, s.users.secretary, NOVEMBER).summary.handlingSteps;
    expect(h?.cases).toBe(4);
    expect(h?.allSteps).toBe(1);
    const by = Object.fromEntries((h?.steps ?? []).map((x) => [x.key, [x.applicable, x.ticked]]));
    expect(by).toEqual({
      listen: [4, 3],
      confirm_body: [1, 1],
      confirm_callback: [2, 1],
      apologise: [4, 2],
      find_cause: [4, 1],
      propose: [4, 1],
      agree_act: [4, 1],
      follow_up: [4, 1],
    });
    const report = computeSummary(s.ctx, s.users.secretary, NOVEMBER);
    const pdf = squash(
      (await readPdf(await summaryPdf(report, 'zh-CN', { creationDate: new Date(T0) }))).map((p) => p.text).join(''),
    );
    expect(pdf).toContain('处理步骤执行情况');
    expect(pdf).toContain('按渠道全部步骤勾选的个案4125.0%耐心倾听4375.0%');
    const csv = summaryCsv(report, 'en').toString('utf8');
    expect(csv).toContain('Cases with every step for their channel ticked,4,1,25.0%');
    expect(csv).toContain("Check the body's reference,1,1,100.0%");
  });

  it('ignores ticks of steps the library no longer has or not for the channel', () => {
    const h = tallyHandlingSteps(
      SHIPPED_PHRASE_LIBRARY,
      [{ channel: 'email', n: 2 }],
      [{ channel: 'email', keys: 'listen gone_step confirm_body' }],
    );
    expect(h.cases).toBe(2);
    expect(h.allSteps).toBe(0);
    expect(h.steps.find((x) => x.key === 'listen')).toMatchObject({ applicable: 2, ticked: 1 });
    expect(h.steps.find((x) => x.key === 'confirm_body')).toMatchObject({ applicable: 0, ticked: 0 });
  });
});
