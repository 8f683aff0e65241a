// The largest push head office imports (limits.ts pushDecodedBytes), over real HTTP into import workers whose heap is
// bounded (import-pool.ts WORKER_HEAP_LIMITS), on both stores: a batch just under the limit once decompressed is
// imported whole by the worker; one over it is refused for good (413 TOO_LARGE, the limit named in both languages) and
// changes nothing — never a worker that runs out of memory and a 503 the branch would retry forever.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_LIMITS } from '../../src-headoffice/limits';
import { encodeBatch, type BatchRecord } from '../../src-main/sync/batch-format';
import { signRequest } from '../../src-main/sync/batch-sign';
import { HQ_BACKENDS, scalar } from '../helpers/hq-backends';
import { type Hq, startHq } from '../sync/sync-harness';

const LIMIT = DEFAULT_SERVER_LIMITS.pushDecodedBytes;
const RECORD_BYTES = 16 * 1024;

/** Cases of about RECORD_BYTES each (a long complaint), as many as make `bytes` of record lines. */
function casesOf(bytes: number): BatchRecord[] {
  const out: BatchRecord[] = [];
  for (let total = 0; total < bytes;) {
    const n = out.length + 1;
    const id = `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;
    const content = `顾客反映商品质量问题,第 ${n} 条。`.repeat(Math.floor(RECORD_BYTES / 60));
    const data = JSON.stringify({ id, number: `SH01-YY-202611-${String(n).padStart(4, '0')}`, content });
    out.push({ seq: n, type: 'case', id, version: 1, schema: 1, data });
    total += Buffer.byteLength(data) + 100;
  }
  return out;
}

async function push(hq: Hq, key: string, body: Buffer) {
  const h = signRequest(key, { method: 'POST', path: '/v1/batches', branch: 'SH01', body, now: Date.now() });
  const res = await fetch(`${hq.url}/v1/batches`, {
    method: 'POST',
    headers: { ...h, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('the largest push (%s)', (_name, backend) => {
  let hq: Hq | null = null;
  afterEach(async () => {
    await hq?.close();
    hq = null;
  });

  it('imports a batch just under the decompressed limit in a bounded worker, and refuses one over it for good', async () => {
    hq = await startHq({ backend, limits: { rateMax: 1000 } });
    const key = await hq.addBranch('SH01');

    const over = encodeBatch('SH01', 'E', casesOf(LIMIT + RECORD_BYTES));
    expect(over.body.length).toBeLessThan(DEFAULT_SERVER_LIMITS.bodyLimitBytes);
    const refused = await push(hq, key, over.body);
    expect(refused.status).toBe(413);
    expect(refused.json.code).toBe('TOO_LARGE');
    const mb = `${LIMIT / (1024 * 1024)} MB`;
    expect(refused.json.message).toEqual({ zh: expect.stringContaining(mb), en: expect.stringContaining(mb) });
    expect(await scalar(hq.db, 'SELECT count(*) FROM records')).toBe(0);
    expect(await scalar(hq.db, 'SELECT count(*) FROM cursors')).toBe(0);

    const under = casesOf(LIMIT - 2 * RECORD_BYTES);
    const ok = await push(hq, key, encodeBatch('SH01', 'E', under).body);
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ ackedSeq: under.length, imported: under.length, quarantined: [] });
    expect(await scalar(hq.db, 'SELECT count(*) FROM records')).toBe(under.length);
  }, 120_000);
});
