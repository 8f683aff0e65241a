// Head office over HTTPS (a self-signed certificate made here with openssl), behind a TLS proxy
// (--trust-proxy), and branch keys sealed at rest with the master key; on SQLite and PostgreSQL.
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer as createNetServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { protectBranchKeys } from '../../src-headoffice/branch-key-vault';
import { addBranch } from '../../src-headoffice/branches';
import { addReviewer } from '../../src-headoffice/console/reviewers';
import { buildServer, type ServerOptions } from '../../src-headoffice/server';
import type { HqStore } from '../../src-headoffice/store';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { syncOnce } from '../../src-main/sync/sync-run';
import { waitingCount } from '../../src-main/sync/sync-state';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { openTestStore, phoneCase, tempDir } from '../helpers/store';
import { hqFold } from '../sync/sync-harness';

const ROOT = join(__dirname, '../..');
const PASSWORD = 'correct horse battery 9';
let certDir: string;
let cert: Buffer;
let key: Buffer;

beforeAll(() => {
  certDir = tempDir('tls-');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      join(certDir, 'key.pem'),
      '-out',
      join(certDir, 'cert.pem'),
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  cert = readFileSync(join(certDir, 'cert.pem'));
  key = readFileSync(join(certDir, 'key.pem'));
  return () => rmSync(certDir, { recursive: true, force: true });
});

/** fetch over node:https trusting `ca` (what NODE_EXTRA_CA_CERTS does for the app). */
const fetchTrusting =
  (ca: Buffer): typeof fetch =>
  (input, init) =>
    new Promise((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const headers = Object.fromEntries(new Headers(init?.headers).entries());
      const req = request(url, { method: init?.method ?? 'GET', headers, ca }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const h = new Headers();
          for (const [k, v] of Object.entries(res.headers))
            for (const x of Array.isArray(v) ? v : [v ?? '']) h.append(k, String(x));
          const status = res.statusCode ?? 500;
          resolve(new Response(status === 204 ? null : Buffer.concat(chunks), { status, headers: h }));
        });
      });
      req.on('error', reject);
      req.end(init?.body ? Buffer.from(init.body as Uint8Array) : undefined);
    });

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createNetServer().listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });

