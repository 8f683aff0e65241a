// The 书面答复函 read back from its PDF: addressed to the body with its 来文编号, the case number, the
// customer, the complaint, the facts found, the handling, the result, the branch, the date and the
// signature/seal lines; refused for a case no body forwarded. The record form prints the body's answer.
import { afterEach, describe, expect, it } from 'vitest';
import { recordFinding } from '../../src-main/services/case-details';
import { createCase } from '../../src-main/services/case-intake';
import { forwardCase, recordFeedback, resolveCase } from '../../src-main/services/case-workflow';
import { printCaseRecord, renderPrintable } from '../../src-main/services/print';
import { AppError } from '../../src-main/shared/errors';
import { readPdf, squash } from '../helpers/pdf-text';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());
const FIXED = { creationDate: new Date('2026-11-24T00:00:00Z') };

function governmentCase() {
  const c = createCase(s.ctx, s.users.clerk, {
    channel: 'government',
    government: { body: 'consumer_association', bodyName: '浦东新区消保委', referenceNo: 'XB-2026-1107' },
    customer: { name: '冯女士', phone: '13700137000' },
    content: '反映超市价格标签与结算价格不一致,多收 12 元。',
    categoryCode: 'price',
    complainedUnitId: s.units.food,
  });
  forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.food });
  resolveCase(s.ctx, s.users.secretary, {
    caseId: c.id,
    type: 'refund',
    summary: '退还多收的差价 12 元,并向顾客致歉;食品部已更正价签。',
    amountFen: 1200,
  });
  recordFinding(s.ctx, s.users.secretary, { caseId: c.id, cause: 'staff', finding: 'founded' });
  s.clock.t = Date.parse('2026-11-26T15:00:00+08:00');
  recordFeedback(s.ctx, s.users.secretary, {
    caseId: c.id,
    bodyAnswer: 'objection',
    bodyAnswerNote: '消保委要求书面说明价签管理措施',
    writtenReplyDate: '2026-11-25',
  });
  return c;
}

describe('书面答复函 PDF', () => {
  it('is addressed to the body and carries the case, the facts, the handling, the result, the branch and the date', async () => {
    s = openTestStore();
    const c = governmentCase();
    const printed = await renderPrintable(s.ctx, s.users.secretary, { kind: 'reply_letter', id: c.id });
    expect(printed.fileName).toBe(`书面答复函-${c.number}.pdf`);
    const pages = await readPdf(printed.pdf);
    const t = squash(pages.map((p) => p.text).join(''));
    for (const want of [
      '书面答复函',
      '浦东新区消保委:',
      '来文编号:XB-2026-1107',
      c.number,
      '冯女士',
      '一、投诉事项',
      '多收12元',
      '二、调查核实情况',
      '调查结论:属实',
      '三、处理经过',
      '处理单位:食品部',
      '处理方式:退货退款',
      '四、处理结果',
      '食品部已更正价签',
      '涉及金额:¥12.00',
      '特此函复',
      '上海一店(盖章)',
      '2026-11-25',
      '负责人签字',
      '经办人签字',
      '联系电话',
    ])
      expect(t).toContain(squash(want));
  });

  it('is refused for a case no government body forwarded, in both languages', async () => {
    s = openTestStore();
    const c = phoneCase(s);
    const err = await renderPrintable(s.ctx, s.users.secretary, { kind: 'reply_letter', id: c.id }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).messages).toEqual({
      zh: '书面答复函只适用于政府职能部门转来的个案',
      en: 'A written reply letter applies only to a case forwarded by a government body',
    });
  });

  it("prints the body's answer, its note and the written reply date on the record form", async () => {
    s = openTestStore();
    const c = governmentCase();
    const t = squash(
      (await readPdf(await printCaseRecord(s.ctx, s.users.secretary, c.id, FIXED))).map((p) => p.text).join(''),
    );
    for (const want of ['书面答复日期', '2026-11-25', '部门答复', '□无异议■有异议', '消保委要求书面说明价签管理措施'])
      expect(t).toContain(squash(want));
    expect(t).not.toContain('是否有疑义');
  });
});
