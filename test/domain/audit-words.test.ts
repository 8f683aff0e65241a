// The shared audit words: actions, fields and values in zh-CN and English, long text never cut,
// an id with no name never shown, money in yuan and instants through the caller.
import { describe, expect, it } from 'vitest';
import { type AuditFormat, auditActionLabel, auditChanges, auditValue } from '../../src-main/shared/audit-words';

const fmt = (lang: 'zh' | 'en'): AuditFormat => ({
  lang,
  time: () => '2026/11/07 13:33',
  name: (id) => (id === 'u1' ? '李秘书' : null),
  money: (fen) => `¥${(fen / 100).toFixed(2)}`,
});

describe('audit words', () => {
  it('names slip and follow-up actions in both languages, and a case action by its timeline word', () => {
    expect(auditActionLabel('slip.approve', null, null, 'zh')).toBe('核准退换货单');
    expect(auditActionLabel('slip.approve', null, null, 'en')).toBe('Slip approved');
    expect(auditActionLabel('follow_up.complete', null, null, 'zh')).toBe('记录回访结果');
    expect(auditActionLabel('case.finding', 'phone', null, 'zh')).toBe('调查结论');
    expect(auditActionLabel('unheard.of', null, null, 'en')).toBe('Record changed');
  });

  it('words enum values by their vocabulary, money in yuan, booleans, lists and names', () => {
    expect(auditValue('case', 'finding', 'founded', fmt('zh'))).toBe('属实');
    expect(auditValue('case', 'finding', 'founded', fmt('en'))).toBe('Founded');
    expect(auditValue('case', 'cause', 'product_or_service', fmt('zh'))).toBe('商品或服务本身');
    expect(auditValue('slip', 'status', 'pending_approval', fmt('zh'))).toBe('待核准');
    expect(auditValue('case', 'status', 'fed_back', fmt('en'))).not.toBe('fed_back');
    expect(auditValue('case', 'resolutionAmountFen', 125_100, fmt('zh'))).toBe('¥1251.00');
    expect(auditValue('case', 'disputed', false, fmt('zh'))).toBe('否');
    expect(auditValue('case', 'escalations', [{}, {}], fmt('zh'))).toBe('2 项');
    expect(auditValue('case', 'assigneeId', 'u1', fmt('zh'))).toBe('李秘书');
    expect(auditValue('case', 'assigneeId', '0b9e8d7c-6a5b-4c3d-9e2f-1a0b9c8d7e6f', fmt('zh'))).toBe('（未知）');
  });

  it('never cuts long text and leaves bookkeeping out; a creation carries no changes', () => {
    const long = '顾客'.repeat(200);
    const changes = auditChanges(
      'case',
      { resolutionSummary: null, version: 1, updatedAt: 1, dueAt: 2 },
      { resolutionSummary: long, version: 2, updatedAt: 3, dueAt: 4 },
      fmt('zh'),
    );
    expect(changes).toEqual([{ label: '处理结果', before: '（无）', after: long }]);
    expect(auditChanges('case', null, { status: 'registered' }, fmt('zh'))).toEqual([]);
  });
});