const secureCookie = (setCookie: string | null) => /;\s*Secure/i.test(setCookie ?? '');

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('head office on %s', (_name, backend) => {
  let dir: string;
  let db: HqStore;
  let app: FastifyInstance | null = null;

  const serve = async (o: Partial<ServerOptions>, host = '127.0.0.1') => {
    dir = tempDir('hq-tls-');
    db = await backend.open(dir);
    await addReviewer(db, { username: 'li', name: '李审核', password: PASSWORD }, Date.now());
    app = await buildServer({ db, ...o });
    return app.listen({ host, port: 0 });
  };
  afterEach(async () => {
    await app?.close();
    app = null;
    await db.close();
    await backend.drop(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  const signIn = (f: typeof fetch, url: string, headers: Record<string, string>) =>
    f(`${url}/console/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ username: 'li', password: PASSWORD }),
    });

  it('a real branch sync pushes over HTTPS; the branch key is stored sealed and still verifies', async () => {
    const url = await serve({ tls: { cert, key } });
    expect(url).toMatch(/^https:\/\//);
    const master = randomBytes(32);
    await protectBranchKeys(db, master);
    const branchKey = await addBranch(db, 'SH01', Date.now());
    const raw = await db.get<{ key: string }>("SELECT key FROM branches WHERE code = 'SH01'");
    expect(raw?.key).toMatch(/^aesgcm1:/);
    expect(raw?.key).not.toContain(branchKey);

    const s = openTestStore();
    try {
      phoneCase(s);
      phoneCase(s);
      // Without the private CA the certificate is refused: nothing is sent in clear or to a stranger.
      const untrusted = new HttpTransport({ url, branch: 'SH01', key: branchKey });
      await expect(syncOnce({ ctx: s.ctx, branch: 'SH01', transport: untrusted })).rejects.toThrow();
      const transport = new HttpTransport({ url, branch: 'SH01', key: branchKey, fetch: fetchTrusting(cert) });
      await syncOnce({ ctx: s.ctx, branch: 'SH01', transport });
      expect(waitingCount(s.db)).toBe(0);
      expect((await hqFold(db, 'SH01')).size).toBeGreaterThan(0);
    } finally {
      s.close();
    }
  });

  it('console sign-in over HTTPS sets a Secure cookie', async () => {
    const url = await serve({ tls: { cert, key } });
    const res = await signIn(fetchTrusting(cert), url, { origin: url });
    expect(res.status).toBe(200);
    expect(secureCookie(res.headers.get('set-cookie'))).toBe(true);
  });

  it('with --trust-proxy the proxy’s https Origin passes and the cookie is Secure', async () => {
    const url = await serve({ trustProxy: true });
    const res = await signIn(fetch, url, {
      origin: 'https://hq.example.cn',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'hq.example.cn',
      'x-forwarded-for': '203.0.113.9',
    });
    expect(res.status).toBe(200);
    expect(secureCookie(res.headers.get('set-cookie'))).toBe(true);
  });

  it('without --trust-proxy a forwarded header is ignored: no Secure cookie, and a proxy Origin is refused', async () => {
    const url = await serve({});
    const forged = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'hq.example.cn' };
    const asProxy = await signIn(fetch, url, { origin: 'https://hq.example.cn', ...forged });
    expect(asProxy.status).toBe(403);
    expect(asProxy.headers.get('set-cookie')).toBeNull();
    const direct = await signIn(fetch, url, { origin: url, ...forged });
    expect(direct.status).toBe(200);
    expect(secureCookie(direct.headers.get('set-cookie'))).toBe(false);
  });

  it('clear keys are sealed on first use of a master key; a wrong master key is refused and changes nothing', async () => {
    await serve({});
    const clear = await addBranch(db, 'SH01', Date.now());
    expect((await db.get<{ key: string }>("SELECT key FROM branches WHERE code = 'SH01'"))?.key).toBe(clear);
    const master = randomBytes(32);
    expect(await protectBranchKeys(db, master)).toBe(1);
    const sealed = (await db.get<{ key: string }>("SELECT key FROM branches WHERE code = 'SH01'"))?.key;
    expect(sealed).toMatch(/^aesgcm1:/);
    expect(sealed).not.toContain(clear);
    await expect(protectBranchKeys(db, randomBytes(32))).rejects.toMatchObject({
      code: 'AUTH_FAILED',
      messages: { zh: expect.stringContaining('主密钥'), en: expect.stringContaining('master key') },
    });
    expect((await db.get<{ key: string }>("SELECT key FROM branches WHERE code = 'SH01'"))?.key).toBe(sealed);
  });

  describe('npm run headoffice -- serve', () => {
    let child: ChildProcess | null = null;
    afterEach(() => {
      child?.kill();
      child = null;
    });
    const cli = (args: string[], env: Record<string, string> = {}) =>
      new Promise<{ code: number; out: string; err: string }>((resolve) => {
        const { db: target, env: dbEnv } = backend.cli(dir);
        execFile(
          process.execPath,
          ['--import', 'tsx', join(ROOT, 'src-headoffice/cli.ts'), '--db', target, ...args],
          {
            cwd: ROOT,
            env: { ...process.env, ...dbEnv, ...env, BRANCH_DESK_HQ_MASTER_KEY: env.BRANCH_DESK_HQ_MASTER_KEY ?? '' },
          },
          (e, out, err) => resolve({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, out, err }),
        );
      });

    it('refuses without a master key, with a wrong one, and with half a TLS pair; serves HTTPS with both', async () => {
      await serve({});
      const good = randomBytes(32).toString('base64');
      const keyFile = join(dir, 'master.key');
      writeFileSync(keyFile, `${good}\n`);
      const added = await cli(['branch', 'add', 'SH01', '--master-key-file', keyFile]);
      expect(added.code).toBe(0);
      const branchKey = added.out.trim().split('\n').at(-1) ?? '';
      expect((await db.get<{ key: string }>("SELECT key FROM branches WHERE code = 'SH01'"))?.key).toMatch(/^aesgcm1:/);

      const none = await cli(['serve', '--port', '1']);
      expect(none.code).toBe(2);
      expect(none.err).toContain('未提供主密钥');
      expect(none.err).toContain('No master key');

      const wrong = await cli(['serve', '--port', '1'], {
        BRANCH_DESK_HQ_MASTER_KEY: randomBytes(32).toString('hex'),
      });
      expect(wrong.code).toBe(2);
      expect(wrong.err).toContain('主密钥与总部数据库中加密的门店密钥不符');
      expect(wrong.err).toContain('wrong master key');

      const short = await cli(['serve', '--port', '1'], { BRANCH_DESK_HQ_MASTER_KEY: 'abc' });
      expect(short.code).toBe(2);
      expect(short.err).toContain('The master key must be 32 bytes');

      const half = await cli([
        'serve',
        '--port',
        '1',
        '--master-key-file',
        keyFile,
        '--tls-cert',
        join(certDir, 'cert.pem'),
      ]);
      expect(half.code).toBe(2);
      expect(half.err).toContain('须同时给出 --tls-cert 与 --tls-key');
      expect(half.err).toContain('Give both --tls-cert and --tls-key');

      const { db: target, env: dbEnv } = backend.cli(dir);
      child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          join(ROOT, 'src-headoffice/cli.ts'),
          '--db',
          target,
          'serve',
          '--port',
          String(await freePort()),
          '--master-key-file',
          keyFile,
          '--tls-cert',
          join(certDir, 'cert.pem'),
          '--tls-key',
          join(certDir, 'key.pem'),
        ],
        { cwd: ROOT, env: { ...process.env, ...dbEnv, BRANCH_DESK_HQ_MASTER_KEY: '' } },
      );
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child?.stdout?.on('data', (b: Buffer) => {
          out += b.toString();
          const m = /listening on (https:\/\/\S+)/.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        child?.on('exit', () => reject(new Error(out)));
      });
      expect(out).not.toContain(good);
      const health = await fetchTrusting(cert)(`${url}/healthz`);
      expect(health.status).toBe(200);
      const s = openTestStore();
      try {
        phoneCase(s);
        const transport = new HttpTransport({ url, branch: 'SH01', key: branchKey, fetch: fetchTrusting(cert) });
        await syncOnce({ ctx: s.ctx, branch: 'SH01', transport });
        expect(waitingCount(s.db)).toBe(0);
      } finally {
        s.close();
      }
    }, 60_000);
  });
});
