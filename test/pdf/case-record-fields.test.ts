// The record form's fields of issue 17 read back per page: consent to the next day, a government body's
// 无异议/有异议 and written reply date, 处理人, 结案情况, the 领导审核 line, the slips linked in the slips
// table (never typed numbers), the long record is in case-record-long.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { extendToNextDay } from '../../src-main/services/case-details';
import { createCase } from '../../src-main/services/case-intake';
import {
  escalateCase,
  forwardCase,
  recordFeedback,
  resolveCase,
  resumeCase,
} from '../../src-main/services/case-workflow';
import { printCaseRecord } from '../../src-main/services/print';
import { createSlip, voidSlip } from '../../src-main/services/slips';
import { readPdf, squash, type PdfPage } from '../helpers/pdf-text';
import { returnInput } from '../helpers/slips';
import { openTestStore, phoneCase, T0, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());
const FIXED = { creationDate: new Date('2026-11-24T00:00:00Z') };
const HOUR = 3_600_000;
const text = (pages: PdfPage[]): string => squash(pages.map((p) => p.text).join(''));
const record = async (id: string, lang: 'zh-CN' | 'en' = 'zh-CN') =>
  readPdf(await printCaseRecord(s.ctx, s.users.secretary, id, { ...FIXED, lang }));

/** An in-store case received at T0 (10:00), fed back at `fedAfterHours`; extended with consent when asked. */
async function inStoreCase(o: { extend: boolean; fedAfterHours: number }) {
  const c = createCase(s.ctx, s.users.clerk, {
    channel: 'in_store',
    customer: { name: '欧阳旻', phone: '13800138000' },
    content: '新买的电水壶底部漏水。',
    categoryCode: 'product_quality',
    complainedUnitId: s.units.shoes,
  });
  if (o.extend)
    extendToNextDay(s.ctx, s.users.secretary, { caseId: c.id, reason: '需厂家检测', customerConsent: true });
  forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
  s.clock.t = T0 + o.fedAfterHours * HOUR;
  resolveCase(s.ctx, s.users.staff, { caseId: c.id, type: 'repair', summary: '更换同款' });
  recordFeedback(s.ctx, s.users.secretary, { caseId: c.id, satisfaction: 'satisfied', disputed: false });
  return c;
}

