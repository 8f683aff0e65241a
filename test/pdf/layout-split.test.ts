// The flow layout splits what does not fit (issue 17): a grid cell, a table row, a text box and
// an entry body continue on the next page under the repeated header; nothing is drawn below the
// footer or above the header; a signature block is never alone on a page.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPACT, Flow, REGULAR } from '../../src-main/pdf/layout';
import { createDoc, toBuffer } from '../../src-main/pdf/render';
import { type PdfPage, readPdf, squash } from '../helpers/pdf-text';

const MARGIN = 30;
const FOOTER = 14;
const HEADER_BOTTOM = 60;

async function render(name: string, paper: 'A4' | 'A5', body: (f: Flow) => void): Promise<PdfPage[]> {
  const doc = createDoc({ paper, creationDate: new Date('2026-11-24T00:00:00Z') });
  const flow: Flow = new Flow(doc, {
    paper,
    margin: MARGIN,
    footerHeight: FOOTER,
    metrics: paper === 'A5' ? COMPACT : REGULAR,
    header: (_d, page) => {
      flow.text(`测试表头 HEAD-${page}`, flow.left, MARGIN, flow.width, { size: 12, font: 'bold' });
      return HEADER_BOTTOM;
    },
  });
  body(flow);
  flow.numberPages((n, total) => `第 ${n} 页 / 共 ${total} 页`);
  const pdf = await toBuffer(doc);
  if (process.env.SLIP_SAMPLES_DIR) writeFileSync(join(process.env.SLIP_SAMPLES_DIR, `layout-${name}.pdf`), pdf);
  return readPdf(pdf);
}

/** Each page has its header; the body text lies between the header and the footer line. */
function expectInBounds(pages: PdfPage[]) {
  for (const [i, p] of pages.entries()) {
    expect(p.text, `page ${i + 1}`).toContain(`测试表头 HEAD-${i + 1}`);
    for (const it of p.items.filter((x) => x.str.trim() && !x.str.includes('测试表头') && !x.str.includes('页'))) {
      // pdfjs gives the baseline from the bottom of the page.
      expect(it.y, `"${it.str}" page ${i + 1} below the footer`).toBeGreaterThanOrEqual(MARGIN + FOOTER - 2);
      expect(p.height - it.y, `"${it.str}" page ${i + 1} over the header`).toBeGreaterThan(HEADER_BOTTOM);
    }
  }
}

const all = (pages: PdfPage[]) => squash(pages.map((p) => p.text).join(''));
/** The body's text in order, without page headers, page numbers and the repeated labels in `drop`. */
const body = (pages: PdfPage[], drop: string[] = []) =>
  squash(
    pages
      .flatMap((p) => p.items.map((i) => i.str))
      .filter((s) => !s.includes('测试表头') && !/第\s*\d+\s*页/.test(s) && !drop.includes(s.trim()))
      .join(''),
  );
const longText = (n: number) => Array.from({ length: n }, (_, i) => `第${i + 1}句顾客反映商品有质量问题。`).join('');

