// The batch format and its pure verification: what passes, and that every kind of damage
// refuses the whole batch with a bilingual reason.
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncError } from '../../src-main/sync/batch-errors';
import { type BatchRecord, decodeBatch, type DecodedRecord, encodeBatch } from '../../src-main/sync/batch-format';
import { readSignature, signRequest, verifySignature } from '../../src-main/sync/batch-sign';
import { buildBatch, nextRecords } from '../../src-main/sync/outbox-batches';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

const rec = (seq: number, data = `{"id":"r${seq}","n":${seq}}`): BatchRecord => ({
  seq,
  type: 'case',
  id: `r${seq}`,
  version: 1,
  schema: 1,
  data,
});

const asText = (rs: DecodedRecord[]): BatchRecord[] =>
  rs.map(({ line: _line, data, ...r }) => ({ ...r, data: data.toString('utf8') }));

function refusal(fn: () => unknown): SyncError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SyncError);
    const s = e as SyncError;
    expect(s.messages.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(s.messages.en).toMatch(/[a-z]/);
    return s;
  }
  throw new Error('expected a refusal');
}

describe('batch format', () => {
  it('reads record headers whose type and id are not ASCII exactly (the header is parsed as Latin-1 first)', () => {
    const records: BatchRecord[] = [
      { ...rec(1), id: '门店-1', data: '{"id":"门店-1"}' },
      { ...rec(2), type: '案件', id: 'caf\u00e9', data: '{}' },
      { ...rec(3), id: 'é', data: '{"id":"é"}' },
    ];
    const { body } = encodeBatch('SH01', 'epoch-1', records);
    expect(asText(decodeBatch(body, { branch: 'SH01' }).records)).toEqual(records);
  });

  it('round-trips records byte for byte, tabs and newlines inside snapshots included', () => {
    const records = [rec(7), rec(8, JSON.stringify({ id: 'r8', text: '第一行\n\t第二行' })), rec(9)];
    const { envelope, body } = encodeBatch('SH01', 'epoch-1', records);
    expect(envelope).toMatchObject({
      protocol: 1,
      branch: 'SH01',
      epoch: 'epoch-1',
      firstSeq: 7,
      lastSeq: 9,
      count: 3,
    });
    const d = decodeBatch(body, { branch: 'SH01' });
    expect(asText(d.records)).toEqual(records);
    expect(d.records[1]?.line.toString()).toBe(
      `{"seq":8,"type":"case","id":"r8","version":1,"schema":1}\t${(records[1] as BatchRecord).data}`,
    );
    expect(d.bad).toEqual([]);
  });

  it('is byte-identical when built twice, so a re-send is a duplicate', () => {
    const a = encodeBatch('SH01', 'e', [rec(1), rec(2)]).body;
    const b = encodeBatch('SH01', 'e', [rec(1), rec(2)]).body;
    expect(a.equals(b)).toBe(true);
  });

  it('refuses a bit-flipped, a truncated, a foreign and a too-new batch whole', () => {
    const { body } = encodeBatch(
      'SH01',
      'e',
      Array.from({ length: 50 }, (_, i) => rec(i + 1)),
    );
    const flipped = Buffer.from(body);
    flipped[Math.floor(body.length / 2)] = (flipped[Math.floor(body.length / 2)] as number) ^ 0x04;
    expect(refusal(() => decodeBatch(flipped, { branch: 'SH01' })).why).toBe('DAMAGED');
    expect(refusal(() => decodeBatch(body.subarray(0, body.length - 30), { branch: 'SH01' })).why).toBe('DAMAGED');
    expect(refusal(() => decodeBatch(body, { branch: 'BJ02' })).why).toBe('FOREIGN_BRANCH');
    const newer = encodeBatch('SH01', 'e', [{ ...rec(1), schema: 2 }]).body;
    expect(refusal(() => decodeBatch(newer, { branch: 'SH01' })).why).toBe('SCHEMA_TOO_NEW');
    expect(decodeBatch(newer, { branch: 'SH01', maxSchema: 2 }).records).toHaveLength(1);
  });

  it('refuses content that does not match its checksum, even when well-formed gzip', () => {
    const { body } = encodeBatch('SH01', 'e', [rec(1), rec(2)]);
    const text = gunzipSync(body).toString().replace('"n":2', '"n":3');
    expect(refusal(() => decodeBatch(gzipSync(text), { branch: 'SH01' })).why).toBe('DAMAGED');
    const dropped = gunzipSync(body).toString().split('\n').slice(0, 2).join('\n') + '\n';
    expect(refusal(() => decodeBatch(gzipSync(dropped), { branch: 'SH01' })).why).toBe('DAMAGED');
  });

  it('returns an unreadable record line as bad instead of refusing the batch', () => {
    const { body } = encodeBatch('SH01', 'e', [rec(1), { ...rec(2), data: 'not json{' }, rec(3)]);
    const d = decodeBatch(body, { branch: 'SH01' });
    expect(d.records.map((r) => r.seq)).toEqual([1, 2, 3]);
    const text = gunzipSync(body).toString().replace('{"seq":2,"type":"case"', '{"seq":2,"type":7');
    // Re-hash so only the record header is wrong, not the checksum.
    const [env, ...rest] = text.split('\n');
    const tail = rest.join('\n');
    const e = JSON.parse(env as string) as Record<string, unknown>;
    e.sha256 = createHash('sha256').update(tail).digest('hex');
    const d2 = decodeBatch(gzipSync(`${JSON.stringify(e)}\n${tail}`), { branch: 'SH01' });
    expect(d2.records.map((r) => r.seq)).toEqual([1, 3]);
    expect(d2.bad.map((b) => b.seq)).toEqual([2]);
  });

  it('refuses a gzip bomb at the decompression limit, naming the limit', () => {
    const { body } = encodeBatch('SH01', 'e', [rec(1, JSON.stringify({ id: 'r1', pad: 'x'.repeat(3_000_000) }))]);
    const e = refusal(() =>
      decodeBatch(body, { branch: 'SH01', limits: { maxCompressedBytes: 1e6, maxBodyBytes: 2 * 1024 * 1024 } }),
    );
    expect(e.why).toBe('TOO_LARGE');
    expect(e.messages.zh).toContain('批次解压后超过 2 MB');
    expect(e.messages.en).toContain('larger than 2 MB once decompressed');
  });
});

