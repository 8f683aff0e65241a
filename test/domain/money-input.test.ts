// The one money-input parser: what people type is accepted, the rest refused with words that say what is expected.
import { describe, expect, it } from 'vitest';
import { AMOUNT_MESSAGE, AmountFen, DEFAULT_MAX_AMOUNT_FEN, parseMoney } from '../../src-main/shared/money-input';
import { PurchaseInput } from '../../src-main/shared/schemas/case';
import { SlipLineInput } from '../../src-main/shared/schemas/slip';
import { parseInput } from '../../src-main/shared/validation';
import { AppError } from '../../src-main/shared/errors';

describe('parseMoney', () => {
  it.each([
    ['1200', 120000],
    ['1200.5', 120050],
    ['1200.50', 120050],
    ['0.01', 1],
    ['１２３', 12300],
    ['１２３．４５', 12345],
    ['¥12', 1200],
    ['￥12.30', 1230],
    ['1,200', 120000],
    ['1,000,000.00', 100000000],
    [' 1 200 ', 120000],
    ['¥ 1,000,000', 100000000],
  ])('accepts %j as %i fen', (text, fen) => {
    expect(parseMoney(text, DEFAULT_MAX_AMOUNT_FEN)).toEqual({ ok: true, fen });
  });

  it.each(['abc', '1e12', '12.345', '-5', '', '12,00', '1.2.3', '¥', '.5', 'Infinity', '0x10'])(
    'refuses %j',
    (text) => {
      expect(parseMoney(text, DEFAULT_MAX_AMOUNT_FEN)).toEqual({ ok: false, message: AMOUNT_MESSAGE });
    },
  );

  it('refuses more than the field maximum with a message of its own', () => {
    const r = parseMoney('1,000,000.01', DEFAULT_MAX_AMOUNT_FEN);
    expect(r).toEqual({
      ok: false,
      message: { zh: '金额不能超过 ¥1,000,000', en: 'The amount may be at most ¥1,000,000' },
    });
    expect(parseMoney('500', 20_000).ok).toBe(false);
    expect(parseMoney('99999999999999999', DEFAULT_MAX_AMOUNT_FEN).ok).toBe(false);
  });
});

describe('amount fields of the schemas (main refuses as the renderer does)', () => {
  const message = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof AppError) return e.issues[0];
      throw e;
    }
    throw new Error('expected a refusal');
  };

  it('takes typed text or integer fen, answers fen', () => {
    expect(AmountFen.parse('１，２００')).toBe(120000);
    expect(AmountFen.parse(1234)).toBe(1234);
    expect(parseInput(PurchaseInput, { amountFen: '¥1,200.50' }).amountFen).toBe(120050);
  });

  it.each(['abc', '1e12', '12.345', '-1'])('refuses %j with the amount message, naming the field', (text) => {
    expect(message(() => parseInput(PurchaseInput, { amountFen: text }))).toEqual({
      field: 'amountFen',
      message: { zh: `金额:${AMOUNT_MESSAGE.zh}`, en: `Amount ${AMOUNT_MESSAGE.en}` },
    });
  });

  it('refuses a negative or fractional number of fen, and a slip price alike', () => {
    expect(message(() => parseInput(PurchaseInput, { amountFen: -1 }))?.message.zh).toBe(`金额:${AMOUNT_MESSAGE.zh}`);
    expect(message(() => parseInput(PurchaseInput, { amountFen: 1.5 }))?.message.zh).toBe(`金额:${AMOUNT_MESSAGE.zh}`);
    const line = { itemCode: 'A1', name: '皮鞋', quantity: 1, unitPriceFen: '12.345' };
    expect(message(() => parseInput(SlipLineInput, line))?.message.zh).toBe(`单价:${AMOUNT_MESSAGE.zh}`);
    expect(parseInput(SlipLineInput, { ...line, unitPriceFen: '￥３９９' }).unitPriceFen).toBe(39900);
  });
});
