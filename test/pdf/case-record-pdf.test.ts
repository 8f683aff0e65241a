import { afterEach, describe, expect, it } from 'vitest';
import { applyInstruction, recordFinding } from '../../src-main/services/case-details';
import { createCase } from '../../src-main/services/case-intake';
import { forwardCase, recordFeedback, resolveCase, submitCase } from '../../src-main/services/case-workflow';
import { printCaseRecord } from '../../src-main/services/print';
import { AppError } from '../../src-main/shared/errors';
import { readPdf, squash, type PdfPage } from '../helpers/pdf-text';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());
const FIXED = { creationDate: new Date('2026-11-24T00:00:00Z') };

/** The page bodies without the repeated header, footer and continuation titles. */
function body(pages: PdfPage[]): string {
  return pages
    .map((p) =>
      p.items
        .filter((it) => it.y < p.height - 74 && it.y > 40)
        .map((it) => it.str)
        .filter((x) => !/^四、异议内容\(顾客原话\)(\(续\))?$/.test(squash(x)))
        .join(''),
    )
    .join('');
}

describe('顾客异议处理记录表 PDF', () => {
  it('prints the fields of the case, the timeline, the result, the feedback and the instruction', async () => {
    s = openTestStore();
    const sec = s.users.secretary;
    const c = phoneCase(s, { customer: { name: '司马旻', phone: '13800138000', preferredContactTime: '晚上七点后' } });
    forwardCase(s.ctx, sec, { caseId: c.id, handlingUnitId: s.units.shoes, note: '请鞋部核实' });
    resolveCase(s.ctx, sec, { caseId: c.id, type: 'refund', summary: '同意退货,退款 ¥459.00', amountFen: 45_900 });
    recordFeedback(s.ctx, sec, { caseId: c.id, satisfaction: 'basically_satisfied', disputed: false });
    recordFinding(s.ctx, sec, { caseId: c.id, cause: 'product_or_service', finding: 'founded' });
    submitCase(s.ctx, sec, { caseId: c.id });
    applyInstruction(s.ctx, {
      instructionId: s.ctx.newId(),
      caseId: c.id,
      text: '同意处理,鞋部加强进货检验。',
      reviewerName: '部本部 周经理',
      instructedAt: new Date(s.clock.t).toISOString(),
    });
    const pages = await readPdf(await printCaseRecord(s.ctx, sec, c.id, FIXED));
    const t = squash(pages.map((p) => p.text).join(''));
    for (const want of [
      '顾客异议处理记录表',
      c.number,
      '来电申诉',
      '商品质量',
      '鞋部',
      '司马旻',
      '13800138000',
      '晚上七点后',
      '男士皮鞋',
      'R20261120-0042',
      '¥459.00',
      '购买的皮鞋穿了两天就开胶了,要求退货。',
      '退货退款',
      '请鞋部核实',
      '同意退货,退款¥459.00',
      '基本满意',
      '商品或服务本身',
      '属实',
      '同意处理,鞋部加强进货检验。',
      '部本部周经理',
      '处理人签字',
      '秘书室签字',
      '建档日期',
    ]) {
      expect(t, want).toContain(squash(want));
    }
    // Phone cases are not signed by the customer; in-store cases are.
    expect(t).not.toContain('顾客签字');
  });

  it('long content continues over pages with the header repeated and loses nothing', async () => {
    s = openTestStore();
    const content = Array.from(
      { length: 90 },
      (_, i) => `第${String(i).padStart(3, '0')}段:顾客称鞋底开胶,ABC abc 123,¥45.90,全角“引号”与()括号。`,
    ).join('');
    const c = createCase(s.ctx, s.users.secretary, {
      channel: 'in_store',
      customer: { name: '诸葛堃喆' },
      content,
      categoryCode: 'product_quality',
    });
    const short = await readPdf(await printCaseRecord(s.ctx, s.users.secretary, phoneCase(s).id, FIXED));
    const pages = await readPdf(await printCaseRecord(s.ctx, s.users.secretary, c.id, FIXED));
    expect(pages.length).toBeGreaterThan(short.length);
    for (const p of pages) {
      expect(p.text).toContain('顾客异议处理记录表');
      expect(p.text).toContain(c.number);
    }
    expect(squash(pages.map((p) => p.text).join(''))).toContain('四、异议内容(顾客原话)(续)');
    expect(squash(body(pages))).toContain(squash(content));
    expect(squash(pages.map((p) => p.text).join(''))).toContain('顾客签字');
  });

  it('prints the government body’s details and the manager-review box for a government case', async () => {
    s = openTestStore();
    const c = createCase(s.ctx, s.users.clerk, {
      channel: 'government',
      government: {
        body: 'consumer_association',
        bodyName: '浦东新区消保委',
        referenceNo: 'XB-2026-1107',
        contactPerson: '吴科员',
        contactPhone: '021-5888 1234',
      },
      customer: { name: '冯女士' },
      content: '反映超市价格标签与结算价格不一致',
      categoryCode: 'price',
    });
    const t = squash(
      (await readPdf(await printCaseRecord(s.ctx, s.users.secretary, c.id, FIXED))).map((p) => p.text).join(''),
    );
    for (const want of [
      '政府职能部门',
      '消委会浦东新区消保委',
      'XB-2026-1107',
      '吴科员',
      '02158881234',
      '领导审核意见',
    ])
      expect(t).toContain(squash(want));
  });

  it('refuses to print an anonymous complaint for a role that may not read it', async () => {
    s = openTestStore();
    const c = createCase(s.ctx, s.users.clerk, {
      channel: 'letter',
      anonymous: true,
      content: '匿名举报',
      categoryCode: 'other',
    });
    await expect(printCaseRecord(s.ctx, s.users.clerk, c.id, FIXED)).rejects.toBeInstanceOf(AppError);
    const t = squash(
      (await readPdf(await printCaseRecord(s.ctx, s.users.supervisor, c.id, FIXED))).map((p) => p.text).join(''),
    );
    expect(t).toContain('匿名');
    expect(t).toContain('匿名举报');
  });
});
