// A long 顾客异议处理记录表 (issue 17): 50 purchased items whose cell alone is taller than a page, a
// 2,000-character complaint and a 40-entry timeline; every page carries title, number and branch, no text
// lies above the top margin or below the footer, and the split items cell reads whole (zh-CN and en).
import { afterEach, describe, expect, it } from 'vitest';
import { addNote } from '../../src-main/services/case-details';
import { formText, printCaseRecord } from '../../src-main/services/print';
import { readPdf, squash } from '../helpers/pdf-text';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());
const FIXED = { creationDate: new Date('2026-11-24T00:00:00Z') };
const text = (pages: { text: string }[]): string => squash(pages.map((p) => p.text).join(''));
const record = async (id: string, lang: 'zh-CN' | 'en') =>
  readPdf(await printCaseRecord(s.ctx, s.users.secretary, id, { ...FIXED, lang }));

describe('顾客异议处理记录表: a long record', () => {
  it('a 50-item, 2,000-character record with 40 timeline entries: title, number and branch on every page, all inside the margins', async () => {
    s = openTestStore();
    // Names long enough that the items cell alone is taller than a page: it must split, not run off the paper.
    const items = Array.from({ length: 50 }, (_, i) => ({
      name: `商品${String(i + 1).padStart(2, '0')}号 不锈钢真空保温杯 500毫升 礼盒装 颜色象牙白 型号TX-${i + 1} 附杯套与清洁刷 ${'加长说明'.repeat(10)}`,
      quantity: 2,
    }));
    const content = Array.from({ length: 100 }, (_, i) => `第${String(i).padStart(3, '0')}句顾客原话。`)
      .join('')
      .padEnd(2000, '续');
    expect(content.length).toBe(2000);
    const c = phoneCase(s, { content, purchase: { items } });
    for (let i = 0; i < 40; i++)
      addNote(s.ctx, s.users.secretary, { caseId: c.id, text: `第${i + 1}次跟进:已电话联系顾客说明进度。` });

    for (const lang of ['zh-CN', 'en'] as const) {
      const pages = await record(c.id, lang);
      expect(pages.length).toBeGreaterThan(2);
      const title = lang === 'en' ? 'CustomerObjectionRecord' : '顾客异议处理记录表';
      pages.forEach((p, i) => {
        expect(squash(p.text), `page ${i + 1}`).toContain(title);
        expect(p.text, `page ${i + 1}`).toContain(c.number);
        expect(p.text, `page ${i + 1}`).toContain(s.settings.branchName);
        for (const it of p.items.filter((x) => x.str.trim())) {
          // Baselines in PDF units from the bottom: below the 36 pt top margin, above the 36 pt bottom margin.
          expect(it.y, `${lang} page ${i + 1}: ${it.str}`).toBeLessThan(p.height - 36);
          expect(it.y, `${lang} page ${i + 1}: ${it.str}`).toBeGreaterThan(36);
        }
      });
      const all = text(pages);
      // A split cell reads whole once the repeated header, footer and continued labels are left out.
      const t = formText(lang);
      const bodies = squash(
        pages
          .flatMap((p) => p.items.filter((x) => x.y < p.height - 74 && x.y > 50))
          .map((x) => x.str)
          .join(''),
      ).replaceAll(squash(`${t.record.items}${t.continued}`), '');
      for (const it of items) expect(bodies).toContain(squash(`${it.name}×2`));
      for (let i = 0; i < 40; i++) expect(all).toContain(`第${i + 1}次跟进`);
      // The signature block shares its page with the filing date row.
      const last = pages.at(-1);
      expect(squash(last?.text ?? '')).toContain(lang === 'en' ? 'Filed' : '建档日期');
    }
  });

  it('the signature block never stands alone on a page, wherever the form ends', async () => {
    s = openTestStore();
    let filingAtFoot = 0;
    // Each step moves the end of the form by about a line, so some records end right at the foot of a page.
    for (let n = 200; n <= 1700; n += 60) {
      const c = phoneCase(s, { content: '顾客反映商品质量问题。'.repeat(n / 10) });
      const pages = await record(c.id, 'zh-CN');
      const last = pages.at(-1);
      expect(squash(last?.text ?? ''), `${n} characters`).toContain('处理人签字');
      expect(squash(last?.text ?? ''), `${n} characters`).toContain('建档日期');
      const previous = pages.at(-2);
      const lowest = Math.min(...(previous?.items.filter((x) => x.str.trim() && x.y > 50).map((x) => x.y) ?? [999]));
      // The previous page's content (above the page number) reached its foot: the form ended at a page break.
      if (previous && lowest < 120) filingAtFoot++;
    }
    expect(filingAtFoot).toBeGreaterThan(0);
  });
});
