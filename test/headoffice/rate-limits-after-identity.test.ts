// Rate limits after identity, over real HTTP on 127.0.0.1 on both stores: a flood of unsigned claims never throttles the real branch, unverified traffic is throttled per source address, a verified branch over its limit gets 429, and unverified bodies beyond the server's in-flight cap get 503 with Retry-After while a valid push still goes through; no refusal changes head office's data.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeBatch, type BatchRecord } from '../../src-main/sync/batch-format';
import { signRequest } from '../../src-main/sync/batch-sign';
import { WindowCounter } from '../../src-headoffice/request-throttle';
import { HQ_BACKENDS, scalar } from '../helpers/hq-backends';
import { type Hq, startHq } from '../sync/sync-harness';

const rec = (seq: number): BatchRecord => {
  const id = `0190a000-0000-7000-8000-${String(seq).padStart(12, '0')}`;
  return {
    seq,
    type: 'case',
    id,
    version: 1,
    schema: 1,
    data: JSON.stringify({ id, number: `SH01-YY-202611-${String(seq).padStart(4, '0')}` }),
  };
};

interface Answer {
  status: number;
  retryAfter: string | null;
  json: { code?: string; message?: { zh: string; en: string } };
}

const answer = async (res: Response): Promise<Answer> => ({
  status: res.status,
  retryAfter: res.headers.get('retry-after'),
  json: (await res.json()) as Answer['json'],
});

const push = async (hq: Hq, branch: string, key: string, seqs: number[]) => {
  const body = encodeBatch(branch, 'E', seqs.map(rec)).body;
  const h = signRequest(key, { method: 'POST', path: '/v1/batches', branch, body, now: Date.now() });
  return answer(
    await fetch(`${hq.url}/v1/batches`, {
      method: 'POST',
      headers: { ...h, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(body),
    }),
  );
};

const pull = async (hq: Hq, branch: string, key: string) => {
  const path = '/v1/instructions?since=0';
  const h = signRequest(key, { method: 'GET', path, branch, body: '', now: Date.now() });
  return answer(await fetch(`${hq.url}${path}`, { headers: { ...h } }));
};

/** A request that only claims a branch (no signature), as the flood does. */
const unsigned = async (hq: Hq, branch: string) =>
  answer(
    await fetch(`${hq.url}/v1/batches`, {
      method: 'POST',
      headers: { 'x-bd-branch': branch, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(Buffer.from('not a batch')),
    }),
  );

/** Everything head office keeps that a branch request could change. */
const snapshot = async (hq: Hq) => {
  const counts: Record<string, number> = {};
  for (const t of ['records', 'batches', 'cursors', 'quarantine', 'alerts', 'nonces', 'instructions', 'hq_cases'])
    counts[t] = await scalar(hq.db, `SELECT count(*) FROM ${t}`);
  const branches = await hq.db.all('SELECT code, last_error FROM branches ORDER BY code');
  return { counts, branches };
};

const MiB = 1024 * 1024;

/** An unverified upload that declares `declared` bytes (or is chunked), sends `sent` of them and holds. */
function upload(hq: Hq, o: { declared?: number; sent: number }) {
  const url = new URL(`${hq.url}/v1/batches`);
  const req = request({
    host: url.hostname,
    port: url.port,
    path: url.pathname,
    method: 'POST',
    agent: false,
    headers: {
      'content-type': 'application/octet-stream',
      'x-bd-branch': 'SH01',
      ...(o.declared !== undefined ? { 'content-length': String(o.declared) } : {}),
    },
  });
  req.on('error', () => undefined);
  const answered = new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve) => {
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
  });
  req.flushHeaders();
  for (let done = 0; done < o.sent; done += MiB) req.write(Buffer.alloc(Math.min(MiB, o.sent - done), 7));
  return { req, answered };
}