describe('signatures', () => {
  const req = { method: 'POST', path: '/v1/batches', branch: 'SH01', body: Buffer.from('abc'), now: 1_000_000 };
  it('accepts its own signature and refuses another key, body, path or a stale time', () => {
    const h = signRequest('key-of-sh01-0123456789', req);
    const parts = readSignature({ ...h });
    expect(() => verifySignature('key-of-sh01-0123456789', parts, req, 1_000_000 + 299_000)).not.toThrow();
    expect(refusal(() => verifySignature('key-of-bj02-0123456789', parts, req)).why).toBe('BAD_SIGNATURE');
    expect(
      refusal(() => verifySignature('key-of-sh01-0123456789', parts, { ...req, body: Buffer.from('abd') })).why,
    ).toBe('BAD_SIGNATURE');
    expect(refusal(() => verifySignature('key-of-sh01-0123456789', parts, { ...req, path: '/v1/other' })).why).toBe(
      'BAD_SIGNATURE',
    );
    const skew = refusal(() => verifySignature('key-of-sh01-0123456789', parts, req, 1_000_000 + 301_000));
    expect(skew.why).toBe('CLOCK_SKEW');
    expect(skew.detail.serverTime).toBe(1_301_000);
    expect(refusal(() => readSignature({ 'x-bd-branch': 'SH01' })).why).toBe('BAD_SIGNATURE');
  });
});

describe('batches from the outbox', () => {
  let s: TestStore;
  afterEach(() => s.close());

  it('caps by records and bytes, and sends a single oversize record alone', () => {
    s = openTestStore();
    for (let i = 0; i < 5; i++) phoneCase(s);
    const all = nextRecords(s.db, 0, { maxRecords: 10_000, maxBytes: 1e9 });
    expect(all.length).toBeGreaterThan(10);
    expect(all.map((r) => r.seq)).toEqual(all.map((_, i) => (all[0] as BatchRecord).seq + i));
    expect(nextRecords(s.db, 0, { maxRecords: 4, maxBytes: 1e9 })).toHaveLength(4);
    const capped = nextRecords(s.db, 0, { maxRecords: 10_000, maxBytes: 3000 });
    expect(capped.length).toBeGreaterThan(0);
    expect(capped.length).toBeLessThan(all.length);
    const one = nextRecords(s.db, 0, { maxRecords: 10_000, maxBytes: 10 });
    expect(one).toHaveLength(1);
    const b = buildBatch(s.db, 'SH01', 0, { maxRecords: 3, maxBytes: 1e9 });
    expect(b).toMatchObject({ firstSeq: 1, lastSeq: 3, count: 3 });
    expect(buildBatch(s.db, 'SH01', all.length)).toBeNull();
  });
});
