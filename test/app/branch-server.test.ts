// The branch app over HTTP (src-main/web/branch-server.ts, what `npm run dev:web` runs): real
// requests on 127.0.0.1 — static files with their content type and the window's CSP, the
// handler map at POST /api/<channel> with one session per cookie, refusals as Results.
import type { FastifyInstance } from 'fastify';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBranchServer, listenOnLoopback, SESSION_COOKIE } from '../../src-main/web/branch-server';
import { CONTENT_SECURITY_POLICY } from '../../src-main/window-policy';
import { openTestStore, PIN, type TestStore } from '../helpers/store';

let s: TestStore | null = null;
let server: FastifyInstance | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
  s?.close();
  s = null;
});

/** A renderer build of two files beside the store, served by a server on a free loopback port. */
async function serve(): Promise<string> {
  s = openTestStore();
  const root = join(s.dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>门店顾客异议台</title><script type="module" src="assets/main.js"></script>',
  );
  writeFileSync(join(root, 'assets', 'main.js'), 'console.log("门店");');
  server = await createBranchServer({ app: s.app, root, contentSecurityPolicy: CONTENT_SECURITY_POLICY });
  return listenOnLoopback(server, 0);
}

const post = (url: string, channel: string, body: unknown, cookie?: string) =>
  fetch(`${url}api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });

describe('the branch server', () => {
  it('listens on 127.0.0.1 and serves the renderer with its content types and the CSP', async () => {
    const url = await serve();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await fetch(url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8$/i);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await index.text()).toContain('门店顾客异议台');
    const script = await fetch(`${url}assets/main.js?v=1`);
    expect(script.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(await script.text()).toContain('门店');
    expect((await fetch(`${url}assets/missing.js`)).status).toBe(404);
    // The store sits one folder above the renderer: a path out of the root is refused.
    expect([403, 404]).toContain((await fetch(`${url}..%2fbranch.sqlite`)).status);
    expect((await fetch(url, { method: 'PUT' })).status).toBe(405);
  });

  it('answers POST /api/<channel> with a Result, one session per cookie', async () => {
    const url = await serve();
    const first = await post(url, 'auth.whoami', {});
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await first.json()).toEqual({ ok: true, value: null });
    const setCookie = first.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[\\w-]+; Path=/; HttpOnly; SameSite=Strict$`));
    const cookie = setCookie.split(';')[0] ?? '';

    expect(await (await post(url, 'auth.signIn', { staffNo: 'S001', pin: PIN }, cookie)).json()).toMatchObject({
      ok: true,
      value: { role: 'secretary' },
    });
    const again = await post(url, 'auth.whoami', {}, cookie);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await again.json()).toMatchObject({ ok: true, value: { staffNo: 'S001' } });
    // Another browser (no cookie) has its own session.
    expect(await (await post(url, 'auth.whoami', {})).json()).toEqual({ ok: true, value: null });
  });

  it('refuses an unknown channel and bad input as Results, and a body that is not JSON', async () => {
    const url = await serve();
    expect(await (await post(url, 'db.exec', { sql: 'DELETE FROM cases' })).json()).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await (await post(url, 'auth.signIn', { staffNo: 1 })).json()).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const garbled = await fetch(`${url}api/auth.whoami`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(garbled.status).toBe(400);
  });
});
