// The handler map against the contract, through `dispatch` (the same path IPC and the dev
// server use): completeness, the session, the Result envelope.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, handlers } from '../../src-main/handlers';
import type { Session } from '../../src-main/handlers/types';
import { CHANNEL_NAMES } from '../../src-main/shared/ipc/contract';
import { openTestStore, PIN, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

describe('handler map', () => {
  it('has exactly one handler per contract channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('refuses private channels before sign-in, then serves them for the signed-in user', async () => {
    s = openTestStore();
    const session: Session = { user: null };
    const r1 = await dispatch(s.ctx, session, 'queues.counts', {});
    expect(r1).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN', message: { zh: '请先登录' } } });
    const bad = await dispatch(s.ctx, session, 'auth.signIn', { staffNo: 'S001', pin: '000000' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    expect(session.user).toBeNull();
    const good = await dispatch(s.ctx, session, 'auth.signIn', { staffNo: 'S001', pin: PIN });
    expect(good).toMatchObject({ ok: true, value: { role: 'secretary' } });
    const created = await dispatch(s.ctx, session, 'cases.create', {
      channel: 'letter',
      customer: { name: '蒋堃' },
      content: '来信投诉',
      categoryCode: 'other',
    });
    expect(created.ok).toBe(true);
    // The acting user comes from the session, whatever the input says.
    if (created.ok) expect(created.value.receivedBy).toBe(session.user!.id);
    await dispatch(s.ctx, session, 'auth.signOut', {});
    expect(await dispatch(s.ctx, session, 'cases.get', { caseId: created.ok ? created.value.id : '' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SIGNED_IN' },
    });
  });

  it('answers bad input and unknown channels with an envelope, never a throw', async () => {
    s = openTestStore();
    const session: Session = { user: s.users.clerk };
    expect(await dispatch(s.ctx, session, 'cases.create', { channel: 'phone' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await dispatch(s.ctx, session, 'db.exec', { sql: 'DELETE FROM cases' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await dispatch(s.ctx, session, 'users.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('wraps an unexpected failure with an incident id and logs it', async () => {
    s = openTestStore();
    const logged: string[] = [];
    const session: Session = { user: s.users.clerk };
    s.db.close();
    const r = await dispatch(s.ctx, session, 'queues.counts', {}, (id) => logged.push(id));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INTERNAL');
      expect(r.error.incidentId).toBe(logged[0]);
      expect(r.error.message.zh).toContain(logged[0]);
    }
  });

  it('creates the first manager only while the store has no users', async () => {
    s = openTestStore();
    const session: Session = { user: null };
    expect(await dispatch(s.ctx, session, 'setup.status', {})).toEqual({
      ok: true,
      value: { needsFirstManager: false },
    });
    expect(
      await dispatch(s.ctx, session, 'setup.firstManager', {
        staffNo: 'M9',
        name: '冒充',
        role: 'manager',
        pin: '135790',
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(session.user).toBeNull();
  });
});
