// Attachments from a branch to head office over loopback, on both head-office stores: records imported
// and projected, the bytes by the signed chunked channel (resumed after an upload aborted mid-chunk),
// a hash mismatch refused with nothing kept, a duplicate upload a no-op, a gap answered with where to
// resume, a void (newer version) replacing the row, another branch's owner and bytes refused.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAttachmentStore } from '../../src-headoffice/attachment-store';
import { attachmentsWaiting } from '../../src-main/sync/attachment-upload';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { syncOnce } from '../../src-main/sync/sync-run';
import { TransportError } from '../../src-main/sync/transport';
import { attach, fakeJpeg, voidAttachment } from '../helpers/attachments';
import { HQ_BACKENDS, scalar } from '../helpers/hq-backends';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';
import { type Hq, startHq } from './sync-harness';

const MB = 1024 * 1024;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('attachments to head office on %s', (_n, backend) => {
  let hq: Hq;
  let s: TestStore;
  let key: string;
  let transport: HttpTransport;
  const held = () => openAttachmentStore(join(hq.dir, 'hq-attachments'));
  beforeEach(async () => {
    hq = await startHq({ backend, limits: { rateMax: 10_000 } });
    key = await hq.addBranch('SH01');
    s = openTestStore();
    transport = new HttpTransport({ url: hq.url, branch: 'SH01', key });
  });
  afterEach(async () => {
    s.close();
    await hq.close();
  });

  it('sends the records first, then the bytes; head office projects them and holds the files hash-checked', async () => {
    const c = phoneCase(s);
    const photo = attach(s, c.id);
    const id = attach(s, c.id, { kind: 'id_copy', name: '身份证.jpg', thumb: null });
    expect(attachmentsWaiting(s.db)).toEqual({
      count: 3,
      bytes: photo.bytes.length + (photo.thumb?.length ?? 0) + id.bytes.length,
    });
    const r = await syncOnce({ ctx: s.ctx, branch: 'SH01', transport });
    expect(r.attachments).toMatchObject({ completed: 3, deferred: 0, refused: [] });
    expect(attachmentsWaiting(s.db)).toEqual({ count: 0, bytes: 0 });
    const rows = await hq.db.all<{ id: string; kind: string; sha256: string; size: number; version: number }>(
      'SELECT id, kind, sha256, size, version FROM hq_attachments WHERE branch = ? ORDER BY kind',
      ['SH01'],
    );
    expect(rows.map((x) => [x.kind, x.sha256, Number(x.size), Number(x.version)])).toEqual([
      ['goods_photo', photo.snapshot.sha256, photo.bytes.length, 1],
      ['id_copy', id.snapshot.sha256, id.bytes.length, 1],
    ]);
    expect(held().read(photo.snapshot.sha256).equals(photo.bytes)).toBe(true);
    expect(
      held()
        .read(photo.snapshot.thumbSha256 as string)
        .equals(photo.thumb as Buffer),
    ).toBe(true);
    expect(held().read(id.snapshot.sha256).equals(id.bytes)).toBe(true);
    // A second run has nothing to send.
    const again = await syncOnce({ ctx: s.ctx, branch: 'SH01', transport });
    expect(again.attachments).toMatchObject({ completed: 0, bytesSent: 0 });
  });

  it('an upload aborted mid-chunk resumes from what head office holds, and only the rest is sent', async () => {
    const c = phoneCase(s);
    const big = attach(s, c.id, { kind: 'recording', mime: 'audio/mpeg', bytes: fakeJpeg(14 * MB), thumb: null });
    let puts = 0;
    // The third chunk's request (4 MB of 14) is aborted while its body is on the wire: a real interruption.
    const cutting: typeof fetch = (input, init) => {
      if (init?.method === 'PUT' && ++puts === 3) {
        const ac = new AbortController();
        const p = fetch(input, { ...init, signal: ac.signal });
        setImmediate(() => ac.abort());
        return p;
      }
      return fetch(input, init);
    };
    const broken = new HttpTransport({ url: hq.url, branch: 'SH01', key, fetch: cutting });
    await expect(syncOnce({ ctx: s.ctx, branch: 'SH01', transport: broken })).rejects.toBeInstanceOf(TransportError);
    // Records went through before the bytes; the blob is partial at head office and not marked at the branch.
    expect(await scalar(hq.db, 'SELECT count(*) FROM hq_attachments')).toBe(1);
    const partial = held().status(big.snapshot.sha256);
    expect(partial.complete).toBe(false);
    // Two chunks held; the aborted third may still land if its body was already out when the abort came.
    expect([8 * MB, 12 * MB]).toContain(partial.received);
    expect(attachmentsWaiting(s.db).count).toBe(1);
    const r = await syncOnce({ ctx: s.ctx, branch: 'SH01', transport });
    expect(r.attachments?.completed).toBe(1);
    // Resumed, not restarted: at most the chunks after the two held.
    expect(r.attachments?.bytesSent).toBeLessThanOrEqual(14 * MB - 8 * MB);
    expect(r.attachments?.bytesSent).toBeGreaterThan(0);
    expect(held().read(big.snapshot.sha256).equals(big.bytes)).toBe(true);
    expect(attachmentsWaiting(s.db).count).toBe(0);
  });

  it('a per-run budget leaves the rest for the next run', async () => {
    const c = phoneCase(s);
    attach(s, c.id, { bytes: fakeJpeg(3 * MB), thumb: null });
    attach(s, c.id, { bytes: fakeJpeg(3 * MB), thumb: null });
    const first = await syncOnce({
      ctx: s.ctx,
      branch: 'SH01',
      transport,
      uploadBudget: { maxBytes: 2 * MB, maxMs: 60_000 },
    });
    expect(first.attachments).toMatchObject({ completed: 1, deferred: 1 });
    expect(attachmentsWaiting(s.db).count).toBe(1);
    const second = await syncOnce({ ctx: s.ctx, branch: 'SH01', transport });
    expect(second.attachments).toMatchObject({ completed: 1, deferred: 0 });
  });

  it('bytes that do not hash to their name are refused (422) and nothing is kept; a duplicate upload is a no-op', async () => {
    const c = phoneCase(s);
    const a = attach(s, c.id, { thumb: null });
    // Records only: a zero budget sends no byte.
    await syncOnce({ ctx: s.ctx, branch: 'SH01', transport, uploadBudget: { maxBytes: 0, maxMs: 60_000 } });
    const wrong = fakeJpeg(a.bytes.length);
    const refused = await transport
      .putAttachmentChunk(a.snapshot.sha256, 0, wrong.length, wrong)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TransportError);
    expect((refused as TransportError).status).toBe(422);
    expect((refused as TransportError).detail.code).toBe('HASH_MISMATCH');
    expect((refused as TransportError).messages.zh).toContain('SHA-256');
    expect(held().status(a.snapshot.sha256)).toEqual({ received: 0, complete: false });
    expect(existsSync(join(hq.dir, 'hq-attachments', 'partial', a.snapshot.sha256))).toBe(false);
    // A total other than the record's size is refused before anything is written.
    const size = await transport.putAttachmentChunk(a.snapshot.sha256, 0, 10, a.bytes.subarray(0, 10)).catch((e) => e);
    expect((size as TransportError).status).toBe(422);
    // A gap: head office says where to resume.
    const gap = await transport
      .putAttachmentChunk(a.snapshot.sha256, 1000, a.bytes.length, a.bytes.subarray(1000, 2000))
      .catch((e: unknown) => e);
    expect((gap as TransportError).status).toBe(409);
    expect((gap as TransportError).detail).toMatchObject({ code: 'OFFSET', received: 0 });
    // The real bytes are kept; sent again, nothing changes.
    expect(await transport.putAttachmentChunk(a.snapshot.sha256, 0, a.bytes.length, a.bytes)).toEqual({
      received: a.bytes.length,
      complete: true,
    });
    const file = join(hq.dir, 'hq-attachments', a.snapshot.sha256.slice(0, 2), a.snapshot.sha256);
    const before = statSync(file).mtimeMs;
    expect(await transport.putAttachmentChunk(a.snapshot.sha256, 0, a.bytes.length, a.bytes)).toEqual({
      received: a.bytes.length,
      complete: true,
    });
    expect(statSync(file).mtimeMs).toBe(before);
    expect(sha(readFileSync(file))).toBe(a.snapshot.sha256);
    // The branch learns it is there without sending it.
    const r = await syncOnce({ ctx: s.ctx, branch: 'SH01', transport });
    expect(r.attachments).toMatchObject({ completed: 1, bytesSent: 0 });
  });

  it('a void (a newer version) replaces the row; an older version changes nothing', async () => {
    const c = phoneCase(s);
    const a = attach(s, c.id);
    await syncOnce({ ctx: s.ctx, branch: 'SH01', transport });
    voidAttachment(s, a, '拍错了顾客的小票');
    await syncOnce({ ctx: s.ctx, branch: 'SH01', transport });
    const row = await hq.db.get<{ version: number; void_reason: string; voided_by_name: string }>(
      'SELECT version, void_reason, voided_by_name FROM hq_attachments WHERE branch = ? AND id = ?',
      ['SH01', a.snapshot.id],
    );
    expect({ ...row, version: Number(row?.version) }).toEqual({
      version: 2,
      void_reason: '拍错了顾客的小票',
      voided_by_name: s.users.supervisor.name,
    });
    expect(await scalar(hq.db, 'SELECT count(*) FROM hq_attachments')).toBe(1);
  });

  it("another branch may neither attach to this branch's case nor upload bytes it does not name", async () => {
    const c = phoneCase(s);
    const a = attach(s, c.id, { thumb: null });
    await syncOnce({ ctx: s.ctx, branch: 'SH01', transport, uploadBudget: { maxBytes: 0, maxMs: 60_000 } });
    const key2 = await hq.addBranch('SH02');
    const other = new HttpTransport({ url: hq.url, branch: 'SH02', key: key2 });
    const named = await other.attachmentStatus(a.snapshot.sha256).catch((e: unknown) => e);
    expect((named as TransportError).status).toBe(409);
    expect((named as TransportError).detail.code).toBe('NOT_NAMED');
    const put = await other.putAttachmentChunk(a.snapshot.sha256, 0, a.bytes.length, a.bytes).catch((e) => e);
    expect((put as TransportError).status).toBe(409);
    expect(held().has(a.snapshot.sha256)).toBe(false);
    // A second branch store (SH02) attaching to SH01's case: the batch is refused whole.
    const s2 = openTestStore();
    try {
      // That case is not in this store: its foreign key is left unchecked to write such a record.
      s2.db.pragma('foreign_keys = OFF');
      attach(s2, c.id, { thumb: null });
      const refused = await syncOnce({ ctx: s2.ctx, branch: 'SH02', transport: other }).catch((e: unknown) => e);
      expect((refused as TransportError).status).toBe(403);
      expect((refused as TransportError).why).toBe('FOREIGN_BRANCH');
      expect(await scalar(hq.db, "SELECT count(*) FROM hq_attachments WHERE branch = 'SH02'")).toBe(0);
    } finally {
      s2.close();
    }
    // Unsigned bytes are refused before anything else.
    const res = await fetch(`${hq.url}/v1/attachments/${a.snapshot.sha256}?offset=0&total=${a.bytes.length}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(a.bytes),
    });
    expect(res.status).toBe(401);
  });
});
