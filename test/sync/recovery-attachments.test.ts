// Attachments come back with a recovery (issue 19): the 'attachment' records through recovery's
// record path, then every blob they name fetched by the signed GET /v1/attachments/{sha256},
// hash-checked and written — to an empty PC, and after a recovery killed mid-way only what is still
// missing; the GET refused to an unsigned or wrongly signed request. On both head-office stores.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAttachmentStore } from '../../src-headoffice/attachment-store';
import { readBlob, signRequestHeadersFor } from './recovery-attachments-helpers';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { recoverFromHeadOffice } from '../../src-main/sync/recovery';
import { syncOnce } from '../../src-main/sync/sync-run';
import { attach, fakeJpeg } from '../helpers/attachments';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';
import { type Hq, startHq } from './sync-harness';

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))(
  'attachments in recovery, head office on %s',
  (_n, backend) => {
    let hq: Hq;
    let s: TestStore;
    let key: string;
    let t: HttpTransport;
    beforeEach(async () => {
      hq = await startHq({ backend });
      key = await hq.addBranch('SH01');
      s = openTestStore();
      t = new HttpTransport({ url: hq.url, branch: 'SH01', key });
    });
    afterEach(async () => {
      s.close();
      await hq.close();
    });

    /** The lost PC: cases with attachments, records and bytes synced to head office (the bytes by their own channel). */
    async function lostPc() {
      const c1 = phoneCase(s);
      const c2 = phoneCase(s);
      const added = [
        attach(s, c1.id, { bytes: fakeJpeg(50_000), thumb: fakeJpeg(3_000) }),
        attach(s, c1.id, { bytes: fakeJpeg(70_000), thumb: null, kind: 'id_copy', name: '身份证复印件.jpg' }),
        attach(s, c2.id, {
          bytes: fakeJpeg(300_000),
          thumb: null,
          kind: 'recording',
          mime: 'audio/mpeg',
          name: '录音.mp3',
        }),
      ];
      const r = await syncOnce({ ctx: s.ctx, branch: 'SH01', transport: t });
      expect(r.attachments?.completed).toBe(4);
      const store = openAttachmentStore(join(hq.dir, 'hq-attachments'));
      for (const a of added) expect(store.has(a.snapshot.sha256)).toBe(true);
      return added;
    }

    const rowsOf = (x: TestStore) =>
      x.db.prepare('SELECT id, kind, name, sha256, thumb_sha256, version FROM attachments ORDER BY id').all();

    it('an empty PC gets every attachment back: rows, files hash-checked, marked as held by head office', async () => {
      const added = await lostPc();
      const fresh = openTestStore();
      try {
        const r = await recoverFromHeadOffice({ ctx: fresh.ctx, branch: 'SH01', transport: t, pageSize: 10 });
        expect(r.blobs).toMatchObject({ fetched: 4, present: 0, missingAtHeadOffice: [], mismatched: [] });
        expect(rowsOf(fresh)).toEqual(rowsOf(s));
        const root = fresh.ctx.blobRoot as string;
        for (const a of added) {
          expect(readBlob(root, a.snapshot.sha256).equals(a.bytes)).toBe(true);
          if (a.thumb) expect(readBlob(root, a.snapshot.thumbSha256 as string).equals(a.thumb)).toBe(true);
        }
        const waiting = fresh.db
          .prepare('SELECT count(*) FROM attachment_blobs WHERE upload = 1 AND uploaded_at IS NULL')
          .pluck()
          .get();
        expect(waiting).toBe(0);
        expect(fresh.db.prepare('SELECT count(*) FROM attachment_blobs').pluck().get()).toBe(4);
      } finally {
        fresh.close();
      }
    });

    it('a recovery killed after its first blob resumes and fetches only what is still missing', async () => {
      await lostPc();
      const fresh = openTestStore();
      try {
        const killed = await recoverFromHeadOffice({
          ctx: fresh.ctx,
          branch: 'SH01',
          transport: t,
          afterBlob: (done) => {
            if (done === 1) throw new Error('killed');
          },
        }).catch((e: Error) => e.message);
        expect(killed).toBe('killed');
        expect(fresh.db.prepare("SELECT value FROM sync_state WHERE key = 'recovery'").pluck().get()).toBeDefined();
        const r = await recoverFromHeadOffice({ ctx: fresh.ctx, branch: 'SH01', transport: t });
        expect(r.blobs.fetched).toBe(3);
        expect(r.blobs.present).toBe(1);
        expect(rowsOf(fresh)).toEqual(rowsOf(s));
      } finally {
        fresh.close();
      }
    });

    it('a blob head office does not hold is reported, not invented; the GET is refused unsigned or wrongly signed', async () => {
      const c = phoneCase(s);
      const a = attach(s, c.id, { bytes: fakeJpeg(5_000), thumb: null });
      // Taken for uploaded (as a lost USB stick would leave it): head office gets the record, never the bytes.
      s.db.prepare('UPDATE attachment_blobs SET uploaded_at = ?').run(s.ctx.now());
      await syncOnce({ ctx: s.ctx, branch: 'SH01', transport: t });
      const fresh = openTestStore();
      try {
        const r = await recoverFromHeadOffice({ ctx: fresh.ctx, branch: 'SH01', transport: t });
        expect(r.blobs.missingAtHeadOffice).toEqual([a.snapshot.sha256]);
        expect(rowsOf(fresh)).toEqual(rowsOf(s));
      } finally {
        fresh.close();
      }
      const url = `${hq.url}/v1/attachments/${a.snapshot.sha256}`;
      expect((await fetch(url)).status).toBe(401);
      const wrong = signRequestHeadersFor('x'.repeat(32), 'SH01', `/v1/attachments/${a.snapshot.sha256}`);
      expect((await fetch(url, { headers: wrong })).status).toBe(401);
      const right = signRequestHeadersFor(key, 'SH01', `/v1/attachments/${a.snapshot.sha256}`);
      expect((await fetch(url, { headers: right })).status).toBe(404);
      const bad = signRequestHeadersFor(key, 'SH01', '/v1/attachments/not-a-hash');
      expect((await fetch(`${hq.url}/v1/attachments/not-a-hash`, { headers: bad })).status).toBe(400);
    });
  },
);
