// Imports in worker threads (issue 16 §1, import-pool.ts) on both stores, over real HTTP: a worker that dies inside an
// import's transaction answers 503 BUSY + Retry-After, nothing of the batch is imported, and the retried batch is
// imported exactly once; while every import slot holds a big batch, /healthz and a pull are answered before the
// imports finish (order of completion, not a time limit); the in-process mode (importWorkers 0) still imports.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { addBranch } from '../../src-headoffice/branches';
import { defaultImportSlots } from '../../src-headoffice/import-admission';
import { buildServer, type ServerOptions } from '../../src-headoffice/server';
import type { HqStore } from '../../src-headoffice/store';
import { buildBatch } from '../../src-main/sync/outbox-batches';
import { syncOnce } from '../../src-main/sync/sync-run';
import { ackedSeq } from '../../src-main/sync/sync-state';
import { TransportError } from '../../src-main/sync/transport';
import { type HqBackend, HQ_BACKENDS, scalar } from '../helpers/hq-backends';
import { openTestStore, phoneCase, tempDir, type TestStore } from '../helpers/store';
import { branchFold, foldEntries, hqFold, transportFor } from '../sync/sync-harness';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'src-headoffice/cli.ts');

type Running = { db: HqStore; app: FastifyInstance; url: string; dir: string; backend: HqBackend };
let running: Running | null = null;
const stores: TestStore[] = [];

async function start(backend: HqBackend, o: Omit<ServerOptions, 'db'> = {}): Promise<Running> {
  const dir = tempDir('hq-workers-');
  const db = await backend.open(dir);
  const app = await buildServer({ db, limits: { rateMax: 1_000_000, importBusyRetryAfterS: 1 }, ...o });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return (running = { db, app, url, dir, backend });
}

afterEach(async () => {
  for (const s of stores.splice(0)) s.close();
  if (!running) return;
  const r = running;
  running = null;
  await r.app.close();
  await r.db.close();
  await r.backend.drop(r.dir);
  rmSync(r.dir, { recursive: true, force: true });
});

function branchStore(code: string, cases: number): TestStore {
  const s = openTestStore({ settings: { branchCode: code } });
  for (let i = 0; i < cases; i++) phoneCase(s);
  stores.push(s);
  return s;
}

