// Branch updates through head office over real HTTP on 127.0.0.1 (node:http serving a latest.yml and its installer): a newer version is downloaded once and verified, an older or equal one is ignored, a file whose hash differs is refused and not kept, a feed that is down leaves the sync fine, and only the manager may defer.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type BranchApp, createBranchApp } from '../../src-main/app';
import type { Session } from '../../src-main/handlers/types';
import { PIN, openTestStore, type TestStore } from '../helpers/store';

const installer = Buffer.from('Branch Desk Setup 1.2.0 — installer bytes '.repeat(2000));
const sha512 = (b: Buffer) => createHash('sha512').update(b).digest('base64');
const noTimers = { setTimeout: () => 0, clearTimeout: () => undefined };

interface Feed {
  server: Server;
  url: string;
  hits: Record<string, number>;
  version: string;
  body: Buffer;
  feedDown: boolean;
}

async function startFeed(): Promise<Feed> {
  const f: Feed = { server: createServer(), url: '', hits: {}, version: '1.2.0', body: installer, feedDown: false };
  f.server.on('request', (req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    f.hits[path] = (f.hits[path] ?? 0) + 1;
    if (path === '/v1/batches') {
      // Stands in for head office's acknowledgement: every record sent is held.
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ackedSeq: 1_000_000, imported: 0, unchanged: 0, duplicate: false, quarantined: [] }));
    } else if (path.startsWith('/v1/instructions')) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ instructions: [], cursor: 0 }));
    } else if (path === '/v1/updates/latest-linux.yml' || path === '/v1/updates/latest.yml') {
      if (f.feedDown) return void res.writeHead(503).end('down');
      const name = `Branch-Desk-Setup-${f.version}.exe`;
      res.setHeader('content-type', 'text/yaml');
      res.end(
        `version: ${f.version}\nfiles:\n  - url: ${name}\n    sha512: ${sha512(installer)}\n    size: ${installer.length}\n` +
          `path: ${name}\nsha512: ${sha512(installer)}\nreleaseDate: '2026-11-30T10:00:00.000Z'\n`,
      );
    } else if (path.startsWith('/v1/updates/Branch-Desk-Setup-')) {
      res.setHeader('content-type', 'application/octet-stream');
      res.end(f.body);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((ok) => f.server.listen(0, '127.0.0.1', ok));
  f.url = `http://127.0.0.1:${(f.server.address() as AddressInfo).port}`;
  return f;
}

let store: TestStore | null = null;
let feed: Feed | null = null;
afterEach(async () => {
  store?.close();
  store = null;
  await new Promise((ok) => feed?.server.close(ok) ?? ok(null));
  feed = null;
});

async function setUp(current = '1.0.0'): Promise<{ s: TestStore; f: Feed; app: BranchApp; dir: string }> {
  const s = (store = openTestStore());
  const f = (feed = await startFeed());
  const dir = join(s.dir, 'updates');
  const app = createBranchApp({
    db: s.db,
    settings: { branch: () => s.settings },
    clock: () => s.clock.t,
    sync: { timers: noTimers, config: () => ({ branch: 'B001', url: f.url, key: 'k'.repeat(32) }) },
    update: { url: () => f.url, currentVersion: current, dir, platform: 'linux' },
  });
  return { s, f, app, dir };
}

const signIn = async (app: BranchApp, staffNo: string): Promise<Session> => {
  const session: Session = { user: null };
  expect(await app.dispatch(session, 'auth.signIn', { staffNo, pin: PIN })).toMatchObject({ ok: true });
  return session;
};

