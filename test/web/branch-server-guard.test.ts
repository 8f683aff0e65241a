// The browser mode's guard (src-main/web/loopback-guard.ts) over real HTTP on 127.0.0.1: the one-time
// token exchanged for a session cookie, everything refused without it, foreign Host and Origin refused,
// a cross-site form POST refused with nothing changed; the same handler map once in.
import type { FastifyInstance } from 'fastify';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type BranchApp, createBranchApp } from '../../src-main/app';
import { type Db, openDatabase } from '../../src-main/db/connection';
import { DEFAULT_BRANCH_SETTINGS } from '../../src-main/shared/settings-schema';
import { createBranchServer, listenOnLoopback, SESSION_COOKIE } from '../../src-main/web/branch-server';
import { CONTENT_SECURITY_POLICY } from '../../src-main/window-policy';

const TOKEN = 'one-time-token-for-the-test-0123456789';
let dir = '';
let db: Db | null = null;
let app: BranchApp | null = null;
let server: FastifyInstance | null = null;
afterEach(async () => {
  await server?.close();
  app?.stop();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
  server = null;
  app = null;
  db = null;
});

/** An empty store (no manager yet) behind the guarded server; answers the base URL and its port. */
async function serve(o: { openAccess?: boolean } = {}): Promise<{ url: string; port: number }> {
  dir = mkdtempSync(join(tmpdir(), 'branch-guard-'));
  const root = join(dir, 'renderer');
  mkdirSync(root);
  writeFileSync(join(root, 'index.html'), '<!doctype html><meta charset="utf-8"><title>门店顾客异议台</title>');
  db = openDatabase(join(dir, 'branch.sqlite')).db;
  app = createBranchApp({ db, settings: { branch: () => DEFAULT_BRANCH_SETTINGS } });
  server = await createBranchServer({
    app,
    root,
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    ...(o.openAccess ? {} : { oneTimeToken: TOKEN }),
  });
  const url = await listenOnLoopback(server, 0);
  return { url, port: Number(new URL(url).port) };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request (node:http lets a test set Host and Origin as a foreign page or a rebinding DNS would). */
function raw(
  port: number,
  path: string,
  o: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: o.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...o.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (o.body !== undefined) req.write(o.body);
    req.end();
  });
}

