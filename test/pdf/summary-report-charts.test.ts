// The printed charts carry their values as text (direct labels), so a black-and-white copy does not
// depend on telling colours apart: each trend bar's total and late count, each time-limit segment's
// count, and the legends' words, read back from page 1 with pdfjs.
import { describe, expect, it } from 'vitest';
import { summaryPdf } from '../../src-main/pdf/summary-files';
import { readPdf } from '../helpers/pdf-text';
import { longReport, sh } from './summary-report-fixture';

describe('summary report charts', () => {
  it('label every bar and segment with its value, and name the late part in the legend', async () => {
    const r = longReport({ type: 'month', date: '2026-11-18', n: 260, generatedAt: sh('2026-11-18T15:20:00') });
    const [page] = await readPdf(await summaryPdf(r, 'zh-CN'));
    const words = (page?.items ?? []).map((i) => i.str.trim());
    expect(words).toContain('其中超时');
    const count = (v: string) => words.filter((w) => w === v).length;
    for (const p of r.summary.trend) {
      expect(count(String(p.late)), `late ${p.key}`).toBeGreaterThan(0);
      expect(count(String(p.total)), `total ${p.key}`).toBeGreaterThan(0);
    }
    const c = r.summary.closing;
    // The segments wide enough carry their count on the bar, besides the legend's "label count".
    expect(count(String(c.same_day))).toBeGreaterThanOrEqual(1);
    expect(count(String(c.late))).toBeGreaterThanOrEqual(2);
    expect(words).toContain(`超时 ${c.late}`);
    expect(words).toContain(`当日结案 ${c.same_day}`);
  });
});
