// The head-office receiver over real HTTP on 127.0.0.1 with a real store (SQLite file, and
// PostgreSQL when HQ_TEST_DATABASE_URL is set): signatures,
// time window, replay, body cap, rate limit, foreign branches, gaps, duplicates, quarantine,
// rewinds and instructions.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeBatch, type BatchRecord } from '../../src-main/sync/batch-format';
import { signRequest } from '../../src-main/sync/batch-sign';
import { HQ_BACKENDS, scalar } from '../helpers/hq-backends';
import { ADMIN_TOKEN, type Hq, startHq } from '../sync/sync-harness';

const rec = (
  seq: number,
  id = `0190a000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
  version = 1,
  extra = '',
): BatchRecord => ({
  seq,
  type: 'case',
  id,
  version,
  schema: 1,
  data: JSON.stringify({ id, number: `SH01-YY-202611-${String(seq).padStart(4, '0')}`, extra }),
});

async function post(
  hq: Hq,
  branch: string,
  key: string,
  body: Buffer,
  o: { now?: number; nonce?: string; signAs?: string } = {},
) {
  const h = signRequest(key, {
    method: 'POST',
    path: '/v1/batches',
    branch: o.signAs ?? branch,
    body,
    now: o.now ?? Date.now(),
    ...(o.nonce ? { nonce: o.nonce } : {}),
  });
  const res = await fetch(`${hq.url}/v1/batches`, {
    method: 'POST',
    headers: { ...h, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(body),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
}

const count = (hq: Hq, sql: string): Promise<number> => scalar(hq.db, sql);

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('head-office receiver (%s)', (_name, backend) => {
  let hq: Hq;
  let key: string;
  beforeEach(async () => {
    hq = await startHq({ backend, limits: { bodyLimitBytes: 64 * 1024, rateMax: 1000 } });
    key = await hq.addBranch('SH01');
  });
  afterEach(() => hq.close());

  it('imports a batch, acknowledges a duplicate without change, and answers a gap with the expected sequence', async () => {
    const b1 = encodeBatch('SH01', 'E', [rec(1), rec(2)]).body;
    const r1 = await post(hq, 'SH01', key, b1);
    expect(r1.status).toBe(200);
    expect(r1.json).toMatchObject({ ackedSeq: 2, imported: 2, duplicate: false });
    const again = await post(hq, 'SH01', key, b1);
    expect(again.json).toMatchObject({ ackedSeq: 2, imported: 0, duplicate: true });
    expect(await count(hq, 'SELECT count(*) FROM batches')).toBe(1);
    const gap = await post(hq, 'SH01', key, encodeBatch('SH01', 'E', [rec(5)]).body);
    expect(gap.status).toBe(409);
    expect(gap.json).toMatchObject({ code: 'GAP', expectedSeq: 3 });
    expect(await count(hq, 'SELECT count(*) FROM records')).toBe(2);
    // Only a newer version replaces a record.
    const id = rec(1).id;
    const r3 = await post(hq, 'SH01', key, encodeBatch('SH01', 'E', [rec(3, id, 3, 'v3'), rec(4, id, 2, 'v2')]).body);
    expect(r3.json).toMatchObject({ ackedSeq: 4, imported: 1, unchanged: 1 });
    expect(await hq.db.get('SELECT version, payload FROM records WHERE id = ?', [id])).toMatchObject({
      version: 3,
      payload: expect.stringContaining('v3'),
    });
  });

  it('refuses a bad signature, a stale timestamp, a replayed nonce and an unknown branch with 401', async () => {
    const body = encodeBatch('SH01', 'E', [rec(1)]).body;
    expect((await post(hq, 'SH01', 'wrong-key-0123456789abcdef', body)).json.code).toBe('BAD_SIGNATURE');
    const stale = await post(hq, 'SH01', key, body, { now: Date.now() - 301_000 });
    expect(stale.status).toBe(401);
    expect(stale.json.code).toBe('CLOCK_SKEW');
    expect(typeof stale.json.serverTime).toBe('number');
    expect((await post(hq, 'SH01', key, body, { now: Date.now() + 250_000 })).status).toBe(200);
    const nonce = 'nonce-used-once-123';
    const once = await post(hq, 'SH01', key, encodeBatch('SH01', 'E', [rec(2)]).body, { nonce });
    expect(once.status).toBe(200);
    const replay = await post(hq, 'SH01', key, encodeBatch('SH01', 'E', [rec(2)]).body, { nonce });
    expect(replay.status).toBe(401);
    expect(replay.json.code).toBe('NONCE_REUSED');
    const unknown = await post(hq, 'ZZ99', key, body);
    expect(unknown.status).toBe(401);
    expect(unknown.json.code).toBe('UNKNOWN_BRANCH');
    expect((unknown.json.message as { zh: string }).zh).toContain('ZZ99');
  });

  it('refuses a batch re-signed by another branch (403) and a damaged one (422), importing nothing', async () => {
    const otherKey = await hq.addBranch('BJ02');
    const stolen = encodeBatch('SH01', 'E', [rec(1)]).body;
    const r = await post(hq, 'BJ02', otherKey, stolen);
    expect(r.status).toBe(403);
    expect(r.json.code).toBe('FOREIGN_BRANCH');
    const truncated = stolen.subarray(0, stolen.length - 8);
    expect((await post(hq, 'SH01', key, truncated)).status).toBe(422);
    const newer = encodeBatch('SH01', 'E', [{ ...rec(1), schema: 9 }]).body;
    const n = await post(hq, 'SH01', key, newer);
    expect(n.status).toBe(422);
    expect(n.json.code).toBe('SCHEMA_TOO_NEW');
    expect(await count(hq, 'SELECT count(*) FROM records')).toBe(0);
    expect(await count(hq, 'SELECT count(*) FROM cursors')).toBe(0);
  });

  it('enforces the body cap before parsing (413) and rate-limits per branch (429 + Retry-After)', async () => {
    const big = Buffer.alloc(80 * 1024, 1);
    const r = await post(hq, 'SH01', key, big);
    expect(r.status).toBe(413);
    expect(r.json.code).toBe('TOO_LARGE');
    await hq.close();
    hq = await startHq({ backend, limits: { rateMax: 3, rateWindowMs: 60_000 } });
    key = await hq.addBranch('SH01');
    const other = await hq.addBranch('BJ02');
    const statuses = [];
    for (let i = 1; i <= 4; i++)
      statuses.push((await post(hq, 'SH01', key, encodeBatch('SH01', 'E', [rec(i)]).body)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await post(hq, 'SH01', key, encodeBatch('SH01', 'E', [rec(4)]).body);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // BJ02's own case (an SH01 number from BJ02 is refused as another branch's record).
    const bj = rec(1, '0190a000-0000-7000-8000-0000000b0001');
    const own = { ...bj, data: JSON.stringify({ id: bj.id, number: 'BJ02-YY-202611-0001' }) };
    expect((await post(hq, 'BJ02', other, encodeBatch('BJ02', 'E', [own]).body)).status).toBe(200);
  });

  it('quarantines a poison record and imports the rest', async () => {
    const poison = [
      { ...rec(2), data: '{"broken"' },
      { ...rec(3), type: 'rocket' },
      { ...rec(4), data: '[1, 2]' },
      { ...rec(5), data: '{"a":}' },
      { ...rec(6), data: JSON.stringify({ id: 'someone-else' }) },
      { ...rec(7), schema: 0 },
    ];
    const r = await post(hq, 'SH01', key, encodeBatch('SH01', 'E', [rec(1), ...poison, rec(8)]).body);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ackedSeq: 8, imported: 2 });
    const q = r.json.quarantined as { seq: number; reason: string }[];
    expect(q.map((x) => x.seq)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(q.map((x) => x.reason)).toEqual([
      'snapshot is not valid JSON',
      'unknown record type "rocket"',
      'snapshot is not an object',
      'snapshot is not valid JSON',
      'snapshot id differs from the record id',
      'record schema 0 is not supported (1–1)',
    ]);
    expect(await count(hq, 'SELECT count(*) FROM quarantine')).toBe(6);
    expect(await hq.db.get('SELECT case_number FROM records WHERE seq = 8')).toEqual({
      case_number: 'SH01-YY-202611-0008',
    });
  });

  it('raises an alert for a rewound branch (same sequence, other content) and imports nothing of it', async () => {
    await post(hq, 'SH01', key, encodeBatch('SH01', 'E', [rec(1), rec(2)]).body);
    const r = await post(hq, 'SH01', key, encodeBatch('SH01', 'E', [rec(2, undefined, 1, 'different'), rec(3)]).body);
    expect(r.status).toBe(409);
    expect(r.json.code).toBe('REWOUND');
    expect(await count(hq, 'SELECT count(*) FROM alerts')).toBe(1);
    expect(await count(hq, 'SELECT count(*) FROM records')).toBe(2);
    expect(await count(hq, "SELECT last_seq FROM cursors WHERE branch = 'SH01'")).toBe(2);
  });

  it('refuses a malformed query or body by the route schemas, in the project error body, after the signature', async () => {
    const signedGet = (path: string, k = key) =>
      fetch(`${hq.url}${path}`, {
        headers: { ...signRequest(k, { method: 'GET', path, branch: 'SH01', body: '', now: Date.now() }) },
      });
    for (const since of ['abc', '-1', '1e3', '1234567890123456']) {
      const r = await signedGet(`/v1/instructions?since=${since}`);
      expect(r.status, since).toBe(400);
      expect(await r.json()).toMatchObject({
        code: 'VALIDATION',
        message: { zh: 'since 须为非负整数', en: 'since must be a non-negative integer' },
      });
    }
    expect((await signedGet('/v1/instructions')).status).toBe(200);
    // The signature is checked first: a bad one is a 401 whatever the query.
    expect((await signedGet('/v1/instructions?since=abc', 'wrong-key-0123456789abcdef')).status).toBe(401);
    const path = '/v1/batches?backlog=-3';
    const body = encodeBatch('SH01', 'E', [rec(1)]).body;
    const h = signRequest(key, { method: 'POST', path, branch: 'SH01', body, now: Date.now() });
    const bad = await fetch(`${hq.url}${path}`, {
      method: 'POST',
      headers: { ...h, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(body),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'VALIDATION', message: { zh: 'backlog 须为非负整数' } });
    const json = await fetch(`${hq.url}/v1/batches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({
      code: 'VALIDATION',
      message: { en: 'A batch must be sent as application/octet-stream' },
    });
    expect(await count(hq, 'SELECT count(*) FROM records')).toBe(0);
    const write = (b: unknown, token = ADMIN_TOKEN) =>
      fetch(`${hq.url}/v1/instructions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(b),
      });
    const empty = await write({ caseNumber: 'SH01-YY-202611-0001', text: ' ', reviewerName: '部本部' });
    expect(empty.status).toBe(400);
    const e = (await empty.json()) as { code: string; message: { zh: string }; issues: { field: string }[] };
    expect(e.code).toBe('VALIDATION');
    expect(e.issues.map((i) => i.field)).toEqual(['text']);
    expect(e.message.zh).toMatch(/[\u4e00-\u9fff]/);
    // The reviewer token is checked before the body.
    expect((await write({ nonsense: true }, 'nope')).status).toBe(403);
  });

  it('takes a reviewer instruction for a received case only, and serves it to that branch by cursor', async () => {
    await post(hq, 'SH01', key, encodeBatch('SH01', 'E', [rec(1)]).body);
    const write = (caseNumber: string, token = ADMIN_TOKEN) =>
      fetch(`${hq.url}/v1/instructions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ caseNumber, text: '同意', reviewerName: '部本部' }),
      });
    expect((await write('SH01-YY-202611-0001', 'nope')).status).toBe(403);
    const missing = await write('SH01-YY-202611-0099');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { message: { zh: string } }).message.zh).toContain('尚未收到');
    expect((await write('SH01-YY-202611-0001')).status).toBe(201);
    const get = async (branch: string, k: string, since: number) => {
      const path = `/v1/instructions?since=${since}`;
      const h = signRequest(k, { method: 'GET', path, branch, body: '', now: Date.now() });
      return (await (await fetch(`${hq.url}${path}`, { headers: { ...h } })).json()) as {
        instructions: { caseId: string }[];
        cursor: number;
      };
    };
    const page = await get('SH01', key, 0);
    expect(page.instructions).toHaveLength(1);
    expect(page.instructions[0]?.caseId).toBe(rec(1).id);
    expect((await get('SH01', key, page.cursor)).instructions).toHaveLength(0);
    expect((await get('BJ02', await hq.addBranch('BJ02'), 0)).instructions).toHaveLength(0);
    expect((await fetch(`${hq.url}/healthz`)).status).toBe(200);
  });
});
