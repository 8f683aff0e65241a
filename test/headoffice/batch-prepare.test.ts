// A pushed batch prepared for the importer's transaction (batch-prepare.ts): every line in sequence order with its
// digest, each record checked (quarantine reasons as the branch is told them), a whole-batch refusal as data.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prepareBatch } from '../../src-headoffice/batch-prepare';
import { SyncError } from '../../src-main/sync/batch-errors';
import { type BatchRecord, encodeBatch } from '../../src-main/sync/batch-format';

const records: BatchRecord[] = [
  {
    seq: 5,
    type: 'case',
    id: 'c1',
    version: 2,
    schema: 1,
    data: '{"id":"c1","number":"SH01-YY-202611-0001","branchCode":"SH01"}',
  },
  { seq: 6, type: 'audit', id: '门店-审计', version: 1, schema: 1, data: '{"id":"门店-审计","entityId":"张三"}' },
  { seq: 7, type: 'nonsense', id: 'n1', version: 1, schema: 1, data: '{"id":"n1"}' },
  { seq: 8, type: 'case', id: 'c5', version: 1, schema: 1, data: '{"id":"c5",' },
  { seq: 9, type: 'case', id: 'c6', version: 1, schema: 1, data: '[1,2]' },
  { seq: 10, type: 'case', id: 'c7', version: 1, schema: 1, data: '{"id":"other"}' },
];

describe('prepareBatch', () => {
  it('gives every line in sequence order with its digest, the records that pass with their facts, and why the others are quarantined', () => {
    const { body } = encodeBatch('SH01', 'e1', records);
    const p = prepareBatch(body, { branch: 'SH01' });
    if (!p.ok) throw new Error('the batch was refused whole');
    expect(p.batch.envelope).toMatchObject({ firstSeq: 5, lastSeq: 10, count: 6 });
    expect(p.batch.items.map((it) => it.seq)).toEqual([5, 6, 7, 8, 9, 10]);
    for (const it of p.batch.items) expect(it.sha).toEqual(createHash('sha256').update(it.line).digest());
    expect(p.batch.items.map((it) => (it.rec === null ? it.reason : it.caseNumber))).toEqual([
      'SH01-YY-202611-0001',
      null,
      'unknown record type "nonsense"',
      'snapshot is not valid JSON',
      'snapshot is not an object',
      'snapshot id differs from the record id',
    ]);
    const [kept, audit] = p.batch.items;
    expect(kept?.rec && kept.fields).toEqual({ id: 'c1', number: 'SH01-YY-202611-0001', branchCode: 'SH01' });
    expect(audit?.rec && audit.fields).toEqual({ id: '门店-审计', entityId: '张三' });
  });

  it('answers a batch refused whole (another branch, a schema too new, too large) as data, for the importer to record', () => {
    const { body } = encodeBatch('SH01', 'e1', records);
    for (const [o, why] of [
      [{ branch: 'SH02' }, 'FOREIGN_BRANCH'],
      [{ branch: 'SH01', maxSchema: 0 }, 'SCHEMA_TOO_NEW'],
      [{ branch: 'SH01', limits: { maxCompressedBytes: 1, maxBodyBytes: 1 } }, 'TOO_LARGE'],
    ] as const) {
      const p = prepareBatch(body, o);
      expect(p.ok).toBe(false);
      if (p.ok) continue;
      expect(p.refusal).toBeInstanceOf(SyncError);
      expect(p.refusal.why).toBe(why);
      expect(p.refusal.messages.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(() =>
      prepareBatch(body, { branch: 'SH01', limits: { maxCompressedBytes: 1, maxBodyBytes: 1 } }),
    ).not.toThrow();
  });
});
