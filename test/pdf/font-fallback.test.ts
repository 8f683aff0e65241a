// The fallback font chain (issue 17): names with CJK Extension B (𠀾 𪚥) and emoji (😀) print and
// read back exactly on the slip, the record and the reply letter; the fallback fonts are embedded
// only in documents that use them; runs never split a grapheme; measure and draw agree; bold works.
// With FONT_SAMPLES_DIR set, the slip and record PDFs are also written there to be looked at.
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createCase } from '../../src-main/services/case-intake';
import { forwardCase, recordFeedback, resolveCase } from '../../src-main/services/case-workflow';
import { printCaseRecord, printSlip, renderPrintable } from '../../src-main/services/print';
import { createSlip } from '../../src-main/services/slips';
import { FONT_FILES, textRuns } from '../../src-main/pdf/font-fallback';
import { Flow } from '../../src-main/pdf/layout';
import { createDoc, DEFAULT_FONT_DIR, toBuffer } from '../../src-main/pdf/render';
import { readPdf, squash } from '../helpers/pdf-text';
import { returnInput } from '../helpers/slips';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());
const FIXED = { creationDate: new Date('2026-11-24T00:00:00Z') };
const NAME = '欧阳𠀾𪚥旻堃喆😀 Li';
const FALLBACKS = ['HanaMinB', 'NotoEmoji-Regular', 'Symbola'];

/** The subset font names a PDF embeds (pdfkit writes the font dictionaries uncompressed). */
const embedded = (pdf: Buffer) =>
  [...pdf.toString('latin1').matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1] ?? '');

const save = (pdf: Buffer, name: string) => {
  if (process.env.FONT_SAMPLES_DIR) writeFileSync(join(process.env.FONT_SAMPLES_DIR, `${name}.pdf`), pdf);
};

async function expectNames(pdf: Buffer, names: string[]) {
  const text = squash((await readPdf(pdf)).map((p) => p.text).join(''));
  for (const n of names) expect(text).toContain(squash(n));
}

describe('fallback fonts on the forms', () => {
  it('a slip prints 𠀾 𪚥 旻堃喆 😀 in the customer and salesperson names and embeds the fallbacks', async () => {
    s = openTestStore();
    const slip = createSlip(
      s.ctx,
      s.users.clerk,
      returnInput(s, { customer: { name: NAME, phone: '13800138000' }, salespersonName: '刘𪚥喆' }),
    );
    const pdf = await printSlip(s.ctx, slip.id, FIXED);
    save(pdf, 'slip-fallback');
    await expectNames(pdf, [NAME, '刘𪚥喆']);
    expect(embedded(pdf)).toEqual(expect.arrayContaining(['NotoSansSC-Regular', 'HanaMinB', 'NotoEmoji-Regular']));
  });

  it('a plain slip embeds only the body font, and its bytes do not change with the fallback chain present', async () => {
    s = openTestStore();
    const slip = createSlip(s.ctx, s.users.clerk, returnInput(s));
    const pdf = await printSlip(s.ctx, slip.id, FIXED);
    expect(new Set(embedded(pdf))).toEqual(new Set(['NotoSansSC-Regular']));
    for (const f of FALLBACKS) expect(pdf.toString('latin1')).not.toContain(f);
  });

  it('a case record prints the names in the customer, the complaint and the handling; <b>x</b> stays literal', async () => {
    s = openTestStore();
    const c = phoneCase(s, {
      customer: { name: NAME, phone: '138 0013 8000' },
      content: `顾客${NAME}反映 <b>x</b> 鞋底开胶 👍🏽 家人👨‍👩‍👧 也来了 ❤️`,
    });
    resolveCase(s.ctx, s.users.secretary, {
      caseId: c.id,
      type: 'refund',
      summary: '为𠀾𪚥先生退款 ✔',
      amountFen: 45900,
    });
    const pdf = await printCaseRecord(s.ctx, s.users.secretary, c.id, FIXED);
    save(pdf, 'record-fallback');
    // A monochrome font has no skin tones: 👍🏽 prints (and reads back) as 👍, never as tofu.
    await expectNames(pdf, [NAME, '<b>x</b>鞋底开胶👍家人👨‍👩‍👧也来了❤️', '为𠀾𪚥先生退款✔']);
    expect(embedded(pdf)).toEqual(expect.arrayContaining(['HanaMinB', 'NotoEmoji-Regular']));
  });

  it('a reply letter prints the customer name with Extension B and emoji', async () => {
    s = openTestStore();
    const c = createCase(s.ctx, s.users.clerk, {
      channel: 'government',
      government: { body: 'consumer_association', bodyName: '浦东新区消保委', referenceNo: 'XB-2026-1107' },
      customer: { name: NAME, phone: '13700137000' },
      content: '反映价签与结算价不一致 😀',
      categoryCode: 'price',
      complainedUnitId: s.units.food,
    });
    forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.food });
    resolveCase(s.ctx, s.users.secretary, { caseId: c.id, type: 'refund', summary: '退还差价', amountFen: 1200 });
    s.clock.t = Date.parse('2026-11-26T15:00:00+08:00');
    recordFeedback(s.ctx, s.users.secretary, {
      caseId: c.id,
      bodyAnswer: 'no_objection',
      writtenReplyDate: '2026-11-25',
    });
    const printed = await renderPrintable(s.ctx, s.users.secretary, { kind: 'reply_letter', id: c.id });
    await expectNames(printed.pdf, [NAME, '反映价签与结算价不一致😀']);
    expect(embedded(printed.pdf)).toEqual(expect.arrayContaining(['HanaMinB', 'NotoEmoji-Regular']));
  });
});

