// Console sign-in, sessions and CSRF over real HTTP on 127.0.0.1, on every head-office store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type ConsoleErrorBody,
  IDLE_MINUTES,
  MAX_FAILED_SIGN_INS,
  type SessionInfo,
} from '../../src-headoffice/console/api-contract';
import { HQ_BACKENDS, scalar } from '../helpers/hq-backends';
import type { Hq } from '../sync/sync-harness';
import { caseSnapshot, type ConsoleClient, PASSWORD, pushCases, startConsole } from './console-harness';

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('console sign-in and sessions (%s)', (_name, backend) => {
  let hq: Hq;
  let client: ConsoleClient;
  let keys: Record<string, string>;
  beforeEach(async () => {
    ({ hq, client, keys } = await startConsole(backend));
  });
  afterEach(() => hq.close());

  it('signs in with the right password only, with an HttpOnly SameSite=Strict cookie on /console, and signs out', async () => {
    expect((await client.call('GET', '/console/api/session')).status).toBe(401);
    const bad = await client.signIn('li', 'wrong password!');
    expect(bad.status).toBe(401);
    expect((bad.json as unknown as ConsoleErrorBody).code).toBe('AUTH_FAILED');
    const unknown = await client.signIn('nobody', PASSWORD);
    expect(unknown.status).toBe(401);
    expect((unknown.json as unknown as ConsoleErrorBody).message).toEqual(
      (bad.json as unknown as ConsoleErrorBody).message,
    );
    const ok = await client.signIn();
    expect(ok.status).toBe(200);
    expect(ok.json.reviewer).toEqual({ username: 'li', name: '李审核' });
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/console/);
    expect(cookie).not.toMatch(/Secure/i); // plain http on loopback
    // Only the token's hash is stored.
    expect(
      await scalar(hq.db, 'SELECT count(*) FROM reviewer_sessions WHERE token_hash = ?', [
        client.cookie.split('=')[1] as string,
      ]),
    ).toBe(0);
    const me = await client.call<SessionInfo>('GET', '/console/api/session');
    expect(me.json.csrfToken).toBe(ok.json.csrfToken);
    expect((await client.call('DELETE', '/console/api/session')).status).toBe(204);
    expect((await client.call('GET', '/console/api/session')).status).toBe(401);
  });

  it(`locks the account after ${MAX_FAILED_SIGN_INS} wrong passwords, even against the right one`, async () => {
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++)
      expect((await client.signIn('li', `wrong-${i}-password`)).status).toBe(401);
    const locked = await client.signIn('li', 'wrong-last-password');
    expect(locked.status).toBe(423);
    expect((locked.json as unknown as ConsoleErrorBody).code).toBe('ACCOUNT_LOCKED');
    expect((locked.json as unknown as ConsoleErrorBody).retryAfterMs).toBeGreaterThan(0);
    expect((locked.json as unknown as ConsoleErrorBody).message.zh).toContain('锁定');
    const right = await client.signIn();
    expect(right.status).toBe(423);
    expect(client.cookie).toBe('');
    // After the lockout, the right password works again.
    hq.clock.offset = 16 * 60_000;
    expect((await client.signIn()).status).toBe(200);
  });

  it('ends a session after the idle limit, and after the absolute limit however active', async () => {
    await client.signIn();
    hq.clock.offset = (IDLE_MINUTES - 1) * 60_000;
    expect((await client.call('GET', '/console/api/session')).status).toBe(200);
    hq.clock.offset += (IDLE_MINUTES + 1) * 60_000;
    const expired = await client.call('GET', '/console/api/session');
    expect(expired.status).toBe(401);
    expect((expired.json as unknown as ConsoleErrorBody).code).toBe('NOT_SIGNED_IN');
    hq.clock.offset = 0;
    await client.signIn();
    for (let h = 0; h < 12 * 3; h++) {
      hq.clock.offset += 20 * 60_000;
      const r = await client.call('GET', '/console/api/session');
      if (h < 12 * 3 - 1) expect(r.status, `after ${(h + 1) * 20} minutes`).toBe(200);
      else expect(r.status).toBe(401);
    }
  });

  it('refuses a state change without the CSRF token or from another origin (403), changing nothing', async () => {
    const snap = caseSnapshot('SH01', 1);
    await pushCases(hq, keys.SH01 as string, 'SH01', [snap]);
    await client.signIn();
    const path = `/console/api/cases/SH01/${String(snap.id)}/instructions`;
    const body = { clientId: '0190a000-0000-7000-8000-000000000001', text: '同意' };
    const none = await client.call('POST', path, body, { csrf: null });
    expect(none.status).toBe(403);
    expect((none.json as unknown as ConsoleErrorBody).code).toBe('FORBIDDEN');
    expect((await client.call('POST', path, body, { csrf: 'x'.repeat(32) })).status).toBe(403);
    expect((await client.call('POST', path, body, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await client.call('DELETE', '/console/api/session', undefined, { csrf: null })).status).toBe(403);
    expect(await scalar(hq.db, 'SELECT count(*) FROM instructions')).toBe(0);
    expect((await client.call('GET', '/console/api/session')).status).toBe(200);
    expect((await client.call('POST', path, body)).status).toBe(201);
    expect(await scalar(hq.db, 'SELECT count(*) FROM instructions')).toBe(1);
  });

  it('answers bad input with 400 and a zh/en message naming the field', async () => {
    await client.signIn();
    const r = await client.call<ConsoleErrorBody>('GET', '/console/api/cases?status=bogus&limit=5');
    expect(r.status).toBe(400);
    expect(r.json.code).toBe('VALIDATION');
    expect(r.json.issues?.[0]?.field).toBe('status');
    expect(r.json.message.zh).toContain('状态');
    expect(r.json.message.en).toContain('Status');
    const limit = await client.call<ConsoleErrorBody>('GET', '/console/api/cases?limit=100000');
    expect(limit.json.issues?.[0]).toMatchObject({
      field: 'limit',
      message: { zh: expect.stringContaining('条数'), en: expect.stringContaining('Page size') },
    });
    const cursor = await client.call<ConsoleErrorBody>('GET', '/console/api/cases?after=not-a-cursor');
    expect(cursor.status).toBe(400);
    expect(cursor.json.issues?.[0]?.field).toBe('after');
    const long = await client.call<ConsoleErrorBody>('POST', '/console/api/cases/SH01/x/instructions', {
      clientId: '0190a000-0000-7000-8000-000000000002',
      text: '批'.repeat(2001),
    });
    expect(long.status).toBe(400);
    expect(long.json.issues?.[0]).toMatchObject({
      field: 'text',
      message: { zh: expect.stringContaining('批示内容'), en: expect.stringContaining('Instruction text') },
    });
    const period = await client.call<ConsoleErrorBody>('GET', '/console/api/summary?period=year&date=2026-11-01');
    expect(period.json.issues?.[0]?.field).toBe('period');
    const signIn = await client.call<ConsoleErrorBody>('POST', '/console/api/session', { username: '', password: 'x' });
    expect(signIn.status).toBe(400);
    expect(signIn.json.issues?.[0]).toMatchObject({
      field: 'username',
      message: { zh: expect.stringContaining('用户名') },
    });
  });
});
