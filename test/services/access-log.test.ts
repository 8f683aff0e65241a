// The access log's core: one append-only row and its 'access_log' outbox record per access, in the
// caller's transaction; a person's phone stored masked with a keyed hash; read back filtered.
import { afterEach, describe, expect, it } from 'vitest';
import { listAccessLog, recordAccess, SYSTEM_USER } from '../../src-main/services/access-log';
import { AccessLogRecordSnapshot } from '../../src-main/sync/record-snapshots-access-log';
import { applyAccessLogRecord } from '../../src-main/sync/access-log-apply';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const outbox = (s: TestStore) =>
  s.db
    .prepare("SELECT record_id, version, payload FROM outbox WHERE record_type = 'access_log' ORDER BY seq")
    .all() as {
    record_id: string;
    version: number;
    payload: string;
  }[];

describe('recordAccess', () => {
  it('writes who, when, what and why, and the same row to the outbox', () => {
    s = openTestStore();
    const c = phoneCase(s);
    recordAccess(s.ctx, {
      by: s.users.supervisor.id,
      action: 'reveal',
      entityType: 'case',
      entityId: c.id,
      fields: ['customerPhone', 'customerPhone', 'customerOtherContact'],
      reason: '  回访顾客  ',
    });
    const [row] = listAccessLog(s.ctx);
    expect(row).toMatchObject({
      at: s.clock.t,
      userId: s.users.supervisor.id,
      userName: '赵主管',
      userRole: 'supervisor',
      userStaffNo: 'D001',
      action: 'reveal',
      entityType: 'case',
      entityId: c.id,
      fields: ['customerPhone', 'customerOtherContact'],
      reason: '回访顾客',
      subjectHash: null,
    });
    const sent = outbox(s);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.record_id).toBe(row?.id);
    const snap = AccessLogRecordSnapshot.parse(JSON.parse(sent[0]?.payload ?? ''));
    expect(snap).toMatchObject({ id: row?.id, action: 'reveal', reason: '回访顾客', userName: '赵主管' });
  });

  it('stores a person’s phone masked with a keyed hash, never the number', () => {
    s = openTestStore();
    for (const phone of ['138 0013 8000', '+86 13800138000'])
      recordAccess(s.ctx, {
        by: s.users.manager.id,
        action: 'person_export',
        entityType: 'person',
        entityId: phone,
        fields: ['cases', 'slips'],
        reason: '本人申请查阅',
      });
    const rows = listAccessLog(s.ctx);
    expect(rows.map((r) => r.entityId)).toEqual(['138****8000', '138****8000']);
    expect(rows[0]?.subjectHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.subjectHash).toBe(rows[1]?.subjectHash);
    const raw = JSON.stringify(s.db.prepare('SELECT * FROM access_log').all()) + JSON.stringify(outbox(s));
    expect(raw).not.toContain('13800138000');
  });

  it('rolls back with the caller’s transaction', () => {
    s = openTestStore();
    const c = phoneCase(s);
    expect(() =>
      s.db.transaction(() => {
        recordAccess(s.ctx, {
          by: s.users.manager.id,
          action: 'print',
          entityType: 'case',
          entityId: c.id,
          fields: ['customerPhone'],
          reason: null,
        });
        throw new Error('the print failed');
      })(),
    ).toThrow('the print failed');
    expect(listAccessLog(s.ctx)).toEqual([]);
    expect(outbox(s)).toEqual([]);
  });

  it('takes the system for the retention run and refuses an unknown user', () => {
    s = openTestStore();
    recordAccess(s.ctx, {
      by: SYSTEM_USER,
      action: 'retention',
      entityType: 'report',
      entityId: 'retention',
      fields: ['cases'],
      reason: null,
    });
    expect(listAccessLog(s.ctx)[0]).toMatchObject({ userId: 'system', userRole: 'system', userName: '系统' });
    expect(() =>
      recordAccess(s.ctx, {
        by: 'nobody',
        action: 'reveal',
        entityType: 'case',
        entityId: 'x',
        fields: [],
        reason: 'x',
      }),
    ).toThrow(/unknown user/);
  });

  it('is append-only: no update, delete or replace', () => {
    s = openTestStore();
    recordAccess(s.ctx, {
      by: s.users.manager.id,
      action: 'export',
      entityType: 'report',
      entityId: 'monthly',
      fields: ['customerPhone'],
      reason: null,
    });
    expect(() => s.db.prepare("UPDATE access_log SET reason = 'x'").run()).toThrow(/append-only/);
    expect(() => s.db.prepare('DELETE FROM access_log').run()).toThrow(/append-only/);
    expect(() => s.db.prepare('INSERT OR REPLACE INTO access_log SELECT * FROM access_log').run()).toThrow(
      /append-only/,
    );
  });

  it('filters by time, user and action', () => {
    s = openTestStore();
    const c = phoneCase(s);
    const t0 = s.clock.t;
    recordAccess(s.ctx, {
      by: s.users.manager.id,
      action: 'print',
      entityType: 'case',
      entityId: c.id,
      fields: ['customerPhone'],
      reason: null,
    });
    s.clock.t += 3_600_000;
    recordAccess(s.ctx, {
      by: s.users.supervisor.id,
      action: 'reveal',
      entityType: 'case',
      entityId: c.id,
      fields: ['customerPhone'],
      reason: '核实',
    });
    expect(listAccessLog(s.ctx).map((r) => r.action)).toEqual(['reveal', 'print']);
    expect(listAccessLog(s.ctx, { userId: s.users.manager.id }).map((r) => r.action)).toEqual(['print']);
    expect(listAccessLog(s.ctx, { action: 'reveal' })).toHaveLength(1);
    expect(listAccessLog(s.ctx, { from: t0, to: t0 + 1 }).map((r) => r.action)).toEqual(['print']);
  });

  it('is written back once from head office’s copy on recovery', () => {
    s = openTestStore();
    const c = phoneCase(s);
    recordAccess(s.ctx, {
      by: s.users.supervisor.id,
      action: 'reveal',
      entityType: 'case',
      entityId: c.id,
      fields: ['customerPhone'],
      reason: '核实',
    });
    const [sent] = outbox(s);
    const held = listAccessLog(s.ctx);
    const other = openTestStore();
    try {
      const payload = JSON.parse(sent?.payload ?? '{}') as Record<string, unknown>;
      expect(applyAccessLogRecord(other.ctx, sent?.record_id ?? '', payload)).toBe(true);
      expect(applyAccessLogRecord(other.ctx, sent?.record_id ?? '', payload)).toBe(false);
      expect(applyAccessLogRecord(other.ctx, 'x', { action: 'peek' })).toBe(false);
      expect(listAccessLog(other.ctx)).toEqual(held);
    } finally {
      other.close();
    }
  });
});