const postJson = (port: number, channel: string, body: unknown, headers: Record<string, string> = {}) =>
  raw(port, `/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** Exchanges the token; answers the session cookie. */
async function signInWithToken(port: number): Promise<string> {
  const r = await raw(port, `/?token=${TOKEN}`);
  expect(r.status).toBe(303);
  expect(r.headers.location).toBe('/');
  const set = String(r.headers['set-cookie'] ?? '');
  expect(set).toMatch(new RegExp(`^${SESSION_COOKIE}=[\\w-]+; Path=/; HttpOnly; SameSite=Strict$`));
  return set.split(';')[0] ?? '';
}

const needsFirstManager = async (port: number, cookie: string) =>
  JSON.parse((await postJson(port, 'setup.status', {}, { cookie })).body) as unknown;

const MANAGER = { staffNo: 'M001', name: '王经理', role: 'manager', pin: '246810' };

describe('the guarded branch server (browser mode)', () => {
  it('refuses files and channels without the token, with a bilingual page and the CSP', async () => {
    const { port } = await serve();
    const page = await raw(port, '/');
    expect(page.status).toBe(401);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.body).toContain('一次性令牌');
    expect(page.body).toContain('one-time token');
    const api = await postJson(port, 'setup.status', {});
    expect(api.status).toBe(401);
    expect(api.headers['set-cookie']).toBeUndefined();
  });

  it('exchanges the token once for a SameSite=Strict HttpOnly cookie; then the app works; a reused or wrong token is refused', async () => {
    const { port } = await serve();
    const cookie = await signInWithToken(port);
    const index = await raw(port, '/', { headers: { cookie } });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.body).toContain('门店顾客异议台');
    expect(await needsFirstManager(port, cookie)).toEqual({ ok: true, value: { needsFirstManager: true } });

    const reused = await raw(port, `/?token=${TOKEN}`);
    expect(reused.status).toBe(403);
    expect(reused.headers['set-cookie']).toBeUndefined();
    expect(reused.body).toContain('已使用过');
    expect(reused.body).toContain('already used');
    expect((await raw(port, '/?token=wrong')).status).toBe(403);
    // The browser that already has the session is sent on without the token in its address.
    expect((await raw(port, `/?token=${TOKEN}`, { headers: { cookie } })).status).toBe(303);
    // A made-up cookie is no session.
    expect((await postJson(port, 'setup.status', {}, { cookie: `${SESSION_COOKIE}=made-up` })).status).toBe(401);
  });

  it('refuses a wrong token before the right one is used, and the right one still works once', async () => {
    const { port } = await serve();
    expect((await raw(port, `/?token=${TOKEN.slice(0, -1)}x`)).status).toBe(403);
    await signInWithToken(port);
  });

  it('refuses a foreign Host (DNS rebinding) with 403, even with the token or the session', async () => {
    const { port } = await serve();
    const evil = { host: `evil.example:${port}` };
    const r = await raw(port, `/?token=${TOKEN}`, { headers: evil });
    expect(r.status).toBe(403);
    expect(r.body).toContain('拒绝访问');
    expect(r.body).toContain('Refused');
    // The token was not spent by the refused request.
    const cookie = await signInWithToken(port);
    expect((await raw(port, '/', { headers: { ...evil, cookie } })).status).toBe(403);
    expect((await raw(port, '/', { headers: { host: `127.0.0.1:${port + 1}`, cookie } })).status).toBe(403);
    // localhost:PORT is the same computer.
    expect((await raw(port, '/', { headers: { host: `localhost:${port}`, cookie } })).status).toBe(200);
  });

  it('refuses a foreign Origin on POST and a cross-site form POST; nothing changes', async () => {
    const { port } = await serve();
    const cookie = await signInWithToken(port);
    const foreign = await postJson(port, 'setup.firstManager', MANAGER, { cookie, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const form = await raw(port, '/api/setup.firstManager', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', cookie },
      body: new URLSearchParams({ staffNo: 'M001', name: 'x', role: 'manager', pin: '246810' }).toString(),
    });
    expect(form.status).toBe(403);
    const siteHeader = await postJson(port, 'setup.firstManager', MANAGER, { cookie, 'sec-fetch-site': 'cross-site' });
    expect(siteHeader.status).toBe(403);
    expect(await needsFirstManager(port, cookie)).toEqual({ ok: true, value: { needsFirstManager: true } });

    // The same origin (as the browser sends it) goes through to the handler map.
    const own = await postJson(port, 'setup.firstManager', MANAGER, { cookie, origin: `http://127.0.0.1:${port}` });
    expect(own.status).toBe(200);
    expect(JSON.parse(own.body)).toMatchObject({ ok: true, value: { staffNo: 'M001', role: 'manager' } });
    expect(await needsFirstManager(port, cookie)).toEqual({ ok: true, value: { needsFirstManager: false } });
  });
});

describe('the branch server with open access (the e2e suite, the benches)', () => {
  it('gives any browser on this computer a session, with the CSP; a token in the address means nothing', async () => {
    const { port } = await serve({ openAccess: true });
    const index = await raw(port, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const first = await postJson(port, 'setup.status', {});
    expect(first.status).toBe(200);
    expect(String(first.headers['set-cookie'])).toMatch(
      new RegExp(`^${SESSION_COOKIE}=[\\w-]+; Path=/; HttpOnly; SameSite=Strict$`),
    );
  });

  it('still refuses a foreign Host, a foreign Origin and a cross-site POST; nothing changes', async () => {
    const { port } = await serve({ openAccess: true });
    expect((await raw(port, '/', { headers: { host: `evil.example:${port}` } })).status).toBe(403);
    expect((await postJson(port, 'setup.firstManager', MANAGER, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await postJson(port, 'setup.firstManager', MANAGER, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(await needsFirstManager(port, '')).toEqual({ ok: true, value: { needsFirstManager: true } });
  });
});
