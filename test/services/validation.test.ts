// Bad input gets an error naming each field in zh-CN and en, and writes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { createCase } from '../../src-main/services/case-intake';
import { resolveCase } from '../../src-main/services/case-workflow';
import { promiseReply } from '../../src-main/services/case-details';
import { AppError } from '../../src-main/shared/errors';
import { openTestStore, phoneCase, storeCounts, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

function refusal(fn: () => unknown): AppError {
  const before = storeCounts(s.db);
  try {
    fn();
  } catch (e) {
    expect(storeCounts(s.db)).toEqual(before);
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('intake validation', () => {
  it('names every bad field, in both languages', () => {
    s = openTestStore();
    const e = refusal(() =>
      createCase(s.ctx, s.users.clerk, {
        channel: 'fax',
        customer: { phone: 'abc' },
        content: '',
        categoryCode: 'price',
        purchase: { items: [], amountFen: -5 },
      }),
    );
    expect(e.code).toBe('VALIDATION');
    const fields = e.issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['channel', 'customer.phone', 'content', 'purchase.amountFen']));
    const phone = e.issues.find((i) => i.field === 'customer.phone')!;
    expect(phone.message.zh).toContain('顾客电话');
    expect(phone.message.en).toContain('Customer phone');
    expect(e.messages.zh).toMatch(/另有 \d+ 处错误/);
  });

  it.each([
    [
      'a phone complaint without a phone number',
      { channel: 'phone', customer: { name: '张三' } },
      'customer.phone',
      '来电申诉须留下顾客联系电话',
    ],
    [
      'a government case without its body',
      { channel: 'government', customer: { name: '张三' } },
      'government.body',
      '须填写部门及其编号',
    ],
    [
      'government fields on another channel',
      { channel: 'letter', customer: { name: '张三' }, government: { body: '12315', referenceNo: 'x' } },
      'government',
      '只有政府职能部门渠道',
    ],
    [
      'an anonymous complaint with a name',
      { channel: 'letter', anonymous: true, customer: { name: '张三' } },
      'customer.name',
      '匿名投诉不能填写',
    ],
    ['no name, no phone and not anonymous', { channel: 'in_store', customer: {} }, 'customer.phone', '勾选匿名'],
    ['an unknown field', { channel: 'letter', customer: { name: '张三' }, colour: 'red' }, '', '未知字段'],
    [
      'content over 5000 characters',
      { channel: 'letter', customer: { name: '张三' }, content: '长'.repeat(5001) },
      'content',
      '不能超过 5000',
    ],
    [
      'a purchase date that is not a date',
      { channel: 'letter', customer: { name: '张三' }, purchase: { purchaseDate: '2026-13-45' } },
      'purchase.purchaseDate',
      '格式不正确',
    ],
  ])('refuses %s', (_what, over, field, zh) => {
    s = openTestStore();
    const e = refusal(() => createCase(s.ctx, s.users.clerk, { content: '内容', categoryCode: 'other', ...over }));
    expect(e.code).toBe('VALIDATION');
    expect(e.issues.map((i) => i.field)).toContain(field);
    expect(e.issues.map((i) => i.message.zh).join(' ')).toContain(zh);
  });

  it('refuses a received time in the future and an unknown category, naming them', () => {
    s = openTestStore();
    const future = refusal(() => phoneCase(s, { receivedAt: new Date(s.clock.t + 3_600_000).toISOString() }));
    expect(future.field).toBe('receivedAt');
    const cat = refusal(() => phoneCase(s, { categoryCode: 'weather' }));
    expect(cat.field).toBe('categoryCode');
    expect(cat.messages.zh).toContain('weather');
  });

  it('refuses a refund without an amount, and a promise in the past', () => {
    s = openTestStore();
    const c = phoneCase(s);
    expect(
      refusal(() => resolveCase(s.ctx, s.users.secretary, { caseId: c.id, type: 'refund', summary: '退款' })).field,
    ).toBe('amountFen');
    expect(
      refusal(() =>
        promiseReply(s.ctx, s.users.secretary, { caseId: c.id, promisedAt: new Date(s.clock.t - 1000).toISOString() }),
      ).field,
    ).toBe('promisedAt');
    expect(
      refusal(() => resolveCase(s.ctx, s.users.secretary, { caseId: 'not-a-uuid', type: 'apology', summary: 'x' }))
        .field,
    ).toBe('caseId');
    expect(
      refusal(() =>
        resolveCase(s.ctx, s.users.secretary, {
          caseId: '01936f5e-0000-7000-8000-00000000beef',
          type: 'apology',
          summary: 'x',
        }),
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('accepts full-width digits and +86 in phones and stores the normalised number', () => {
    s = openTestStore();
    const c = phoneCase(s, { customer: { name: '褚旻', phone: '+86 １３８ ００１３ ８０００' } });
    expect(c.customerPhone).toBe('13800138000');
  });
});
