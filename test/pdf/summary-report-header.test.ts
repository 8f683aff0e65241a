// The printed summary names itself on every page: period, branch and generation time (branch time
// zone) in each page's header; a running period reads 截至 (as of) the generation time, a closed one
// does not. Read back with pdfjs page by page from a report of three pages and more.
import { describe, expect, it } from 'vitest';
import { summaryPdf } from '../../src-main/pdf/summary-files';
import { readPdf, squash } from '../helpers/pdf-text';
import { longReport, sh } from './summary-report-fixture';

const running = longReport({ type: 'month', date: '2026-11-18', n: 260, generatedAt: sh('2026-11-18T15:20:00') });
const closed = longReport({ type: 'month', date: '2026-11-18', n: 260, generatedAt: sh('2026-12-02T08:05:00') });

describe('summary report page headers', () => {
  it('every page of a long Chinese report carries the branch, the period with 截至 and the generation time', async () => {
    const pages = await readPdf(await summaryPdf(running, 'zh-CN'));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((p, i) => {
      const text = squash(p.text);
      expect(text, `page ${i + 1}`).toContain('顾客异议处理月报表');
      expect(text, `page ${i + 1}`).toContain('门店:上海一店(SH01)');
      expect(text, `page ${i + 1}`).toContain(squash('统计期间:2026-11(2026-11-01 至 2026-11-30,截至 11-18 15:20)'));
      // 15:20 in Shanghai, not the UTC 07:20 of the same instant.
      expect(text, `page ${i + 1}`).toContain(squash('生成时间:2026-11-18 15:20'));
    });
  });

  it('in English too, with "as of"', async () => {
    const pages = await readPdf(await summaryPdf(running, 'en'));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const p of pages) {
      const text = squash(p.text);
      expect(text).toContain(squash('Branch: 上海一店 (SH01)'));
      expect(text).toContain(squash('Period: 2026-11 (2026-11-01 to 2026-11-30, as of 11-18 15:20)'));
      expect(text).toContain(squash('Generated: 2026-11-18 15:20'));
    }
  });

  it('a closed month has no 截至 on any page, but still the generation time on each', async () => {
    const pages = await readPdf(await summaryPdf(closed, 'zh-CN'));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const p of pages) {
      const text = squash(p.text);
      expect(text).not.toContain('截至');
      expect(text).toContain(squash('统计期间:2026-11(2026-11-01 至 2026-11-30)'));
      expect(text).toContain(squash('生成时间:2026-12-02 08:05'));
    }
  });

  it('a running week reads 截至 too; the week after it ends does not', async () => {
    const week = longReport({ type: 'week', date: '2026-11-11', n: 40, generatedAt: sh('2026-11-13T09:30:00') });
    const text = squash((await readPdf(await summaryPdf(week, 'zh-CN'))).map((p) => p.text).join(''));
    expect(text).toContain(squash('2026-W46(2026-11-09 至 2026-11-15,截至 11-13 09:30)'));
    const after = { ...week, generatedAt: sh('2026-11-16T00:00:00') };
    expect(squash((await readPdf(await summaryPdf(after, 'zh-CN'))).map((p) => p.text).join(''))).not.toContain('截至');
  });
});
