// Money as text, once (domain/slips.ts): the bare figure equals what the renderer and the report
// tables printed before (fen / 100 with two decimals), and formatYuan adds ¥ and thousands.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatYuan, linesTotal, slipTotals, yuanFigure } from '../../src-main/domain/slips';

describe('money as text', () => {
  it('yuanFigure is fen / 100 with two decimals, negatives included (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
        expect(yuanFigure(fen)).toBe((fen / 100).toFixed(2));
      }),
    );
  });

  it('formatYuan adds the sign, ¥ and thousands separators', () => {
    expect(formatYuan(123_450)).toBe('¥1,234.50');
    expect(formatYuan(-5)).toBe('-¥0.05');
    expect(formatYuan(0)).toBe('¥0.00');
    expect(yuanFigure(-123_456_789)).toBe('-1234567.89');
  });

  it('totals add the lines; the difference is issued minus returned', () => {
    const line = (quantity: number, unitPriceFen: number) => ({ itemCode: 'A', name: 'a', quantity, unitPriceFen });
    expect(linesTotal([line(2, 19_950), line(1, 1)])).toBe(39_901);
    expect(slipTotals([line(2, 19_950)], [line(1, 42_000)])).toEqual({
      returnedTotalFen: 39_900,
      issuedTotalFen: 42_000,
      differenceFen: 2_100,
    });
  });
});
