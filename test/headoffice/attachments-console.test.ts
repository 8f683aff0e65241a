// Head office's attachments for the console and support, on both stores: the case detail lists a
// case's attachments; the file and thumb paths stream the bytes with their type to a signed-in reviewer;
// an ID copy is listed without its name and refused (403) to a reviewer not allowed personal data, served
// to one who is (reviewer restricted … on, through the CLI); `attachment get` writes the held bytes or
// exits 1 with words.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseAttachmentsAnswer, CaseDetail } from '../../src-headoffice/console/api-contract';
import { addReviewer } from '../../src-headoffice/console/reviewers';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { syncOnce } from '../../src-main/sync/sync-run';
import { attach, type TestAttachment } from '../helpers/attachments';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { openTestStore, phoneCase, tempDir, type TestStore } from '../helpers/store';
import { ConsoleClient, PASSWORD, startConsole } from './console-harness';
import type { Hq } from '../sync/sync-harness';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const hqCli = (args: string[], env: Record<string, string>) =>
  run(process.execPath, ['--import', 'tsx', join(ROOT, 'src-headoffice/cli.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('console attachments on %s', (_n, backend) => {
  let hq: Hq;
  let li: ConsoleClient;
  let s: TestStore;
  let caseId: string;
  let photo: TestAttachment;
  let idCopy: TestAttachment;
  beforeEach(async () => {
    const c = await startConsole(backend);
    hq = c.hq;
    li = c.client;
    await li.signIn();
    s = openTestStore();
    caseId = phoneCase(s).id;
    photo = attach(s, caseId);
    idCopy = attach(s, caseId, { kind: 'id_copy', name: '张三身份证.jpg' });
    await syncOnce({
      ctx: s.ctx,
      branch: 'SH01',
      transport: new HttpTransport({ url: hq.url, branch: 'SH01', key: c.keys.SH01 as string }),
    });
  });
  afterEach(async () => {
    s.close();
    await hq.close();
  });

  const bytesOf = async (client: ConsoleClient, path: string) => {
    const res = await fetch(`${hq.url}${path}`, { headers: { cookie: client.cookie } });
    return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
  };

  it('lists the case attachments; ID copies hidden from a reviewer without the right, served to one with it', async () => {
    const detail = await li.call<CaseDetail>('GET', `/console/api/cases/SH01/${caseId}`);
    expect(detail.status).toBe(200);
    // Both added at the same instant: ordered here by kind.
    const list = [...(detail.json.attachments ?? [])].sort((a, b) => a.kind.localeCompare(b.kind));
    expect(list.map((a) => [a.kind, a.name, a.restricted, a.held])).toEqual([
      ['goods_photo', '开胶照片.jpg', false, true],
      ['id_copy', null, true, true],
    ]);
    const [shown, hidden] = list;
    expect(hidden?.fileUrl).toBeNull();
    expect(hidden?.thumbUrl).toBeNull();
    const file = await bytesOf(li, shown?.fileUrl as string);
    expect(file.status).toBe(200);
    expect(file.type).toBe('image/jpeg');
    expect(file.body.equals(photo.bytes)).toBe(true);
    const thumb = await bytesOf(li, shown?.thumbUrl as string);
    expect(thumb.body.equals(photo.thumb as Buffer)).toBe(true);
    const refused = await li.call('GET', `/console/api/attachments/SH01/${idCopy.snapshot.id}/file`);
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ code: 'FORBIDDEN' });
    expect(JSON.stringify(refused.json)).toContain('身份证');

    // A reviewer allowed personal data (granted through the CLI) sees the name and the bytes.
    await addReviewer(hq.db, { username: 'wang', name: '王主任', password: PASSWORD }, Date.now());
    const cli = hq.backend.cli(hq.dir);
    const granted = await hqCli(['--db', cli.db, 'reviewer', 'restricted', 'wang', 'on'], cli.env);
    expect(granted.code).toBe(0);
    const wang = new ConsoleClient(hq);
    await wang.signIn('wang');
    const mine = await wang.call<CaseAttachmentsAnswer>('GET', `/console/api/cases/SH01/${caseId}/attachments`);
    expect(mine.json.seesRestricted).toBe(true);
    const id = mine.json.attachments.find((a) => a.kind === 'id_copy');
    expect(id?.name).toBe('张三身份证.jpg');
    const served = await bytesOf(wang, id?.fileUrl as string);
    expect(served.status).toBe(200);
    expect(served.body.equals(idCopy.bytes)).toBe(true);

    // Signed out: nothing.
    const anon = await fetch(`${hq.url}/console/api/attachments/SH01/${photo.snapshot.id}/file`);
    expect(anon.status).toBe(401);
    expect((await li.call('GET', '/console/api/attachments/SH01/no-such-id/file')).status).toBe(404);
  });

  it('attachment get writes the bytes head office holds, and exits 1 with words when it holds none', async () => {
    const cli = hq.backend.cli(hq.dir);
    const dir = join(hq.dir, 'hq-attachments');
    const out = join(tempDir('att-get-'), 'photo.jpg');
    const got = await hqCli(
      ['--db', cli.db, 'attachment', 'get', photo.snapshot.sha256, '--out', out, '--attachments-dir', dir],
      cli.env,
    );
    expect(got.code).toBe(0);
    expect(readFileSync(out).equals(photo.bytes)).toBe(true);
    const missing = join(tempDir('att-get-'), 'none.bin');
    const none = await hqCli(
      ['--db', cli.db, 'attachment', 'get', 'a'.repeat(64), '--out', missing, '--attachments-dir', dir],
      cli.env,
    );
    expect(none.code).toBe(1);
    expect(none.err).toContain('总部没有这个附件的文件');
    expect(none.err).toContain('Head office does not hold this attachment');
    expect(existsSync(missing)).toBe(false);
  });
});

describe('where head office keeps attachment bytes', () => {
  it('beside a SQLite store by default, a named folder first, and PostgreSQL only with one named', async () => {
    const { attachmentRootOf } = await import('../../src-headoffice/attachment-root');
    const was = process.env.HQ_ATTACHMENTS_DIR;
    delete process.env.HQ_ATTACHMENTS_DIR;
    try {
      expect(attachmentRootOf({ kind: 'sqlite', where: '/srv/hq/headoffice.sqlite' })).toBe(
        '/srv/hq/headoffice-attachments',
      );
      expect(attachmentRootOf({ kind: 'sqlite', where: '/srv/hq/headoffice.sqlite' }, '/data/att')).toBe('/data/att');
      expect(attachmentRootOf({ kind: 'pg', where: 'postgres://hq@db/hq' })).toBeNull();
      process.env.HQ_ATTACHMENTS_DIR = '/data/from-env';
      expect(attachmentRootOf({ kind: 'pg', where: 'postgres://hq@db/hq' })).toBe('/data/from-env');
    } finally {
      if (was === undefined) delete process.env.HQ_ATTACHMENTS_DIR;
      else process.env.HQ_ATTACHMENTS_DIR = was;
    }
  });

  it('serve on PostgreSQL without an attachment folder refuses to start, in both languages', async () => {
    const r = await hqCli(['--db', 'postgres://nobody@127.0.0.1:1/none', 'serve', '--insecure-keys', '--port', '1'], {
      HQ_ATTACHMENTS_DIR: '',
    });
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('使用 PostgreSQL 时须指定附件存放目录');
    expect(r.err).toContain('With PostgreSQL an attachment folder is required');
  });
});
