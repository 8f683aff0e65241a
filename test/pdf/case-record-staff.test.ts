// 回避 on paper (issue 18 §5): the record form prints the staff complained about with her staff number,
// in Chinese and in English, read back from the real PDF; a case naming no one prints the label empty.
import { afterEach, describe, expect, it } from 'vitest';
import { printCaseRecord } from '../../src-main/services/print';
import { readPdf, squash } from '../helpers/pdf-text';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());
const FIXED = { creationDate: new Date('2026-11-24T00:00:00Z') };

async function firstPage(id: string, lang: 'zh-CN' | 'en'): Promise<string> {
  const pages = await readPdf(await printCaseRecord(s.ctx, s.users.secretary, id, { ...FIXED, lang }));
  return squash(pages[0]?.text ?? '');
}

describe('顾客异议处理记录表: the staff complained about', () => {
  it('prints her name and staff number beside the unit complained about, in both languages', async () => {
    s = openTestStore();
    const c = phoneCase(s, { complainedStaffName: '刘鞋部', complainedStaffNo: 'U001' });
    expect(await firstPage(c.id, 'zh-CN')).toContain('被投诉单位鞋部被投诉员工刘鞋部工号U001处理单位');
    expect(await firstPage(c.id, 'en')).toContain('Staffcomplainedabout刘鞋部Staffno.U001Handlingunit');
  });

  it('prints the label with nothing after it when the case names no one', async () => {
    s = openTestStore();
    const c = phoneCase(s);
    expect(await firstPage(c.id, 'zh-CN')).toContain('被投诉员工处理单位');
  });
});
