// The update feed: `release add` (checks each feed file against the given installers; a refusal copies
// nothing) and GET/HEAD /v1/updates/<name> over real HTTP (content types, ranges, ETag, 404s), on every store.
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src-main/shared/errors';
import { addRelease, defaultReleasesDir } from '../../src-headoffice/releases';
import { buildServer } from '../../src-headoffice/server';
import type { HqStore } from '../../src-headoffice/store';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { tempDir } from '../helpers/store';

const ROOT = join(import.meta.dirname, '..', '..');
const EXE = 'Branch Desk Setup 1.2.0.exe';
const APPIMAGE = 'Branch-Desk-1.2.0.AppImage';
const DEB = 'branch-desk_1.2.0_amd64.deb';

const sha512 = (b: Buffer) => createHash('sha512').update(b).digest('base64');

/** A feed file as electron-builder writes it (js-yaml: the date single-quoted). */
const yml = (files: { name: string; data: Buffer }[], o: { size?: number; hash?: string } = {}) =>
  [
    'version: 1.2.0',
    'files:',
    ...files.flatMap((f) => [
      `  - url: ${f.name}`,
      `    sha512: ${o.hash ?? sha512(f.data)}`,
      `    size: ${o.size ?? f.data.length}`,
    ]),
    `path: ${files[0]?.name}`,
    `sha512: ${o.hash ?? sha512(files[0]?.data ?? Buffer.alloc(0))}`,
    "releaseDate: '2026-11-30T10:00:00.000Z'",
    '',
  ].join('\n');

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src-headoffice/cli.ts'), ...args],
      { cwd: ROOT, env: { ...process.env, ...env } },
      (e, out, err) => resolve({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, out, err }),
    );
  });
}

