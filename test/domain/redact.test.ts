// The training library's redaction as tables: known names, phones, ID numbers and contacts in
// free text are masked; amounts, dates in Chinese, short numbers and staff words are not.
import { describe, expect, it } from 'vitest';
import { holdsIdentifier, redactor } from '../../src-main/domain/redact';

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
      out: `身份证${M}`,
      why: 'unknown ID ending in X: all of it',
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
    ['王欧阳', '王女士与欧阳女士', `${M}与${M}女士`],
  ])('%s: %s → %s', (name, text, masked) => {
    expect(redactor({ names: [name], other: [] })(text)).toBe(masked);
  });
});

describe('recorded name in every form', () => {
  const mask = (names: string[], text: string) => redactor({ names, other: [] })(text);
  it.each([
    ['司马光', '司马先生说', `${M}说`, 'compound surname + 先生'],
    ['诸葛亮', '诸葛女士', M, '诸葛'],
    ['上官婉儿', '上官小姐来电', `${M}来电`, '上官'],
    ['东方明珠', '东方老师', M, '东方'],
    ['皇甫嵩', '皇甫阿姨', M, '皇甫'],
    ['尉迟恭', '尉迟师傅', M, '尉迟'],
    ['公孙胜', '公孙大爷', M, '公孙'],
    ['慕容复', '慕容先生', M, '慕容'],
    ['令狐冲', '令狐先生', M, '令狐'],
    ['长孙无忌', '长孙先生', M, '长孙'],
    ['宇文泰', '宇文先生', M, '宇文'],
    ['司徒雷', '司徒女士', M, '司徒'],
    ['夏侯惇', '夏侯先生', M, '夏侯'],
    ['端木蓉', '端木小姐', M, '端木'],
    ['张伟', '伟先生到店', '伟先生到店', 'a one-character given name + 先生 is not a form'],
    ['王建国', '建国先生到店', `${M}先生到店`, 'given name alone'],
    ['王建国', '建国说', `${M}说`, 'given name without title'],
    ['王建国', '小王和老王', `${M}和${M}`, '小/老 + surname'],
    ['张丽', '丽丽、小丽、阿丽、丽姐', `${M}、${M}、${M}、${M}`, 'nicknames of the given name'],
    ['张丽', '张姐和张阿姨', `${M}和${M}`, 'surname + 姐 / 阿姨'],
    ['欧阳娜娜', '娜娜说欧阳女士不满意', `${M}说${M}不满意`, 'given name and compound surname'],
    ['John Smith', 'Mr. Smith called; john smith again', `${M} called; ${M} again`, 'a Latin name'],
    ['王先生', '王先生说,先生请稍等;小王', `${M}说,先生请稍等;小王`, 'surname + title: the title alone is a word'],
    ['赵科长', '赵科长来电,科长们都关注;赵主任', `${M}来电,科长们都关注;${M}`, 'surname + office title'],
    ['欧阳主任', '欧阳主任与主任们', `${M}与主任们`, 'compound surname + office title'],
  ])('%s: %s (%s)', (name, text, out) => {
    expect(mask([name], text)).toBe(out);
  });
});

describe('contact data of anyone', () => {
  const mask = redactor({ names: [], other: [] });
  it.each([
    ['手机13800138000', `手机${M}`, 'mobile'],
    ['打 138 0013 8000', `打 ${M}`, 'spaced 3-4-4'],
    ['打138-0013-8000', `打${M}`, 'dashes'],
    ['+86 138 0013 8000', M, '+86'],
    ['008613800138000', M, '0086'],
    ['１３８００１３８０００', M, 'full-width digits'],
    ['＋８６　１３８　００１３　８０００', M, 'full-width +86 and spaces'],
    ['(010)88886666', M, 'landline in brackets'],
    ['0571 8888 6666', M, 'spaced landline'],
    ['电话:62345678', `电话:${M}`, 'labelled local number'],
    ['身份证 310101 19900101 123X', `身份证 ${M}`, 'spaced ID with X'],
    ['身份证310101199001011234', `身份证${M}`, 'ID'],
    ['卡号6222021234567890123', `卡号${M}`, '19-digit card'],
    ['卡号 6222 0212 3456 7890', `卡号 ${M}`, 'spaced 16-digit card'],
    ['卡号6222-0212-3456-7890-123', `卡号${M}`, 'dashed 19-digit card'],
    ['加微信 zhangli_88 联系', `加微信 ${M} 联系`, 'WeChat ID'],
    ['微信号:wxid_abc123', `微信号:${M}`, 'WeChat ID after 号:'],
    ['wx:lisi-1988', `wx:${M}`, 'wx'],
    ['VX LiSi2020', `VX ${M}`, 'VX'],
    ['QQ 12345678', `QQ ${M}`, 'QQ number'],
    ['qq号:987654321', `qq号:${M}`, 'qq号'],
    ['邮箱 li.si+shop@mail.example.com.cn 已回复', `邮箱 ${M} 已回复`, 'e-mail'],
    ['家住上海市浦东新区张杨路1234号5栋2单元1201室,', `家住${M},`, 'full street address'],
    ['住在广东省深圳市南山区科技园路88号', `住在${M}`, '省 市 区 路 号'],
    ['送到朝阳区建国路88号', `送到${M}`, '区 路 号'],
    ['阳光花园3栋2单元502室', M, 'estate, building, unit, room'],
    ['东城区安定门外大街12号', M, '大街 号'],
    ['宝山区共和新路五巷12号', M, '巷 号'],
  ])('%s (%s)', (text, out) => {
    expect(mask(text)).toBe(out);
  });

  it.each([
    ['2026-11-30购买', 'a dashed date'],
    ['20261130 到店', 'a compact date'],
    ['退款12800元', 'an amount'],
    ['12345678元的订单', 'an eight-digit amount'],
    ['美的空调KFR-35GW ×2', 'a product and quantity'],
    ['华为 Mate 60 Pro 售价6999.00元', 'a product and price'],
    ['在南京路步行街门店', 'a road without a house number'],
    ['微信支付了货款', '微信 without an ID'],
    ['2026年11月30日下午3点', 'a Chinese date'],
  ])('left alone: %s (%s)', (text) => {
    expect(mask(text)).toBe(text);
  });
});

describe('holdsIdentifier (the approval check)', () => {
  const ids = { names: ['欧阳娜娜'], other: ['13900001111'] };
  it.each([
    ['欧阳娜娜来电', true],
    ['欧阳女士来电', true],
    ['娜娜来电', true],
    ['顾客电话 139 0000 1111', true],
    ['顾客电话１３９００００１１１１', true],
    ['＊＊＊女士来电,电话＊＊＊', false],
    ['明明说过会退款', false],
  ])('%s → %s', (text, held) => {
    expect(holdsIdentifier(ids, text)).toBe(held);
  });

  // A government contact recorded as 赵科长: the approval refuses her name, not every 科长.
  it.each([
    ['赵科长来电', true],
    ['赵主任来电', true],
    ['请科长审阅', false],
  ])('recorded 赵科长: %s → %s', (text, held) => {
    expect(holdsIdentifier({ names: ['赵科长'], other: [] }, text)).toBe(held);
  });
});
