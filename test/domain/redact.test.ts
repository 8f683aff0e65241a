// The training library's redaction as tables: known names, phones, ID numbers and contacts in
// free text are masked; amounts, dates in Chinese, short numbers and staff words are not.
import { describe, expect, it } from 'vitest';
import { redactor } from '../../src-main/domain/redact';

const M = '＊＊＊';
const ids = { names: ['张丽'], other: ['13912345678', 'zhangli@example.com', 'R20261120-0042'] };

describe('redactor: masked', () => {
  it.each([
    { text: '顾客张丽来电', out: `顾客${M}来电`, why: 'the known name' },
    { text: '张丽、张丽', out: `${M}、${M}`, why: 'every occurrence' },
    { text: '张女士要求退货', out: `${M}要求退货`, why: 'surname + 女士' },
    { text: '张先生', out: M, why: '先生' },
    { text: '张小姐', out: M, why: '小姐' },
    { text: '张师傅', out: M, why: '师傅' },
    { text: '张阿姨', out: M, why: '阿姨' },
    { text: '张老师', out: M, why: '老师' },
    { text: '电话13912345678', out: `电话${M}`, why: 'the known phone' },
    { text: '另一号码13800138000', out: `另一号码${M}`, why: 'an unknown mobile' },
    { text: '打138 0013 8000找我', out: `打${M}找我`, why: 'mobile with spaces' },
    { text: '打138-0013-8000找我', out: `打${M}找我`, why: 'mobile with dashes' },
    { text: '打+86 138 0013 8000找我', out: `打${M}找我`, why: '+86 prefix goes too' },
    { text: '座机021-6123-4567', out: `座机${M}`, why: 'landline with area code' },
    { text: '座机6123456', out: `座机${M}`, why: 'seven digits' },
    { text: '身份证310101199001011234已登记', out: `身份证${M}已登记`, why: '18-digit ID number' },
    { text: '邮箱zhangli@example.com', out: `邮箱${M}`, why: 'other contact, literally' },
    { text: '小票R20261120-0042', out: `小票${M}`, why: 'receipt number, letters included' },
    { text: '张丽(13912345678)', out: `${M}(${M})`, why: 'name and phone side by side' },
  ])('$why: $text', ({ text, out }) => {
    expect(redactor(ids)(text)).toBe(out);
  });

  it.each([
    { names: [' 王五 '], other: [], text: '王五投诉', out: `${M}投诉`, why: 'identifiers are trimmed' },
    {
      names: ['张三丰'],
      other: ['张三'],
      text: '张三丰来电',
      out: `${M}来电`,
      why: 'longest first: no half-masked name',
    },
    {
      names: ['李'],
      other: [],
      text: '李女士说',
      out: '李女士说',
      why: 'a one-character name is no identifier and gives no surname',
    },
    {
      names: [null, undefined, ''],
      other: [null],
      text: '顾客来电138 0013 8000',
      out: `顾客来电${M}`,
      why: 'no identifiers: digits still masked',
    },
    { names: [], other: ['a.b(c)'], text: 'a.b(c) axb(c)', out: `${M} axb(c)`, why: 'regex characters are literal' },
    {
      names: [],
      other: [],
      text: '身份证31010119900101123X',
      out: `身份证${M}X`,
      why: 'unknown ID ending in X: digits masked',
    },
    {
      names: [],
      other: ['31010119900101123X'],
      text: '身份证31010119900101123X',
      out: `身份证${M}`,
      why: 'known ID ending in X: all of it',
    },
  ])('$why', ({ names, other, text, out }) => {
    expect(redactor({ names, other })(text)).toBe(out);
  });
});

describe('redactor: left alone', () => {
  it.each([
    { text: '退款459.00元', why: 'an amount' },
    { text: '¥45900', why: 'five digits' },
    { text: '第123456号', why: 'six digits' },
    { text: '2026年11月20日购买', why: 'a date written in Chinese' },
    { text: '11月20日下午3点', why: 'a short date and time' },
    { text: '开了一张发票', why: 'the surname as an ordinary character' },
    { text: '去了王府井', why: 'another surname, no title' },
    { text: '张经理已处理', why: '经理 is staff, not a customer title' },
    { text: '李秘书回访', why: 'a staff member named by role' },
    { text: '顾客姓张', why: 'the surname without a title' },
    { text: '尾号 138 001', why: 'six digits with a space' },
    { text: '', why: 'empty text' },
  ])('$why: $text', ({ text }) => {
    expect(redactor(ids)(text)).toBe(text);
  });

  it.each([null, undefined])('%s stays null', (text) => {
    expect(redactor(ids)(text)).toBeNull();
  });
});

describe('compound surnames', () => {
  it.each([
    ['欧阳娜娜', '欧阳女士来电', `${M}来电`],
    ['司马光', '司马先生说', `${M}说`],
    ['欧阳娜娜', '欧女士来电', '欧女士来电'],
    ['王欧阳', '王女士与欧阳女士', `${M}与欧阳女士`],
  ])('%s: %s → %s', (name, text, masked) => {
    expect(redactor({ names: [name], other: [] })(text)).toBe(masked);
  });
});
