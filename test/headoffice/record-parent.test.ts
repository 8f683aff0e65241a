// The importer reads a record's parent (an audit entry's entity, a slip's or follow-up's case) as a
// plain field: the same answer as the sync contract's schemas picked to that field, for any snapshot.
import { describe, expect, it } from 'vitest';
import { parentOf } from '../../src-headoffice/record-parent';
import { AuditSnapshot, CaseChildSnapshot } from '../../src-main/sync/protocol';

const auditParent = AuditSnapshot.pick({ entityId: true });
const childParent = CaseChildSnapshot.pick({ caseId: true });

function bySchema(type: string, value: unknown): string | null {
  if (type === 'audit') {
    const a = auditParent.safeParse(value);
    return a.success ? (a.data.entityId ?? null) : null;
  }
  if (type !== 'slip' && type !== 'follow_up') return null;
  const c = childParent.safeParse(value);
  return c.success ? (c.data.caseId ?? null) : null;
}

describe('the parent of a record', () => {
  it('is what the snapshot schemas would read, for every type and shape of snapshot', () => {
    const snapshots = [
      'null',
      '1',
      '"text"',
      'true',
      '[]',
      '["entityId"]',
      '{}',
      '{"entityId":"c1"}',
      '{"entityId":null}',
      '{"entityId":3}',
      '{"caseId":"c2"}',
      '{"caseId":""}',
      '{"caseId":{}}',
      '{"caseId":["c3"]}',
      '{"__proto__":{"caseId":"c4"}}',
      '{"id":5,"entityId":"c5","caseId":"c6"}',
    ].map((s) => JSON.parse(s) as unknown);
    const types = ['audit', 'slip', 'follow_up', 'case', 'customer', 'unit', 'constructor', '__proto__', 'toString'];
    for (const type of types)
      for (const value of snapshots)
        expect(parentOf(type, value), `${type} ${JSON.stringify(value)}`).toBe(bySchema(type, value));
    expect(parentOf('audit', { entityId: 'c1' })).toBe('c1');
    expect(parentOf('follow_up', { caseId: 'c2' })).toBe('c2');
  });
});