describe('顾客异议处理记录表: the fields the procedure asks for', () => {
  it('prints 处理人, the customer’s consent, 结案情况 and the four signature lines of an in-store case', async () => {
    s = openTestStore();
    const next = await inStoreCase({ extend: true, fedAfterHours: 24 });
    const t = text(await record(next.id));
    for (const want of ['处理人刘鞋部', '顾客同意次日■是□否', '结案情况次日结案']) expect(t, want).toContain(want);
    // Signature block in the procedure's order, the customer's line last in store.
    expect(t).toMatch(/处理人签字.*秘书室签字.*领导审核.*顾客签字/);

    const en = text(await record(next.id, 'en'));
    for (const want of ['HandledbyLiu', 'Customeragreedtonextday■Yes□No', 'ClosingClosedthenextday', 'Managerreview'])
      expect(en.replace(/刘鞋部/g, 'Liu'), want).toContain(want);
  });

  it('same day, next day and late for three cases fed back at different times; an open case prints none', async () => {
    s = openTestStore();
    const same = await inStoreCase({ extend: false, fedAfterHours: 2 });
    s.clock.t = T0;
    const late = phoneCase(s);
    s.clock.t = T0 + 26 * HOUR;
    resolveCase(s.ctx, s.users.secretary, { caseId: late.id, type: 'explanation', summary: '已解释' });
    recordFeedback(s.ctx, s.users.secretary, { caseId: late.id, satisfaction: 'satisfied', disputed: false });
    const open = phoneCase(s);

    const sameText = text(await record(same.id));
    expect(sameText).toContain('结案情况当日结案');
    // Asked only to wait for the next day: not extended, no consent.
    expect(sameText).toContain('顾客同意次日□是■否');
    const lateText = text(await record(late.id));
    expect(lateText).toContain('结案情况超时');
    // A phone case is not extended by consent: no consent line.
    expect(lateText).not.toContain('顾客同意次日');
    const openText = text(await record(open.id));
    expect(openText).toMatch(/结案情况(处理人签字|[^当次超时])/);
    for (const label of ['当日结案', '次日结案', '超时']) expect(openText).not.toContain(`结案情况${label}`);
  });

  it('prints the government body’s own answer and the written reply date, not the customer’s 是否有疑义', async () => {
    s = openTestStore();
    const gov = (answer: 'no_objection' | 'objection') => {
      const c = createCase(s.ctx, s.users.clerk, {
        channel: 'government',
        government: { body: '12315', referenceNo: `GOV-${answer}` },
        customer: { name: '冯女士' },
        content: '价格标签与结算价不符',
        categoryCode: 'price',
      });
      forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.food });
      resolveCase(s.ctx, s.users.secretary, { caseId: c.id, type: 'explanation', summary: '已书面答复' });
      recordFeedback(s.ctx, s.users.secretary, {
        caseId: c.id,
        bodyAnswer: answer,
        writtenReplyDate: '2026-11-24',
        ...(answer === 'objection' ? { bodyAnswerNote: '要求再次核实' } : {}),
      });
      return c;
    };
    const agreed = text(await record(gov('no_objection').id));
    expect(agreed).toContain('部门答复■无异议□有异议');
    expect(agreed).toContain('书面答复日期2026-11-24');
    expect(agreed).not.toContain('是否有疑义');
    expect(agreed).toContain('领导审核');
    const objected = text(await record(gov('objection').id));
    expect(objected).toContain('部门答复□无异议■有异议');
    expect(objected).toContain('要求再次核实');
    expect(text(await record(gov('objection').id, 'en'))).toContain('Writtenreplydate2026-11-24');
  });

  it('lists the slips linked in the slips table, void ones as void, across two resolutions, never typed numbers', async () => {
    s = openTestStore();
    const c = phoneCase(s, { channel: 'in_store' });
    forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
    const first = createSlip(s.ctx, s.users.clerk, returnInput(s, { caseId: c.id }));
    // Another customer's slip, linked to no case: its number typed into the result must not print.
    const other = createSlip(
      s.ctx,
      s.users.clerk,
      returnInput(s, { receiptNo: 'R-9999', customer: { name: '诸葛堃', phone: '13900139000' } }),
    );
    resolveCase(s.ctx, s.users.staff, {
      caseId: c.id,
      type: 'refund',
      summary: '退货',
      slipNumbers: [first.number, other.number],
    });
    recordFeedback(s.ctx, s.users.secretary, { caseId: c.id, satisfaction: 'unsatisfied', disputed: true });
    escalateCase(s.ctx, s.users.supervisor, { caseId: c.id, kind: 'duty_supervisor', note: '主管协调' });
    resumeCase(s.ctx, s.users.supervisor, { caseId: c.id, to: 'in_progress', reason: '改为换货' });
    voidSlip(s.ctx, s.users.supervisor, { slipId: first.id, reason: '改为换货' });
    const second = createSlip(
      s.ctx,
      s.users.clerk,
      returnInput(s, {
        caseId: c.id,
        type: 'exchange',
        refundFen: undefined,
        refundMethod: undefined,
        issuedLines: [
          { itemCode: '6901234567891', name: '男士皮鞋', spec: '43码 黑色', quantity: 1, unitPriceFen: 45_900 },
        ],
      }),
    );
    // The second resolution names only the new slip: the typed list no longer holds the first.
    resolveCase(s.ctx, s.users.staff, {
      caseId: c.id,
      type: 'exchange',
      summary: '换货',
      slipNumbers: [second.number],
    });

    const linked = s.db
      .prepare('SELECT number, type, status, returned_total_fen AS fen FROM slips WHERE case_id = ? ORDER BY rid')
      .all(c.id) as { number: string; type: string; status: string; fen: number }[];
    expect(linked.map((x) => x.number)).toEqual([first.number, second.number]);
    const t = text(await record(c.id));
    const list = t.slice(t.indexOf('关联退换货单'));
    expect(list).toContain(`单号类型金额状态${first.number}退货¥459.00已作废${second.number}换货¥459.00已完成`);
    const printed = [first.number, second.number, other.number].filter((n) => t.includes(n));
    expect(printed).toEqual(linked.map((x) => x.number));

    const en = text(await record(c.id, 'en'));
    expect(en).toContain(`${first.number}Return¥459.00Void${second.number}Exchange¥459.00Completed`);
  });

  it('a case with no linked slip prints 无 under the list', async () => {
    s = openTestStore();
    const t = text(await record(phoneCase(s).id));
    expect(t).toMatch(/关联退换货单无/);
  });
});
