// Renders sample forms to docs/forms/ (PDF and PNG pages via poppler's pdftoppm), so a reader
// sees the forms without running anything: `npm run forms:samples`. Replaces only its own samples.
import { join } from 'node:path';
import sharp from 'sharp';
import { addAttachment } from '../src-main/services/attachment-intake';
import { voidAttachment } from '../src-main/services/attachments';
import { applyInstruction, recordFinding } from '../src-main/services/case-details';
import { createCase } from '../src-main/services/case-intake';
import {
  escalateCase,
  forwardCase,
  recordFeedback,
  resolveCase,
  resumeCase,
  submitCase,
} from '../src-main/services/case-workflow';
import { printCaseRecord, printSlip } from '../src-main/services/print';
import { createSlip, voidSlip } from '../src-main/services/slips';
import type { AttachmentKind } from '../src-main/shared/attachment-types';
import { letterPdf } from '../test/helpers/attachment-files';
import { returnInput } from '../test/helpers/slips';
import { openTestStore, phoneCase } from '../test/helpers/store';
import { writeSample } from './sample-files';

const OUT = join(import.meta.dirname, '..', 'docs', 'forms');
const FIXED = { creationDate: new Date('2026-11-24T00:00:00Z') };

/** A drawn picture as a phone would send it (JPEG or PNG), so the record's annex shows recognisable evidence. */
const drawn = async (w: number, h: number, body: string, format: 'jpeg' | 'png' = 'jpeg'): Promise<string> => {
  const img = sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${body}</svg>`));
  return (await (format === 'png' ? img.png() : img.jpeg()).toBuffer()).toString('base64');
};
const SHOE_SOLE = `<rect width="100%" height="100%" fill="#d9d4c7"/><ellipse cx="800" cy="600" rx="620" ry="260" fill="#5b3a1e"/><path d="M300 640 Q800 540 1300 660" stroke="#f2e6c9" stroke-width="26" fill="none"/><path d="M1180 520 l160 -60" stroke="#111" stroke-width="10"/>`;
const RECEIPT = `<rect width="100%" height="100%" fill="#bbb"/><rect x="200" y="60" width="600" height="1080" fill="#fff"/>${Array.from({ length: 18 }, (_, i) => `<rect x="250" y="${130 + i * 52}" width="${i % 3 === 0 ? 500 : 380}" height="16" fill="#333"/>`).join('')}`;
const ID_CARD = `<rect width="100%" height="100%" fill="#eee"/><rect x="80" y="80" width="1040" height="660" rx="30" fill="#cfe3f2" stroke="#7aa" stroke-width="6"/><rect x="800" y="180" width="240" height="300" fill="#9ab"/>`;

async function main() {
  const s = openTestStore();
  const { secretary, supervisor, staff, clerk } = s.users;

  // The in-store case first: its exchange slip is linked to it (slips.case_id), as at the counter.
  const c = phoneCase(s, {
    channel: 'in_store',
    customer: { name: '司马喆', phone: '13700137000', preferredContactTime: '工作日晚上' },
  });
  const exchange = createSlip(
    s.ctx,
    clerk,
    returnInput(s, {
      type: 'exchange',
      caseId: c.id,
      refundFen: undefined,
      refundMethod: undefined,
      paymentMethod: 'bank_card',
      customer: { name: '司马喆', phone: '13700137000' },
      reasonCode: 'size_fit',
      reasonText: '尺码偏小,顾客要求换大一码同款(新款加价)',
      qualityProblem: false,
      returnedLines: [
        { itemCode: '6901234567890', name: '男士真皮商务皮鞋', spec: '42码 黑色', quantity: 1, unitPriceFen: 45_900 },
      ],
      issuedLines: [
        {
          itemCode: '6901234567891',
          name: '男士真皮商务皮鞋(新款)',
          spec: '43码 黑色',
          quantity: 1,
          unitPriceFen: 49_900,
        },
      ],
    }),
  );
  const ret = createSlip(
    s.ctx,
    clerk,
    returnInput(s, { receiptNo: 'R-2044', customer: { name: '诸葛堃', phone: '13900139000' } }),
  );
  voidSlip(s.ctx, supervisor, { slipId: ret.id, reason: '顾客取消退货,商品已取回' });
  // Five lines each way on A5, and a customer whose name and message need the fallback fonts.
  const five = (from: number) =>
    Array.from({ length: 5 }, (_, i) => ({
      itemCode: `69012345${String(from + i).padStart(5, '0')}`,
      name: ['儿童运动袜', '纯棉短袜', '船袜', '中筒袜', '加厚毛巾袜'][i] ?? '袜',
      spec: '均码 三双装',
      quantity: 2,
      unitPriceFen: 2_990,
    }));
  const a5 = createSlip(
    s.ctx,
    clerk,
    returnInput(s, {
      type: 'exchange',
      refundFen: undefined,
      refundMethod: undefined,
      receiptNo: 'R-3101',
      customer: { name: '王𪚥𠀾', phone: '13600136000' },
      reasonCode: 'size_fit',
      reasonText: '颜色与图片不符,顾客留言:“换成一样价钱的就好 😀”',
      qualityProblem: false,
      returnedLines: five(0),
      issuedLines: five(10),
    }),
  );
  const longReason = createSlip(
    s.ctx,
    clerk,
    returnInput(s, {
      receiptNo: 'R-3102',
      customer: { name: '东方旻', phone: '13500135000' },
      reasonText: Array.from({ length: 30 }, (_, i) => `(${i + 1})顾客称鞋底走路时异响,左脚明显`)
        .join('')
        .slice(0, 500),
    }),
  );
  const pending = createSlip(
    s.ctx,
    clerk,
    returnInput(s, {
      receiptNo: 'R-3103',
      customer: { name: '慕容喆', phone: '13400134000' },
      returnedLines: [
        { itemCode: '6901234599001', name: '智能扫地机器人', spec: 'X9 白色', quantity: 1, unitPriceFen: 459_900 },
      ],
      refundFen: 459_900,
    }),
  );
  if (pending.status !== 'pending_approval') throw new Error('the pending sample must await approval');

  forwardCase(s.ctx, secretary, { caseId: c.id, handlingUnitId: s.units.shoes, note: '请鞋部核实开胶情况并当日答复' });
  resolveCase(s.ctx, staff, {
    caseId: c.id,
    type: 'refund',
    summary: '确认鞋底开胶属质量问题,同意退货退款 ¥459.00。',
    amountFen: 45_900,
    slipNumbers: [exchange.number],
  });
  recordFeedback(s.ctx, secretary, {
    caseId: c.id,
    satisfaction: 'unsatisfied',
    disputed: true,
    note: '顾客要求补偿往返交通费',
  });
  escalateCase(s.ctx, supervisor, {
    caseId: c.id,
    kind: 'duty_supervisor',
    note: '值班主管到场协调',
    outcome: '赠送 ¥50 购物卡,顾客接受',
  });
  resumeCase(s.ctx, supervisor, { caseId: c.id, to: 'resolved', reason: '协调后顾客接受' });
  recordFeedback(s.ctx, secretary, { caseId: c.id, satisfaction: 'satisfied', disputed: false });
  recordFinding(s.ctx, secretary, { caseId: c.id, cause: 'product_or_service', finding: 'founded' });
  submitCase(s.ctx, secretary, { caseId: c.id });
  applyInstruction(s.ctx, {
    instructionId: s.ctx.newId(),
    caseId: c.id,
    text: '同意处理意见。鞋部对同批次商品全面检查,并在晨会通报。',
    reviewerName: '部本部 周经理',
    instructedAt: new Date(s.clock.t).toISOString(),
  });

  const longText = Array.from(
    { length: 60 },
    (_, i) => `(${i + 1})顾客反映购买的电饭煲使用一周后内胆涂层脱落,担心影响健康,要求退货并赔偿;`,
  ).join('');
  const long = createCase(s.ctx, clerk, {
    channel: 'letter',
    customer: { name: '上官旻堃', phone: '021-6234 5678' },
    content: longText,
    categoryCode: 'product_quality',
    complainedUnitId: s.units.food,
  });

  // Evidence (issue 19) on the in-store case: a photo of the goods, the receipt, the customer's ID copy,
  // the body's letter, and a photo voided as taken by mistake; a clerk's copy lists the ID copy by kind only.
  const evidence = { type: 'case' as const, id: c.id };
  const files: [AttachmentKind, string, string][] = [
    ['goods_photo', '开胶鞋底.jpg', await drawn(1600, 1200, SHOE_SOLE)],
    ['receipt', '购物小票.png', await drawn(1000, 1200, RECEIPT, 'png')],
    ['id_copy', '顾客身份证复印件.jpg', await drawn(1200, 820, ID_CARD)],
    ['body_letter', '12315转办函.pdf', (await letterPdf()).toString('base64')],
  ];
  for (const [kind, name, dataBase64] of files)
    await addAttachment(s.ctx, clerk, { owner: evidence, kind, name, dataBase64 });
  const mistaken = await addAttachment(s.ctx, clerk, {
    owner: evidence,
    kind: 'goods_photo',
    name: '拍错的商品.jpg',
    dataBase64: await drawn(800, 600, '<rect width="100%" height="100%" fill="#4a7"/>'),
  });
  voidAttachment(s.ctx, secretary, { id: mistaken.attachment.id, reason: '拍错了商品,已重拍' });

  const docs: [string, Buffer][] = [
    ['slip-exchange', await printSlip(s.ctx, exchange.id, FIXED)],
    ['slip-exchange-en', await printSlip(s.ctx, exchange.id, { ...FIXED, lang: 'en' })],
    ['slip-void-a5', await printSlip(s.ctx, ret.id, { ...FIXED, paper: 'A5' })],
    ['slip-five-lines-a5', await printSlip(s.ctx, a5.id, { ...FIXED, paper: 'A5' })],
    ['slip-long-reason-a5', await printSlip(s.ctx, longReason.id, { ...FIXED, paper: 'A5' })],
    ['slip-pending', await printSlip(s.ctx, pending.id, FIXED)],
    ['record-in-store', await printCaseRecord(s.ctx, secretary, c.id, FIXED)],
    ['record-in-store-en', await printCaseRecord(s.ctx, secretary, c.id, { ...FIXED, lang: 'en' })],
    ['record-long-content', await printCaseRecord(s.ctx, secretary, long.id, FIXED)],
    ['record-attachments-clerk', await printCaseRecord(s.ctx, clerk, c.id, FIXED)],
  ];
  s.close();
  for (const [name, pdf] of docs) console.log(writeSample(OUT, name, pdf).join('\n'));
}

await main();