describe('updates through head office', () => {
  it('downloads a newer version once after a sync, verified; the next check does not fetch it again', async () => {
    const { f, app, dir } = await setUp();
    await app.ctx.sync!.syncNow();
    await app.update!.afterSync();
    expect(f.hits['/v1/updates/latest-linux.yml']).toBe(1);
    expect(f.hits['/v1/updates/Branch-Desk-Setup-1.2.0.exe']).toBe(1);
    expect(readFileSync(join(dir, 'Branch-Desk-Setup-1.2.0.exe')).equals(installer)).toBe(true);
    expect(app.update!.status()).toMatchObject({
      current: '1.0.0',
      available: '1.2.0',
      downloaded: true,
      deferred: false,
    });
    expect(app.update!.installOnQuit()).toBe(true);
    // Within the interval the feed is not asked again; asked anyway, the verified file is kept, not fetched.
    await app.update!.afterSync();
    expect(f.hits['/v1/updates/latest-linux.yml']).toBe(1);
    await app.update!.check();
    expect(f.hits['/v1/updates/latest-linux.yml']).toBe(2);
    expect(f.hits['/v1/updates/Branch-Desk-Setup-1.2.0.exe']).toBe(1);
  });

  it('ignores a version equal to or older than the running one', async () => {
    const { f, app, dir } = await setUp('1.2.0');
    expect(await app.update!.check()).toMatchObject({ available: null, downloaded: false });
    f.version = '1.1.9';
    expect(await app.update!.check()).toMatchObject({ available: null, downloaded: false });
    expect(f.hits['/v1/updates/Branch-Desk-Setup-1.2.0.exe']).toBeUndefined();
    expect(existsSync(dir)).toBe(false);
    expect(app.update!.installOnQuit()).toBe(false);
  });

  it('refuses a file whose hash differs and does not keep it', async () => {
    const { f, app, dir } = await setUp();
    const tampered = Buffer.from(installer);
    tampered.writeUInt8(tampered.readUInt8(10) ^ 0xff, 10);
    f.body = tampered;
    await expect(app.update!.check()).rejects.toMatchObject({
      messages: { zh: expect.stringContaining('校验不符'), en: expect.stringContaining('failed verification') },
    });
    expect(readdirSync(dir)).toEqual([]);
    expect(app.update!.status()).toMatchObject({ available: '1.2.0', downloaded: false });
    expect(app.update!.installOnQuit()).toBe(false);
  });

  it('refuses a feed that does not read as electron-builder writes it, naming the file and what is wrong; nothing is fetched', async () => {
    const { f, app, dir } = await setUp();
    f.version = 'next: [';
    await expect(app.update!.check()).rejects.toMatchObject({
      messages: {
        zh: expect.stringMatching(/总部的更新信息无法读取.*latest-linux\.yml 第 \d+ 行无法解析/),
        en: expect.stringMatching(/update feed cannot be read.*latest-linux\.yml line \d+ does not parse/),
      },
    });
    f.version = 'soon';
    await expect(app.update!.check()).rejects.toMatchObject({
      messages: { en: expect.stringContaining('latest-linux.yml: version soon') },
    });
    expect(f.hits['/v1/updates/Branch-Desk-Setup-1.2.0.exe']).toBeUndefined();
    expect(existsSync(dir)).toBe(false);
    expect(app.update!.status()).toMatchObject({ available: null, downloaded: false });
  });

  it('a feed that is down leaves the sync fine', async () => {
    const { f, app } = await setUp();
    f.feedDown = true;
    const after = await app.ctx.sync!.syncNow();
    await app.update!.afterSync();
    expect(after).toMatchObject({ state: 'idle', lastError: null });
    expect(f.hits['/v1/updates/latest-linux.yml']).toBe(1);
    expect(app.ctx.sync!.status()).toMatchObject({ state: 'idle', lastError: null });
    expect(app.update!.status()).toMatchObject({ available: null, downloaded: false });
  });

  it('the manager defers the waiting version; a clerk is refused and nothing changes', async () => {
    const { s, app } = await setUp();
    await app.update!.check();
    const clerk = await signIn(app, 'C001');
    expect(await app.dispatch(clerk, 'update.status', {})).toMatchObject({ ok: true, value: { available: '1.2.0' } });
    const refused = await app.dispatch(clerk, 'update.defer', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(refused)).toContain('只有店长');
    expect(app.update!.installOnQuit()).toBe(true);
    const manager = await signIn(app, 'M001');
    expect(await app.dispatch(manager, 'update.defer', {})).toMatchObject({
      ok: true,
      value: { available: '1.2.0', deferred: true },
    });
    expect(app.update!.installOnQuit()).toBe(false);
    expect(s.users.manager.role).toBe('manager');
  });

  it('defer with nothing downloaded is refused', async () => {
    const { app } = await setUp('9.0.0');
    const manager = await signIn(app, 'M001');
    const r = await app.dispatch(manager, 'update.defer', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
