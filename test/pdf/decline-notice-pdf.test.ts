// The 不予受理告知书 read back from the real PDF: case number, customer, date received, the matter, the
// reason (listed and in words), the competent body, the branch, the date, the signature lines; the
// record form shows the decision; refused for an accepted case.
import { afterEach, describe, expect, it } from 'vitest';
import { declineCase } from '../../src-main/services/case-acceptance';
import { printCaseRecord, renderPrintable } from '../../src-main/services/print';
import { printDeclineNotice } from '../../src-main/services/decline-notice';
import { AppError } from '../../src-main/shared/errors';
import { readPdf, squash } from '../helpers/pdf-text';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

function declined() {
  s = openTestStore();
  const c = phoneCase(s, { content: '顾客反映邻铺租户装修噪音影响休息,要求本店赔偿。' });
  s.clock.t += 3_600_000;
  return declineCase(s.ctx, s.users.secretary, {
    caseId: c.id,
    declineReason: 'not_consumer_dispute',
    declineText: '装修噪音系商场租户之间的相邻关系问题,不涉及您在本店购买商品或接受服务。',
    referTo: '商场物业管理处(电话 021-5555 1234)',
  });
}

describe('不予受理告知书', () => {
  it('prints everything the customer is told, in Chinese', async () => {
    const c = declined();
    const r = await renderPrintable(s.ctx, s.users.secretary, { kind: 'decline_notice', id: c.id });
    expect(r.fileName).toBe(`不予受理告知书-${c.number}.pdf`);
    const pages = await readPdf(r.pdf);
    expect(pages).toHaveLength(1);
    const text = squash(pages.map((p) => p.text).join(''));
    for (const want of [
      '不予受理告知书',
      `编号:${c.number}`,
      '张三先生/女士:',
      '您于2026-11-24向我店提出的顾客异议',
      '一、异议事项',
      '顾客反映邻铺租户装修噪音影响休息,要求本店赔偿。',
      '因不属于消费者权益争议,我店决定不予受理。',
      '理由:装修噪音系商场租户之间的相邻关系问题,不涉及您在本店购买商品或接受服务。',
      '可向商场物业管理处(电话021-55551234)反映。',
      '上海一店(盖章)',
      '2026-11-24',
      '经办人李秘书:',
      '联系电话:',
      '顾客签收:',
    ])
      expect(text).toContain(squash(want));
  });

  it('prints the English check copy with the reason in English', async () => {
    const c = declined();
    const { pdf } = await printDeclineNotice(s.ctx, s.users.secretary, c.id, { lang: 'en' });
    const text = squash((await readPdf(pdf)).map((p) => p.text).join(''));
    expect(text).toContain(squash('Notice of non-acceptance'));
    expect(text).toContain(squash('Reason: Not a consumer dispute. The branch does not accept the complaint.'));
  });

  it('the record form shows the decision', async () => {
    const c = declined();
    const text = squash(
      (await readPdf(await printCaseRecord(s.ctx, s.users.secretary, c.id))).map((p) => p.text).join(''),
    );
    expect(text).toContain(squash('受理不予受理'));
    expect(text).toContain(squash('原因不属于消费者权益争议'));
    expect(text).toContain(squash('可向其反映的部门商场物业管理处'));
    expect(text).toContain(squash('决定人李秘书'));
  });

  it('an accepted case has no notice; its record form says accepted and by whom', async () => {
    s = openTestStore();
    const c = phoneCase(s);
    await expect(renderPrintable(s.ctx, s.users.secretary, { kind: 'decline_notice', id: c.id })).rejects.toThrow(
      AppError,
    );
    await expect(printDeclineNotice(s.ctx, s.users.secretary, c.id)).rejects.toThrow(
      /applies only to a case that was not accepted/,
    );
    const text = squash(
      (await readPdf(await printCaseRecord(s.ctx, s.users.secretary, c.id))).map((p) => p.text).join(''),
    );
    expect(text).toContain(squash('受理受理·李秘书'));
  });
});
