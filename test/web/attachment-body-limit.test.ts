// The browser mode's body limits over real HTTP on 127.0.0.1 (issue 19): attachments.add takes a
// file of several MB as base64 (up to the setting's 100 MB maximum), every other channel still stops
// at 2 MB (413), and a file over the branch's own limit is the service's bilingual refusal.
import type { FastifyInstance } from 'fastify';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ATTACHMENT_BODY_LIMIT, createBranchServer, listenOnLoopback } from '../../src-main/web/branch-server';
import { CONTENT_SECURITY_POLICY } from '../../src-main/window-policy';
import { letterPdf } from '../helpers/attachment-files';
import { openTestStore, phoneCase, PIN, type TestStore } from '../helpers/store';

let s: TestStore | null = null;
let server: FastifyInstance | null = null;
afterEach(async () => {
  await server?.close();
  s?.app.stop();
  s?.close();
  server = null;
  s = null;
});

interface Answer {
  status: number;
  body: string;
  cookie: string | null;
}

/** A POST of `body` (or only a declared length, for a body too large to be read at all). */
function post(port: number, path: string, body: string, o: { cookie?: string; declaredLength?: number } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          host: `127.0.0.1:${port}`,
          'content-type': 'application/json',
          'content-length': String(o.declaredLength ?? Buffer.byteLength(body)),
          ...(o.cookie ? { cookie: o.cookie } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          const set = res.headers['set-cookie']?.[0];
          resolve({ status: res.statusCode ?? 0, body: text, cookie: set ? (set.split(';')[0] ?? null) : null });
          req.destroy();
        });
      },
    );
    // The server may answer 413 and close before it read what was declared.
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? null : reject(e)));
    req.write(body);
    if (o.declaredLength === undefined) req.end();
  });
}

async function serve(): Promise<{ port: number; cookie: string; caseId: string }> {
  s = openTestStore();
  const root = join(s.dir, 'renderer');
  mkdirSync(root);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>门店顾客异议台</title>');
  server = await createBranchServer({ app: s.app, root, contentSecurityPolicy: CONTENT_SECURITY_POLICY });
  const port = Number(new URL(await listenOnLoopback(server, 0)).port);
  const signIn = await post(port, '/api/auth.signIn', JSON.stringify({ staffNo: 'C001', pin: PIN }));
  expect(JSON.parse(signIn.body)).toMatchObject({ ok: true });
  return { port, cookie: signIn.cookie ?? '', caseId: phoneCase(s).id };
}

const addBody = (caseId: string, file: Buffer) =>
  JSON.stringify({
    owner: { type: 'case', id: caseId },
    kind: 'body_letter',
    name: '12315来函.pdf',
    dataBase64: file.toString('base64'),
  });

describe('attachments.add over HTTP', () => {
  it('takes a 5 MB file (7 MB of base64) while every other channel stops at 2 MB', { timeout: 60_000 }, async () => {
    const { port, cookie, caseId } = await serve();
    const pdf = Buffer.concat([await letterPdf(), Buffer.alloc(5 * 1024 * 1024, 0x20)]);
    const added = await post(port, '/api/attachments.add', addBody(caseId, pdf), { cookie });
    expect(added.status).toBe(200);
    const answer = JSON.parse(added.body) as { ok: boolean; value: { attachment: { mime: string; size: number } } };
    expect(answer.ok).toBe(true);
    expect(answer.value.attachment).toMatchObject({ mime: 'application/pdf', size: pdf.length });

    // The same 7 MB to another channel: refused by its 2 MB limit before any handler runs.
    const other = await post(port, '/api/notes.add', addBody(caseId, pdf), { cookie });
    expect(other.status).toBe(413);
    const listed = await post(port, '/api/attachments.list', JSON.stringify({ owner: { type: 'case', id: caseId } }), {
      cookie,
    });
    expect(JSON.parse(listed.body)).toMatchObject({ ok: true, value: [{ name: '12315来函.pdf' }] });
  });

  it(
    "refuses a file over the branch's limit with the service's words, and a body over 100 MB's base64 with 413",
    {
      timeout: 60_000,
    },
    async () => {
      const { port, cookie, caseId } = await serve();
      const big = Buffer.concat([await letterPdf(), Buffer.alloc(21 * 1024 * 1024, 0x20)]);
      const refused = await post(port, '/api/attachments.add', addBody(caseId, big), { cookie });
      expect(refused.status).toBe(200);
      expect(JSON.parse(refused.body)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: { zh: expect.stringContaining('不能超过 20 MB') } },
      });
      const tooLarge = await post(port, '/api/attachments.add', '{"owner":', {
        cookie,
        declaredLength: ATTACHMENT_BODY_LIMIT + 1,
      });
      expect(tooLarge.status).toBe(413);
      expect(s?.db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 0 });
    },
  );
});
