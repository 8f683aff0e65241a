// The key an item is counted by (issue 18 §2): its code when recorded (full width, spaces, dashes
// and case folded), else its normalised name; nothing for an item with neither.
import { describe, expect, it } from 'vitest';
import { itemKeyOf, itemKeysOf, itemKeyText } from '../../src-main/domain/item-key';

describe('item keys', () => {
  it('uses the code, folded, before the name', () => {
    expect(itemKeyOf({ name: '电热水壶', code: ' 6901-234 567ab ' })).toBe('code:6901234567AB');
    expect(itemKeyOf({ name: '别的名字', code: '６９０１２３４５６７ＡＢ' })).toBe('code:6901234567AB');
  });
  it('falls back to the name: full width folded, spaces collapsed, lower case', () => {
    expect(itemKeyOf({ name: '  Ａ牌   牛奶 ' })).toBe('name:a牌 牛奶');
    expect(itemKeyOf({ name: 'A牌 牛奶', code: '  ' })).toBe('name:a牌 牛奶');
    expect(itemKeyOf({ name: '   ' })).toBeNull();
    expect(itemKeyOf({})).toBeNull();
  });
  it('counts a case once per item', () => {
    expect(itemKeysOf([{ name: '牛奶' }, { name: ' 牛奶' }, { name: '面包', code: '1' }, { name: '' }])).toEqual([
      'name:牛奶',
      'code:1',
    ]);
    expect(itemKeyText('code:690')).toBe('690');
    expect(itemKeyText('name:牛奶')).toBe('牛奶');
  });
});