describe('lazy fallbacks', () => {
  /** A font folder holding only the body font: any attempt to read a fallback fails. */
  function bodyOnlyDir() {
    const dir = mkdtempSync(join(tmpdir(), 'fonts-body-only-'));
    symlinkSync(join(DEFAULT_FONT_DIR, FONT_FILES.body), join(dir, FONT_FILES.body));
    return dir;
  }
  const draw = async (fontDir: string, text: string) => {
    const doc = createDoc({ ...FIXED, fontDir });
    const f = new Flow(doc, { paper: 'A4', margin: 40, footerHeight: 10, header: () => 50 });
    f.newPage();
    f.text(text, f.left, f.y, 200, { font: 'bold' });
    return toBuffer(doc);
  };

  it('a document the body font covers never reads a fallback font file', async () => {
    const pdf = await draw(bodyOnlyDir(), '张三 旻堃喆 ① ✓ <b>x</b>');
    expect(squash((await readPdf(pdf))[0]?.text ?? '')).toBe(squash('张三 旻堃喆 ① ✓ <b>x</b>'));
  });

  it('a document with 𠀾 reads the CJK extension font, and says which file is missing when it is', async () => {
    await expect(draw(bodyOnlyDir(), '欧阳𠀾')).rejects.toThrow(/form font missing: .*HanaMinB\.ttf/);
  });
});

describe('text runs', () => {
  const doc = createDoc(FIXED);
  const join = (text: string) =>
    textRuns(doc, text)
      .map((r) => `${r.font}:${r.text}`)
      .join('|');

  it('text the body font covers is one run', () => {
    expect(join('张三 Li 旻堃喆 ① ✓ <b>x</b>')).toBe('body:张三 Li 旻堃喆 ① ✓ <b>x</b>');
  });

  it('switches font per character and keeps surrogate pairs, ZWJ sequences, skin tones and VS16 whole', () => {
    expect(join('欧阳𠀾𪚥旻😀')).toBe('body:欧阳|cjk-ext:𠀾𪚥|body:旻|emoji:😀');
    expect(join('a👨‍👩‍👧b')).toBe('body:a|emoji:👨‍👩‍👧|body:b');
    expect(join('👍🏽❤️')).toBe('emoji:👍🏽❤️');
    expect(join('✔')).toBe('emoji:✔');
  });

  it('a character no font covers stays in the body font (it prints as the body font would)', () => {
    expect(join('a\u0378b')).toBe('body:a\u0378b');
    expect(join('\u{10FFFD}')).toBe('body:\u{10FFFD}');
  });
});

describe('mixed runs in the flow', () => {
  const TEXT = `顾客${NAME} 反映👨‍👩‍👧❤️✔ 鞋底开胶 mixed text that wraps`;

  /** Draws TEXT at y = 100 in a narrow column; returns the measured height and the baselines drawn. */
  async function drawn(width: number, bold: boolean) {
    const doc = createDoc(FIXED);
    const f = new Flow(doc, { paper: 'A4', margin: 40, footerHeight: 10, header: () => 100 });
    f.newPage();
    const h = f.measure(TEXT, width, 9.5, bold ? 'bold' : 'body');
    f.text(TEXT, f.left, 100, width, bold ? { font: 'bold' } : {});
    const pdf = await toBuffer(doc);
    const [page] = await readPdf(pdf);
    const tops = (page?.items ?? []).filter((i) => i.str.trim()).map((i) => (page?.height ?? 0) - i.y);
    return { h, tops, text: page?.text ?? '', pdf };
  }

  it('draws within the height it measured, over several lines', async () => {
    const { h, tops, text } = await drawn(70, false);
    expect(squash(text)).toBe(squash(TEXT));
    expect(new Set(tops.map((t) => t.toFixed(1))).size).toBeGreaterThan(4);
    for (const t of tops) {
      expect(t).toBeGreaterThan(100);
      expect(t).toBeLessThanOrEqual(100 + h);
    }
  });

  it('draws every run of bold text filled and stroked (faux bold)', async () => {
    const { pdf } = await drawn(400, true);
    const content = [...pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)endstream/g)]
      .map((m) => {
        try {
          return inflateSync(Buffer.from(m[1] ?? '', 'latin1')).toString('latin1');
        } catch {
          return '';
        }
      })
      .find((c) => c.includes('BT'));
    const modes = [...(content ?? '').matchAll(/(\d) Tr/g)].map((m) => m[1]);
    // One text object per run: body, CJK extension, emoji… every one in mode 2 (fill, then stroke).
    expect(modes.length).toBeGreaterThan(4);
    expect(new Set(modes)).toEqual(new Set(['2']));
  });
});

describe('a page break inside text', () => {
  const FAMILY = '👨‍👩‍👧';
  it('never cuts an emoji ZWJ sequence or a surrogate pair: every page holds whole families', async () => {
    const doc = createDoc({ creationDate: FIXED.creationDate });
    const f = new Flow(doc, { paper: 'A5', margin: 30, footerHeight: 10, header: () => 40 });
    f.newPage();
    // About 75 lines of families: the page ends inside the run.
    f.textBox('留言', Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? `${FAMILY}𠀾` : FAMILY)).join(''), {
      minLines: 1,
    });
    const pages = await readPdf(await toBuffer(doc));
    expect(pages.length).toBeGreaterThan(1);
    let families = 0;
    for (const p of pages) {
      const men = [...p.text].filter((c) => c === '👨').length;
      const girls = [...p.text].filter((c) => c === '👧').length;
      expect(men, `page text: ${p.text.slice(0, 40)}`).toBe(girls);
      families += men;
    }
    expect(families).toBe(3000);
  });
});