/** A port free on 127.0.0.1 right now (the CLI takes 1–65535). */
async function freePort(): Promise<number> {
  const srv = createServer().listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const address = srv.address();
  srv.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const outboxRows = (s: TestStore) => s.db.prepare('SELECT count(*) FROM outbox').pluck().get();

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('import workers (%s)', (_n, backend) => {
  it('a worker that dies mid-import answers 503 with Retry-After, imports nothing, and the retry imports the batch once', async () => {
    const hq = await start(backend, { importWorkerCrash: 'before-commit' });
    const key = await addBranch(hq.db, 'SH01', Date.now());
    const s = branchStore('SH01', 20);
    const transport = transportFor(hq, 'SH01', key);

    const err = await syncOnce({ ctx: s.ctx, branch: 'SH01', transport }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    const busy = err as TransportError;
    expect(busy.status).toBe(503);
    expect(busy.retryable).toBe(true);
    expect(busy.retryAfterMs).toBe(1000);
    expect(busy.messages).toEqual({
      zh: '总部正在导入的批次数已达上限,请 1 秒后再试',
      en: 'Head office is importing as many batches as it accepts at once; retry in 1 s',
    });
    // The transaction died with the worker: nothing of the batch, no cursor, and the branch heard of nothing.
    for (const table of ['records', 'hq_cases', 'batches', 'cursors', 'received', 'quarantine'])
      expect(await scalar(hq.db, `SELECT count(*) FROM ${table}`), table).toBe(0);
    expect(ackedSeq(s.db)).toBe(0);

    // A new worker takes the retry: the batch imported once, head office equal to the branch.
    const r = await syncOnce({ ctx: s.ctx, branch: 'SH01', transport });
    expect(r.sentRecords).toBe(outboxRows(s));
    expect(ackedSeq(s.db)).toBe(s.db.prepare('SELECT max(seq) FROM outbox').pluck().get());
    expect(foldEntries(await hqFold(hq.db, 'SH01'))).toEqual(foldEntries(branchFold(s.db)));
    expect(await scalar(hq.db, 'SELECT count(*) FROM records')).toBe(branchFold(s.db).size);
    expect(await scalar(hq.db, 'SELECT count(*) FROM hq_cases')).toBe(20);
    expect(await scalar(hq.db, 'SELECT count(*) FROM batches')).toBe(1);
    expect(await scalar(hq.db, 'SELECT count(*) FROM received')).toBe(outboxRows(s));
    // Pushing again is a no-op.
    expect((await syncOnce({ ctx: s.ctx, branch: 'SH01', transport })).sentRecords).toBe(0);
    expect(await scalar(hq.db, 'SELECT count(*) FROM batches')).toBe(1);
  });

  it('answers /healthz and a pull while every import slot holds a big batch', async () => {
    const hq = await start(backend);
    const slots = defaultImportSlots(hq.db);
    const codes = Array.from({ length: slots }, (_, i) => `BG${i + 1}`);
    const pushes = await Promise.all(
      codes.map(async (code) => {
        const key = await addBranch(hq.db, code, Date.now());
        const s = branchStore(code, 400);
        const batch = buildBatch(s.db, code, 0, { maxRecords: 100_000, maxBytes: 64 << 20 });
        if (!batch) throw new Error('no batch');
        return { code, body: batch.body, count: batch.count, transport: transportFor(hq, code, key) };
      }),
    );
    const puller = { code: 'PL01', key: await addBranch(hq.db, 'PL01', Date.now()) };

    const done: string[] = [];
    const inFlight = pushes.map((p) =>
      p.transport.push(p.body).then((a) => {
        done.push(`push ${p.code}`);
        return a;
      }),
    );
    // Every slot taken (the imports begin with their bodies received), then the loop's other answers are asked for.
    await new Promise((r) => setTimeout(r, 50));
    const health = fetch(`${hq.url}/healthz`).then(async (res) => {
      done.push('healthz');
      return res.status;
    });
    const pull = transportFor(hq, puller.code, puller.key)
      .pull(0)
      .then((a) => {
        done.push('pull');
        return a;
      });
    expect(await health).toBe(200);
    expect((await pull).instructions).toEqual([]);
    const answers = await Promise.all(inFlight);

    // Both were answered while imports were still running: before the last import finished.
    const lastPush = Math.max(...pushes.map((p) => done.indexOf(`push ${p.code}`)));
    expect(done.indexOf('healthz')).toBeLessThan(lastPush);
    expect(done.indexOf('pull')).toBeLessThan(lastPush);
    for (const [i, p] of pushes.entries()) {
      expect(answers[i]?.imported).toBe(await scalar(hq.db, 'SELECT count(*) FROM records WHERE branch = ?', [p.code]));
      expect(await scalar(hq.db, 'SELECT count(*) FROM hq_cases WHERE branch = ?', [p.code])).toBe(400);
      expect(await scalar(hq.db, 'SELECT count(*) FROM received WHERE branch = ?', [p.code])).toBe(p.count);
    }
  });

  it.each([
    ['in a worker', {}],
    ['on the request loop (importWorkers 0)', { importWorkers: 0 }],
  ] as const)('imports %s with the same answers and refusals', async (_m, o) => {
    const hq = await start(backend, o);
    const key = await addBranch(hq.db, 'SH02', Date.now());
    const s = branchStore('SH02', 5);
    const transport = transportFor(hq, 'SH02', key);
    // A batch from further on than head office expects: 409 GAP naming the sequence it expects, nothing imported.
    const ahead = buildBatch(s.db, 'SH02', 2);
    if (!ahead) throw new Error('no batch');
    const gap = await transport.push(ahead.body).catch((e: unknown) => e);
    expect(gap).toBeInstanceOf(TransportError);
    expect(gap).toMatchObject({ status: 409, why: 'GAP', detail: { code: 'GAP', expectedSeq: 1 } });
    expect((gap as TransportError).messages).toEqual({
      zh: '批次序号不连续:总部需要从序号 1 开始',
      en: 'Sequence gap: head office expects sequence 1 next',
    });
    expect(await scalar(hq.db, 'SELECT count(*) FROM records')).toBe(0);
    await syncOnce({ ctx: s.ctx, branch: 'SH02', transport });
    expect(foldEntries(await hqFold(hq.db, 'SH02'))).toEqual(foldEntries(branchFold(s.db)));
  });

  it('serve --import-workers: refuses a bad count in both languages; with workers the tsx CLI imports a push', async () => {
    const dir = tempDir('hq-workers-cli-');
    const { db: target, env } = backend.cli(dir);
    const bad = await new Promise<{ code: number; err: string }>((resolve) =>
      execFile(
        process.execPath,
        ['--import', 'tsx', CLI, '--db', target, 'serve', '--import-workers', 'two'],
        { cwd: ROOT, env: { ...process.env, ...env } },
        (e, _out, err) => resolve({ code: e ? Number(e.code ?? 1) : 0, err }),
      ),
    );
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('--import-workers');
    expect(bad.err).toContain('须为 0–64 的整数');
    expect(bad.err).toContain('must be a whole number from 0 to 64');

    const db = await backend.open(dir);
    running = { db, app: await buildServer({ db, importWorkers: 0 }), url: '', dir, backend };
    const key = await addBranch(db, 'SH03', Date.now());
    const port = await freePort();
    const child: ChildProcess = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        CLI,
        '--db',
        target,
        'serve',
        '--insecure-keys',
        '--port',
        String(port),
        '--import-workers',
        '1',
      ],
      { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
      expect(String((await lines.next()).value)).toContain(`127.0.0.1:${port}`);
      const s = branchStore('SH03', 3);
      await syncOnce({
        ctx: s.ctx,
        branch: 'SH03',
        transport: transportFor({ url: `http://127.0.0.1:${port}` }, 'SH03', key),
      });
      expect(foldEntries(await hqFold(db, 'SH03'))).toEqual(foldEntries(branchFold(s.db)));
    } finally {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    }
  });
});
