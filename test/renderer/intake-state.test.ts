// The intake form's state → the contract's input: a letter's, e-mail's or online message's arrival
// time is sent when typed (else main takes "now"); other channels never send one.
import { describe, expect, it } from 'vitest';
import { emptyIntake, toIntakeInput } from '../../src-renderer/features/intake/intake-state';
import { CaseIntakeInput } from '../../src-main/shared/schemas/case';
import { parseQuantity } from '../../src-main/shared/quantity-input';

const filled = { ...emptyIntake(), content: '来信反映收银员态度差', categoryCode: 'service_attitude', name: '蒋堃' };

describe('received time at intake', () => {
  it('sends the typed arrival time of a letter, valid for the schema', () => {
    const input = toIntakeInput('other', { ...filled, subChannel: 'letter', receivedAt: '2026-11-23T09:15:00+08:00' });
    expect(input).toMatchObject({ channel: 'letter', receivedAt: '2026-11-23T09:15:00+08:00' });
    expect(CaseIntakeInput.safeParse(input).success).toBe(true);
  });

  it('leaves it to main ("now") when nothing is typed, and never sends it for phone or in-store', () => {
    expect(toIntakeInput('other', { ...filled, subChannel: 'email' }).receivedAt).toBeUndefined();
    expect(toIntakeInput('phone', { ...filled, receivedAt: '2026-11-23T09:15:00+08:00' }).receivedAt).toBeUndefined();
  });

  it('reads a draft saved before the field existed', () => {
    const { receivedAt: _dropped, ...old } = filled;
    const draft = JSON.parse(JSON.stringify(old));
    expect(
      toIntakeInput('other', { ...emptyIntake(), ...draft, receivedAt: draft.receivedAt }).receivedAt,
    ).toBeUndefined();
  });
});

describe('several purchased items with quantities', () => {
  const withItems = (items: { name: string; code: string; quantity: string }[]) => ({ ...filled, items });

  it('sends every typed row with its quantity (full-width digits as a Chinese IME types them) and drops empty rows', () => {
    const input = toIntakeInput(
      'in_store',
      withItems([
        { name: '电饭煲', code: '6901234567890', quantity: '２' },
        { name: '', code: '', quantity: '1' },
        { name: '电水壶', code: '', quantity: ' 1 ' },
      ]),
    );
    expect(input.purchase?.items).toEqual([
      { name: '电饭煲', code: '6901234567890', quantity: 2 },
      { name: '电水壶', code: undefined, quantity: 1 },
    ]);
    expect(CaseIntakeInput.safeParse(input).success).toBe(true);
  });

  it('refuses a quantity that is not a whole number from 1 to 999, naming the row and saying what is expected', () => {
    for (const typed of ['0', '1000', '1.5', 'abc', '-2']) {
      const input = toIntakeInput('in_store', withItems([{ name: '电饭煲', code: '', quantity: typed }]));
      const r = CaseIntakeInput.safeParse(input);
      expect(r.success, typed).toBe(false);
      const issue = r.error?.issues[0];
      expect(issue?.path.join('.')).toBe('purchase.items.0.quantity');
      expect(issue?.code).toBe('custom');
    }
  });

  it('reads a draft saved when the form had one item name and code only', () => {
    const { items: _dropped, ...old } = filled;
    // As useDraft hands it back: JSON saved by the earlier form.
    const draft = JSON.parse(JSON.stringify({ ...old, itemName: '男士皮鞋', itemCode: '690' }));
    expect(toIntakeInput('in_store', draft).purchase?.items).toEqual([{ name: '男士皮鞋', code: '690', quantity: 1 }]);
  });
});

describe('parseQuantity', () => {
  it('accepts what people type and refuses the rest', () => {
    expect(parseQuantity('3')).toBe(3);
    expect(parseQuantity('１２')).toBe(12);
    expect(parseQuantity('')).toBe(1);
    expect(parseQuantity('999')).toBe(999);
    for (const bad of ['0', '1000', '1.0', '1e2', '二', '-1']) expect(parseQuantity(bad), bad).toBeNull();
  });
});
