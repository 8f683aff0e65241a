// The summary's 按商品 (by item) count (issue 18 §2) on a real store: cases counted by item key (code folded,
// else normalised name), the most recent name shown, founded ones counted; read back from the PDF and CSV.
import { afterEach, describe, expect, it } from 'vitest';
import { recordFinding } from '../../src-main/services/case-details';
import { forwardCase } from '../../src-main/services/case-workflow';
import { summaryCsv, summaryPdf } from '../../src-main/services/report-export';
import { computeSummary } from '../../src-main/services/reports';
import type { Finding } from '../../src-main/shared/enums';
import { readPdf, squash } from '../helpers/pdf-text';
import { openTestStore, phoneCase, T0, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());
const NOVEMBER = { periodType: 'month', date: '2026-11-24', previousCount: 1 } as const;

/** A case naming `items`, received `minutes` after T0, with a finding when given. */
function caseWith(minutes: number, items: { name: string; code?: string }[] | null, finding?: Finding) {
  s.clock.t = T0 + minutes * 60_000;
  const c = phoneCase(s, {
    purchase: items ? { items, receiptNo: 'R1', purchaseDate: '2026-11-20', amountFen: 100 } : undefined,
  });
  if (finding) {
    forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
    recordFinding(s.ctx, s.users.secretary, { caseId: c.id, cause: 'staff', finding });
  }
  return c;
}

describe('按商品 in the summary', () => {
  it('counts cases by item key: two spellings of one code together, a case without a code by name, none without items', () => {
    s = openTestStore();
    caseWith(1, [{ name: '男士皮鞋', code: '6901-234 567' }], 'founded');
    // Two lines of the same item in one case count once; the later name is the one shown.
    caseWith(
      2,
      [
        { name: '男士皮鞋(黑)', code: '６９０１２３４５６７' },
        { name: '男士皮鞋 黑色', code: '6901234567' },
      ],
      'unfounded',
    );
    caseWith(3, [{ name: 'Ａ牌  牛奶' }], 'partly_founded');
    caseWith(4, [{ name: 'a牌 牛奶' }]);
    caseWith(5, [{ name: '儿童袜', code: '6900000000011' }, { name: 'a牌 牛奶 ' }]);
    caseWith(6, null);
    // Received in October: the trend only, not the item count.
    s.clock.t = Date.parse('2026-10-15T10:00:00+08:00');
    phoneCase(s);
    const r = computeSummary(s.ctx, s.users.secretary, NOVEMBER).summary;
    expect(r.total).toBe(6);
    expect(r.byItemTotal).toBe(3);
    expect(r.byItem).toEqual([
      { key: 'name:a牌 牛奶', name: 'a牌 牛奶', code: null, count: 3, founded: 1 },
      { key: 'code:6901234567', name: '男士皮鞋(黑)', code: '6901234567', count: 2, founded: 1 },
      { key: 'code:6900000000011', name: '儿童袜', code: '6900000000011', count: 1, founded: 0 },
    ]);
  });

  it('lists the first 10 items in the PDF and CSV with a note saying how many there are', async () => {
    s = openTestStore();
    for (let i = 0; i < 11; i++) caseWith(i, [{ name: `商品${String(i).padStart(2, '0')}`, code: `69000${i}` }]);
    caseWith(20, [{ name: '商品05新名', code: '690005' }], 'founded');
    const report = computeSummary(s.ctx, s.users.secretary, NOVEMBER);
    expect(report.summary.byItem).toHaveLength(10);
    expect(report.summary.byItem?.[0]).toMatchObject({ name: '商品05新名', code: '690005', count: 2, founded: 1 });
    const pdf = squash(
      (await readPdf(await summaryPdf(report, 'zh-CN', { creationDate: new Date(T0) }))).map((p) => p.text).join(''),
    );
    expect(pdf).toContain('按商品商品(编码)异议件数其中属实/部分属实占比商品05新名(690005)2116.7%商品00(690000)108.3%');
    expect(pdf).toContain('仅列出前10项,共11项。按条码/商品编码归并');
    // Ties go by key ('code:6900010' sorts before 'code:690002'): the one left out is 商品09.
    expect(pdf).toContain('商品10(6900010)');
    expect(pdf).not.toContain('商品09(690009)');
    const csv = summaryCsv(report, 'en').toString('utf8');
    expect(csv).toContain('Item (code),Cases,Of which founded or partly founded,Share');
    expect(csv).toContain('商品05新名 (690005),2,1,16.7%');
    expect(csv).toContain('First 10 of 11 items shown');
  });
});