describe('WindowCounter', () => {
  it('counts each key in its own window from its first request and says how long until it ends', () => {
    const c = new WindowCounter(2, 60_000);
    expect([c.hit('a', 1_000), c.hit('a', 2_000)]).toEqual([null, null]);
    expect(c.exceeded('a', 3_000)).toBe(58_000);
    expect(c.hit('a', 3_000)).toBe(58_000);
    expect(c.exceeded('b', 3_000)).toBeNull();
    expect(c.hit('b', 30_000)).toBeNull();
    // a's window ended; b's, begun later, has not.
    expect(c.exceeded('a', 61_000)).toBeNull();
    expect([c.hit('a', 61_000), c.hit('b', 61_000), c.hit('b', 62_000)]).toEqual([null, null, 28_000]);
  });
});

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('rate limits after identity (%s)', (_name, backend) => {
  let hq: Hq;
  afterEach(() => hq.close());

  it('a flood of unsigned requests claiming SH01 never throttles the real SH01; the flood gets 429 after its limit', async () => {
    hq = await startHq({ backend });
    const key = await hq.addBranch('SH01');
    const flood: Answer[] = [];
    let seq = 0;
    for (let i = 0; i < 130; i++) {
      flood.push(await unsigned(hq, 'SH01'));
      if (i % 10 === 0) {
        seq++;
        const pushed = await push(hq, 'SH01', key, [seq]);
        expect(pushed.status).toBe(200);
        expect((await pull(hq, 'SH01', key)).status).toBe(200);
      }
    }
    expect(flood.slice(0, 60).every((a) => a.status === 401)).toBe(true);
    const limited = flood.slice(60);
    expect(limited.every((a) => a.status === 429 && Number(a.retryAfter) > 0)).toBe(true);
    expect(limited[0]?.json).toMatchObject({
      code: 'RATE_LIMITED',
      message: { zh: expect.stringContaining('本地址未经验证'), en: expect.stringContaining('from this address') },
    });
    // Every valid push was imported; the flood added nothing.
    expect(await scalar(hq.db, 'SELECT count(*) FROM records')).toBe(seq);
    expect(await scalar(hq.db, 'SELECT count(*) FROM batches')).toBe(seq);
    expect((await push(hq, 'SH01', key, [seq + 1])).status).toBe(200);
  });

  it('throttles unsigned requests per source address whatever branch they claim, and changes nothing', async () => {
    hq = await startHq({ backend, limits: { unverifiedRateMax: 20 } });
    const key = await hq.addBranch('SH01');
    await hq.addBranch('BJ02');
    const before = await snapshot(hq);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await unsigned(hq, `B${String(i).padStart(4, '0')}`)).status);
    // A forged signature (signed with a wrong key) counts against the address too.
    const forged = signRequest('not-the-key', {
      method: 'GET',
      path: '/v1/instructions?since=0',
      branch: 'SH01',
      body: '',
      now: Date.now(),
    });
    const f = await answer(await fetch(`${hq.url}/v1/instructions?since=0`, { headers: { ...forged } }));
    // A malformed query from a throttled address is refused as throttled, not parsed.
    const bad = await answer(await fetch(`${hq.url}/v1/instructions?since=x`, { headers: { 'x-bd-branch': 'BJ02' } }));
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(10).fill(429));
    expect([f.status, bad.status]).toEqual([429, 429]);
    expect(Number(bad.retryAfter)).toBeGreaterThan(0);
    expect(await snapshot(hq)).toEqual(before);
    // The real branch from the same address is still served.
    expect((await pull(hq, 'SH01', key)).status).toBe(200);
    expect((await push(hq, 'SH01', key, [1])).status).toBe(200);
    // /healthz is never throttled.
    expect((await fetch(`${hq.url}/healthz`)).status).toBe(200);
  });

  it('a verified branch over its limit gets 429 with Retry-After and nothing of that request is stored', async () => {
    hq = await startHq({ backend, limits: { rateMax: 3 } });
    const key = await hq.addBranch('SH01');
    const other = await hq.addBranch('BJ02');
    expect((await push(hq, 'SH01', key, [1])).status).toBe(200);
    expect((await pull(hq, 'SH01', key)).status).toBe(200);
    expect((await push(hq, 'SH01', key, [2])).status).toBe(200);
    const before = await snapshot(hq);
    const over = await push(hq, 'SH01', key, [3]);
    expect(over.status).toBe(429);
    expect(Number(over.retryAfter)).toBeGreaterThan(0);
    expect(over.json).toMatchObject({
      code: 'RATE_LIMITED',
      message: { zh: expect.stringContaining('门店 SH01'), en: expect.stringContaining('from branch SH01') },
    });
    const overPull = await pull(hq, 'SH01', key);
    expect(overPull.status).toBe(429);
    const after = await snapshot(hq);
    // Only the two verified nonces of the refused requests were kept (they can never be replayed).
    expect(after.branches).toEqual(before.branches);
    expect({ ...after.counts, nonces: 0 }).toEqual({ ...before.counts, nonces: 0 });
    // Another branch, and unverified traffic from the same address, have their own counts.
    expect((await pull(hq, 'BJ02', other)).status).toBe(200);
    expect((await unsigned(hq, 'SH01')).status).toBe(401);
  });

  it('unverified bodies beyond the in-flight cap get 503 with Retry-After unread, while a valid push succeeds', async () => {
    // Defaults: 16 MiB bodies, 64 MiB of unverified bodies at once: four 15 MiB uploads fit, the other four do not.
    hq = await startHq({ backend });
    const key = await hq.addBranch('SH01');
    expect((await push(hq, 'SH01', key, [1])).status).toBe(200);
    const before = await snapshot(hq);
    const uploads = Array.from({ length: 8 }, () => upload(hq, { declared: 15 * MiB, sent: MiB }));
    const refused: { status: number; headers: Record<string, unknown>; body: string }[] = [];
    await new Promise<void>((resolve) => {
      for (const u of uploads)
        void u.answered.then((a) => {
          refused.push(a);
          if (refused.length === 4) resolve();
        });
    });
    for (const a of refused) {
      expect(a.status).toBe(503);
      expect(Number(a.headers['retry-after'])).toBeGreaterThan(0);
      expect(a.headers.connection).toBe('close');
      expect(JSON.parse(a.body)).toMatchObject({
        code: 'BUSY',
        message: { zh: expect.stringContaining('未验证'), en: expect.stringContaining('unverified') },
      });
    }
    // A chunked upload (no declared length) is counted as it arrives and refused once it passes the cap.
    const chunked = upload(hq, { sent: 6 * MiB });
    const c = await chunked.answered;
    expect(c.status).toBe(503);
    expect(Number(c.headers['retry-after'])).toBeGreaterThan(0);
    // A valid small push still fits in what is left.
    expect((await push(hq, 'SH01', key, [2])).status).toBe(200);
    expect((await pull(hq, 'SH01', key)).status).toBe(200);
    // The held uploads are dropped; their bytes go back to the budget.
    for (const u of uploads) u.req.destroy();
    chunked.req.destroy();
    let big = await answer(
      await fetch(`${hq.url}/v1/batches`, {
        method: 'POST',
        headers: { 'x-bd-branch': 'SH01', 'content-type': 'application/octet-stream' },
        body: new Uint8Array(15 * MiB),
      }),
    );
    for (let tries = 0; big.status === 503 && tries < 50; tries++) {
      await new Promise((r) => setTimeout(r, 100));
      big = await answer(
        await fetch(`${hq.url}/v1/batches`, {
          method: 'POST',
          headers: { 'x-bd-branch': 'SH01', 'content-type': 'application/octet-stream' },
          body: new Uint8Array(15 * MiB),
        }),
      );
    }
    expect(big.status).toBe(401);
    const after = await snapshot(hq);
    expect(after.counts.records).toBe((before.counts.records ?? 0) + 1);
    expect(after.counts.batches).toBe((before.counts.batches ?? 0) + 1);
    expect(after.branches).toEqual(before.branches);
  });

  it('drops a body that trickles past the body timeout, with its connection, and gives its bytes back', async () => {
    hq = await startHq({ backend, limits: { unverifiedInflightBytes: 20 * MiB, unverifiedBodyTimeoutMs: 2000 } });
    const key = await hq.addBranch('SH01');
    const slow = upload(hq, { declared: 15 * MiB, sent: MiB });
    const closed = await new Promise<boolean>((resolve) => {
      slow.req.on('close', () => resolve(true));
      void slow.answered.then(() => resolve(false));
    });
    expect(closed).toBe(true);
    // The 15 MiB it declared are free again: another 15 MiB body is read (and refused as unsigned, 401).
    const next = await answer(
      await fetch(`${hq.url}/v1/batches`, {
        method: 'POST',
        headers: { 'x-bd-branch': 'SH01', 'content-type': 'application/octet-stream' },
        body: new Uint8Array(15 * MiB),
      }),
    );
    expect(next.status).toBe(401);
    expect((await push(hq, 'SH01', key, [1])).status).toBe(200);
  });
});
