// 提供给顾客的方案 on paper (issue 21 §3): the record form prints each option offered (kind, words, amount) with
// the chosen one marked, or 均未接受 with the reason, read back from the real PDF in both languages; nothing
// when no option was recorded.
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { forwardCase, resolveCase } from '../../src-main/services/case-workflow';
import { printCaseRecord } from '../../src-main/services/print';
import { readPdf, squash } from '../helpers/pdf-text';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());
let printed = 0;
const FIXED = { creationDate: new Date('2026-11-24T00:00:00Z') };

async function text(id: string, lang: 'zh-CN' | 'en'): Promise<string> {
  const pdf = await printCaseRecord(s.ctx, s.users.secretary, id, { ...FIXED, lang });
  if (process.env.OFFER_PDF_OUT) writeFileSync(`${process.env.OFFER_PDF_OUT}-${lang}-${++printed}.pdf`, pdf);
  return squash((await readPdf(pdf)).map((p) => p.text).join(''));
}

function resolved(offer: unknown): string {
  const c = phoneCase(s);
  forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
  resolveCase(s.ctx, s.users.staff, {
    caseId: c.id,
    type: 'refund',
    summary: '顾客选择部分退款',
    amountFen: 12_050,
    offer,
  });
  return c.id;
}

describe('顾客异议处理记录表: 提供给顾客的方案', () => {
  it('prints every option with the chosen one marked, in both languages', async () => {
    s = openTestStore();
    const id = resolved({
      options: [
        { kind: 'exchange', text: '换同款 39 码,当日调货' },
        { kind: 'partial_refund', amountFen: 12_050 },
        { kind: 'personal_care', text: '由鞋部刘主管专人跟进保养' },
      ],
      chosen: 1,
    });
    const zh = await text(id, 'zh-CN');
    expect(zh).toContain('提供给顾客的方案序号方案内容金额顾客选择');
    expect(zh).toContain('1换货换同款39码,当日调货□');
    expect(zh).toContain('2部分退款¥120.50■顾客选择');
    expect(zh).toContain('3专人跟进关怀由鞋部刘主管专人跟进保养□');
    // Under the result, before the linked slips.
    expect(zh.indexOf('提供给顾客的方案')).toBeGreaterThan(zh.indexOf('顾客选择部分退款'));
    expect(zh.indexOf('提供给顾客的方案')).toBeLessThan(zh.indexOf('关联退换货单'));
    const en = await text(id, 'en');
    expect(en).toContain('OptionsofferedtothecustomerNo.OptionWordsAmountChosen');
    expect(en).toContain('2Partialrefund¥120.50■Chosen');
  });

  it('prints 均未接受 with the reason, and no section when no option was recorded', async () => {
    s = openTestStore();
    const none = resolved({
      options: [{ kind: 'repair' }, { kind: 'discount', amountFen: 5_000 }],
      chosen: 'none',
      note: '顾客坚持全额退款,已转值班主管',
    });
    const zh = await text(none, 'zh-CN');
    expect(zh).toContain('1维修□2折扣¥50.00□');
    expect(zh).toContain('均未接受顾客坚持全额退款,已转值班主管');
    const plain = resolved(undefined);
    expect(await text(plain, 'zh-CN')).not.toContain('提供给顾客的方案');
  });
});