describe('Flow splits across pages', () => {
  it('a grid cell longer than a page continues on the next pages, label marked continued', async () => {
    const items = Array.from({ length: 50 }, (_, i) => `商品${i + 1} 男士跑鞋 42码 ×1`).join('、');
    const value = `${items}${longText(120)}`;
    const pages = await render('grid-cell', 'A4', (f) => {
      f.grid([{ label: '购买商品', value, wide: true }]);
      f.grid([
        { label: '之后', value: '下一格' },
        { label: '另一', value: '格' },
      ]);
    });
    expect(pages.length).toBeGreaterThan(1);
    expectInBounds(pages);
    expect(body(pages, ['购买商品', '购买商品(续)'])).toContain(squash(value));
    expect(all(pages)).toContain('购买商品(续)');
    expect(all(pages)).toContain('下一格');
  });

  it('never cuts an item code or an English word at a page break', async () => {
    const codes = Array.from({ length: 120 }, (_, i) => `6901234${String(i).padStart(6, '0')}`);
    const words = 'The customer reports that the sole came loose after two days of wear. '.repeat(30);
    // Several starting heights, so that the page break falls at different places in the text.
    for (const shift of [0, 7, 13, 21, 29, 37]) {
      const pages = await render(`no-word-cut-${shift}`, 'A5', (f) => {
        f.newPage();
        f.y += 200 + shift;
        f.grid([{ label: '商品编码', value: codes.join('、'), wide: true }]);
        f.y = f.bottom - 60 - shift;
        f.textBox('Complaint', words, { continued: ' (continued)' });
      });
      expectInBounds(pages);
      // Every word and number read back is whole: a cut would leave pieces such as "th" and "at".
      const vocabulary = new Set(words.match(/[A-Za-z]+/g));
      for (const p of pages) {
        const read = p.items.map((x) => x.str).join(' ');
        for (const w of read.match(/[A-Za-z]+/g) ?? [])
          if (!['HEAD', 'Complaint', 'continued'].includes(w))
            expect(vocabulary, `"${w}" (shift ${shift})`).toContain(w);
        for (const n of read.match(/\d{5,}/g) ?? []) expect(n, `shift ${shift}`).toMatch(/^\d{13}$/);
      }
      for (const code of codes) expect(all(pages), code).toContain(code);
      // A continuation never starts with closing punctuation.
      expect(all(pages), `shift ${shift}`).not.toMatch(/\(续\)、/);
      expect(body(pages, ['商品编码', '商品编码(续)', 'Complaint', 'Complaint (continued)'])).toContain(squash(words));
    }
  });

  it('a 50-row table repeats its head row on every page and keeps every row', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => [`ITEM-${i + 1}`, `商品${i + 1}`, '1', '¥100.00']);
    rows[20] = ['', longText(60), '', ''];
    const pages = await render('table-50', 'A5', (f) =>
      f.table(
        [
          { title: '商品编码', width: 20 },
          { title: '品名', width: 40 },
          { title: '数量', width: 10 },
          { title: '金额', width: 15 },
        ],
        rows,
      ),
    );
    expect(pages.length).toBeGreaterThan(2);
    expectInBounds(pages);
    for (const p of pages) expect(squash(p.text)).toContain('商品编码品名数量金额');
    for (let i = 1; i <= 50; i++) if (i !== 21) expect(all(pages)).toContain(`ITEM-${i}`);
    expect(body(pages, ['商品编码', '品名', '数量', '金额'])).toContain(squash(longText(60)));
  });

  it('a text box and entry bodies longer than a page continue under their header', async () => {
    const complaint = longText(200);
    const pages = await render('box-entries', 'A4', (f) => {
      f.textBox('投诉内容', complaint, { continued: '(续)' });
      f.entries(
        Array.from({ length: 40 }, (_, i) => ({
          head: `记录 ${i + 1}`,
          body: i === 5 ? longText(150) : `处理经过 ${i + 1}`,
        })),
        '无',
      );
    });
    expectInBounds(pages);
    expect(body(pages, ['投诉内容', '投诉内容(续)'])).toContain(squash(complaint));
    expect(all(pages)).toContain('投诉内容(续)');
    expect(body(pages)).toContain(squash(longText(150)));
    expect(all(pages)).toContain('处理经过40');
  });

  it('signatures never stand alone: the last row moves to their page', async () => {
    // Fill the page so that the last grid row fits but the signature block after it does not.
    for (const fill of [0, 4, 8, 12, 16, 20]) {
      const pages = await render(`signatures-${fill}`, 'A5', (f) => {
        f.newPage();
        f.y = f.bottom - 60 + fill;
        f.grid([{ label: '最后一行', value: '最后的内容' }], 1, { keepWith: f.m.signatureHeight });
        f.signatures(['顾客签字', '经办人签字'], '日期');
      });
      expectInBounds(pages);
      const signPage = pages.find((p) => p.text.includes('顾客签字'))!;
      expect(squash(signPage.text), `fill ${fill}`).toContain('最后的内容');
    }
  });

  it('a long last cell leaves its last line(s) with the signatures', async () => {
    const pages = await render('signatures-long', 'A4', (f) => {
      f.newPage();
      // The cell (five lines) fits here, the signature block after it does not.
      f.y = f.bottom - 100;
      f.grid([{ label: '退换原因', value: longText(12), wide: true }], 1, { keepWith: f.m.signatureHeight });
      f.signatures(['顾客签字'], '日期');
    });
    expectInBounds(pages);
    expect(body(pages, ['退换原因', '退换原因(续)'])).toContain(squash(longText(12)));
    expect(pages).toHaveLength(2);
    expect(squash(pages[0]!.text)).toContain('第1句');
    expect(squash(pages[1]!.text)).toContain('退换原因(续)');
    expect(squash(pages[1]!.text)).toContain('顾客签字');
  });
});