/** One raw HTTP exchange (fetch hides nothing we need, but HEAD and odd paths are plainer this way). */
function http(
  url: string,
  path: string,
  o: { method?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: u.hostname, port: u.port, path, method: o.method ?? 'GET', headers: o.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('update feed (%s)', (_name, backend) => {
  let dir: string;
  let src: string;
  let releases: string;
  let store: HqStore;
  let app: FastifyInstance;
  let url: string;
  const exe = randomBytes(300_000);
  const appImage = randomBytes(200_000);
  const deb = randomBytes(100_000);
  const blockmap = randomBytes(2_000);

  beforeAll(async () => {
    dir = tempDir('hq-feed-');
    src = join(dir, 'dist');
    releases = join(dir, 'releases');
    mkdirSync(src);
    writeFileSync(join(src, EXE), exe);
    writeFileSync(join(src, `${EXE}.blockmap`), blockmap);
    writeFileSync(join(src, APPIMAGE), appImage);
    writeFileSync(join(src, DEB), deb);
    writeFileSync(join(src, 'latest.yml'), yml([{ name: EXE, data: exe }]));
    writeFileSync(
      join(src, 'latest-linux.yml'),
      yml([
        { name: APPIMAGE, data: appImage },
        { name: DEB, data: deb },
      ]),
    );
    writeFileSync(join(dir, 'secret.txt'), 'not for the feed');
    store = await backend.open(dir);
    app = await buildServer({ db: store, releasesDir: releases });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    await backend.drop(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  const given = (...names: string[]) => names.map((n) => join(src, n));
  const refusal = async (dest: string, paths: string[]) => {
    try {
      await addRelease(dest, paths);
    } catch (e) {
      if (isAppError(e)) return e;
      throw e;
    }
    throw new Error('release add was not refused');
  };

  it('release add refuses, copying nothing: a yml that does not parse, a missing or extra file, a wrong size or hash', async () => {
    const dest = join(dir, 'refused');
    const write = (name: string, text: string) => writeFileSync(join(src, name), text);
    const cases: { paths: string[]; zh: string; en: string; setup?: () => void }[] = [
      {
        setup: () => write('latest.yml', 'version: 1.2.0\nfiles: a: b\npath: x.exe\n'),
        paths: given(EXE, 'latest.yml'),
        zh: 'latest.yml 第 2 行无法解析',
        en: 'latest.yml line 2 does not parse',
      },
      {
        setup: () => write('latest.yml', 'version: 1.2.0\nversion: 1.3.0\n'),
        paths: given(EXE, 'latest.yml'),
        zh: 'latest.yml 第 2 行无法解析',
        en: 'latest.yml line 2 does not parse',
      },
      {
        setup: () => write('latest.yml', yml([{ name: EXE, data: exe }]).replace(/size: \d+/, 'size: big')),
        paths: given(EXE, 'latest.yml'),
        zh: 'files[0].size 须为字节数',
        en: 'files[0].size must be a size in bytes',
      },
      {
        setup: () => write('latest.yml', 'version: 1.2.0\npath: x.exe\n'),
        paths: given(EXE, 'latest.yml'),
        zh: 'files 须列出至少一个文件',
        en: 'files must list at least one file',
      },
      {
        setup: () => write('latest.yml', yml([{ name: EXE, data: exe }])),
        paths: given('latest.yml'),
        zh: `列出的文件 ${EXE} 不在给出的文件中`,
        en: `it names ${EXE}, which is not among the given files`,
      },
      {
        setup: () => write('latest.yml', yml([{ name: EXE, data: exe }], { size: exe.length + 1 })),
        paths: given(EXE, 'latest.yml'),
        zh: '的大小与 size 不符',
        en: 'differs from its size field',
      },
      {
        setup: () => write('latest.yml', yml([{ name: EXE, data: exe }], { hash: sha512(Buffer.from('other')) })),
        paths: given(EXE, 'latest.yml'),
        zh: '的校验值与 sha512 不符',
        en: 'differs from its sha512 field',
      },
      {
        setup: () => write('latest.yml', yml([{ name: EXE, data: exe }])),
        paths: given(EXE, 'latest.yml', DEB),
        zh: '没有任何给出的更新描述文件列出它',
        en: 'no given feed file names it',
      },
      { paths: given(EXE), zh: '须同时给出 latest.yml', en: 'give latest.yml or latest-linux.yml' },
      { paths: [join(dir, 'secret.txt')], zh: '不是安装包或更新描述文件', en: 'not an installer or a feed file' },
      { paths: given(EXE, 'nope.yml'), zh: '文件不存在', en: 'the file does not exist' },
    ];
    for (const c of cases) {
      c.setup?.();
      const e = await refusal(dest, c.paths);
      expect(e.code).toBe('VALIDATION');
      expect(e.messages.zh).toContain(c.zh);
      expect(e.messages.en).toContain(c.en);
      expect(e.issues[0]?.field).toBeTruthy();
      expect(existsSync(dest)).toBe(false);
    }
    write('latest.yml', yml([{ name: EXE, data: exe }]));
  });

  it('release add copies the checked files; the feed serves them with their types, ranges, HEAD and ETag', async () => {
    const r = await addRelease(
      releases,
      given(EXE, `${EXE}.blockmap`, APPIMAGE, DEB, 'latest.yml', 'latest-linux.yml'),
    );
    expect(r.versions).toEqual([
      { feed: 'latest.yml', version: '1.2.0' },
      { feed: 'latest-linux.yml', version: '1.2.0' },
    ]);
    expect(r.copied.slice(-2).sort()).toEqual(['latest-linux.yml', 'latest.yml']);
    expect(readdirSync(releases).sort()).toEqual(
      [APPIMAGE, EXE, `${EXE}.blockmap`, DEB, 'latest-linux.yml', 'latest.yml'].sort(),
    );

    const feed = await http(url, '/v1/updates/latest.yml');
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toBe('text/yaml; charset=utf-8');
    expect(feed.body.toString()).toContain(`path: ${EXE}`);
    for (const [name, data] of [
      [EXE, exe],
      [APPIMAGE, appImage],
      [DEB, deb],
      [`${EXE}.blockmap`, blockmap],
    ] as const) {
      const got = await http(url, `/v1/updates/${encodeURIComponent(name)}`);
      expect(got.status).toBe(200);
      expect(got.headers['content-type']).toBe('application/octet-stream');
      expect(sha512(got.body)).toBe(sha512(data));
    }

    const path = `/v1/updates/${encodeURIComponent(EXE)}`;
    const part = await http(url, path, { headers: { range: 'bytes=1000-1999' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 1000-1999/${exe.length}`);
    expect(part.body.equals(exe.subarray(1000, 2000))).toBe(true);
    const tail = await http(url, path, { headers: { range: 'bytes=-500' } });
    expect(tail.status).toBe(206);
    expect(tail.body.equals(exe.subarray(exe.length - 500))).toBe(true);
    const beyond = await http(url, path, { headers: { range: `bytes=${exe.length + 10}-` } });
    expect(beyond.status).toBe(416);

    const head = await http(url, path, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(exe.length));
    expect(head.headers['accept-ranges']).toBe('bytes');
    expect(head.body.length).toBe(0);
    const etag = String(head.headers.etag);
    expect(etag).toMatch(/^(W\/)?".+"$/);
    expect((await http(url, path, { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('answers 404 for a folder, traversal, hidden or unknown names, and other kinds of file', async () => {
    mkdirSync(join(releases, 'sub.yml'), { recursive: true });
    writeFileSync(join(releases, 'notes.txt'), 'not a release file');
    const paths = [
      '/v1/updates/',
      '/v1/updates',
      '/v1/updates/nope.yml',
      '/v1/updates/notes.txt',
      '/v1/updates/sub.yml',
      '/v1/updates/sub.yml/',
      '/v1/updates/..%2Fsecret.txt',
      '/v1/updates/../secret.txt',
      '/v1/updates/%2e%2e/secret.txt',
      '/v1/updates/..%5Csecret.txt',
      '/v1/updates/.adding-1-latest.yml',
      `/v1/updates/x/${encodeURIComponent(EXE)}`,
    ];
    for (const p of paths) {
      const r = await http(url, p);
      expect([p, r.status]).toEqual([p, 404]);
      expect(r.body.toString()).not.toContain('not for the feed');
    }
    // A malformed escape is Fastify's 400 before any file is looked at.
    expect((await http(url, '/v1/updates/%E0%A4%A.yml')).status).toBe(400);
  });

  it('the CLI adds a release next to the store (and refuses bilingually, exit 2, copying nothing)', async () => {
    const { db, env } = backend.cli(dir, 'cli');
    const target = defaultReleasesDir(db);
    const bad = await cli(['--db', db, 'release', 'add', join(src, 'latest.yml')], env);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('不在给出的文件中');
    expect(bad.err).toContain('not among the given files');
    const other = join(dir, 'cli-releases');
    const ok = await cli(
      ['--db', db, 'release', 'add', '--releases', other, join(src, EXE), join(src, 'latest.yml')],
      env,
    );
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('latest.yml: 版本 version 1.2.0');
    expect(readdirSync(other).sort()).toEqual([EXE, 'latest.yml']);
    if (backend.name === 'sqlite') {
      expect(target).toBe(join(dir, 'releases'));
    } else {
      expect(target).toBe(join(ROOT, 'releases'));
    }
  });
});
