// Evidence attachments at the branch (issue 19) on a real store and real files: the type from the
// bytes, the size limit, images re-encoded without EXIF GPS, PDF thumbnails, duplicates, void, who
// may see ID copies and recordings, and the 'attachment' outbox record in the same transaction.
import { readdirSync, rmSync } from 'node:fs';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blobPath, listBlobs, readBlob, writeBlob } from '../../src-main/db/blob-store';
import type { Actor } from '../../src-main/domain/case-machine';
import { addAttachment } from '../../src-main/services/attachment-intake';
import {
  attachmentContent,
  attachmentsForPrint,
  listAttachments,
  voidAttachment,
} from '../../src-main/services/attachments';
import { sweepAttachments, sweepIsClean } from '../../src-main/services/attachment-sweep';
import { declineCase } from '../../src-main/services/case-acceptance';
import { createSlip } from '../../src-main/services/slips';
import type { AttachmentKind } from '../../src-main/shared/attachment-types';
import { AppError } from '../../src-main/shared/errors';
import { AttachmentRecordSnapshot } from '../../src-main/sync/record-snapshots-attachment';
import { hasGpsPointer, heicPhoto, letterPdf, noisyJpeg, silentWav, windowsProgram } from '../helpers/attachment-files';
import { returnInput } from '../helpers/slips';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

let s: TestStore;
beforeEach(() => {
  s = openTestStore();
});
afterEach(() => s.close());

const b64 = (b: Buffer) => b.toString('base64');
const count = (sql: string, ...args: unknown[]) => (s.db.prepare(sql).get(...args) as { n: number }).n;
const counts = () => ({
  attachments: count('SELECT count(*) AS n FROM attachments'),
  blobs: count('SELECT count(*) AS n FROM attachment_blobs'),
  outbox: count('SELECT count(*) AS n FROM outbox'),
  audit: count('SELECT count(*) AS n FROM audit_log'),
  files: s.ctx.blobRoot ? listBlobs(s.ctx.blobRoot).length : 0,
});

async function refusedWith(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

function attach(
  caseId: string,
  bytes: Buffer,
  o: { name?: string; kind?: AttachmentKind; by?: Actor; type?: 'case' | 'slip' } = {},
) {
  return addAttachment(s.ctx, o.by ?? s.users.clerk, {
    owner: { type: o.type ?? 'case', id: caseId },
    kind: o.kind ?? 'goods_photo',
    name: o.name ?? 'photo.jpg',
    dataBase64: b64(bytes),
  });
}

describe('attachments.add', () => {
  it('re-encodes a 12 MP photo to 2560 px, drops its EXIF (GPS, camera) and stores file and thumbnail', async () => {
    const c = phoneCase(s);
    const photo = await noisyJpeg(4000, 3000, { gps: true });
    const meta = await sharp(photo).metadata();
    expect(hasGpsPointer(meta.exif)).toBe(true);
    expect(photo.includes(Buffer.from('AcmePhone'))).toBe(true);

    const { attachment: a, duplicateOf } = await attach(c.id, photo);
    expect(duplicateOf).toBeNull();
    expect(a).toMatchObject({ mime: 'image/jpeg', width: 2560, height: 1920, hasThumb: true, restricted: false });
    expect(a.name).toBe('photo.jpg');

    const row = s.db.prepare('SELECT * FROM attachments WHERE id = ?').get(a.id) as Record<string, unknown>;
    const stored = readBlob(s.ctx.blobRoot!, row.sha256 as string);
    const out = await sharp(stored).metadata();
    expect([out.width, out.height, out.format]).toEqual([2560, 1920, 'jpeg']);
    expect(out.exif).toBeUndefined();
    expect(stored.includes(Buffer.from('AcmePhone'))).toBe(false);
    expect(row.original_sha256).toBeNull();
    const thumb = await sharp(readBlob(s.ctx.blobRoot!, row.thumb_sha256 as string)).metadata();
    expect([thumb.width, thumb.height]).toEqual([320, 240]);
    // Both blobs are rows to upload; neither uploaded yet.
    const blobs = s.db.prepare('SELECT upload, uploaded_at FROM attachment_blobs ORDER BY sha256').all();
    expect(blobs).toEqual([
      { upload: 1, uploaded_at: null },
      { upload: 1, uploaded_at: null },
    ]);
    expect(sweepIsClean(sweepAttachments(s.ctx, { verify: true }))).toBe(true);
  });

  it('keeps the original beside it (not for upload) when the setting says so', async () => {
    s.settings.attachmentKeepOriginals = true;
    const c = phoneCase(s);
    const photo = await noisyJpeg(800, 600, { gps: true });
    const { attachment: a } = await attach(c.id, photo);
    const row = s.db.prepare('SELECT original_sha256 FROM attachments WHERE id = ?').get(a.id) as {
      original_sha256: string;
    };
    expect(readBlob(s.ctx.blobRoot!, row.original_sha256).equals(photo)).toBe(true);
    expect(s.db.prepare('SELECT upload FROM attachment_blobs WHERE sha256 = ?').get(row.original_sha256)).toEqual({
      upload: 0,
    });
  });

  it('decides the type from the bytes: a .jpg that is a PDF is stored as a PDF, with a page-1 thumbnail', async () => {
    const c = phoneCase(s);
    const pdf = await letterPdf();
    const { attachment: a } = await attach(c.id, pdf, { name: 'letter.jpg', kind: 'body_letter' });
    expect(a).toMatchObject({ mime: 'application/pdf', name: 'letter.jpg', size: pdf.length, hasThumb: true });
    const thumb = await attachmentContent(s.ctx, s.users.clerk, { id: a.id, variant: 'thumb' });
    const m = await sharp(Buffer.from(thumb.dataBase64, 'base64')).metadata();
    expect(m.format).toBe('jpeg');
    expect(Math.max(m.width ?? 0, m.height ?? 0)).toBe(320);
    const file = await attachmentContent(s.ctx, s.users.clerk, { id: a.id, variant: 'file' });
    expect(Buffer.from(file.dataBase64, 'base64').equals(pdf)).toBe(true);
  });

  it('keeps audio as received (WAV named .mp3), without a thumbnail', async () => {
    const c = phoneCase(s);
    const wav = silentWav(1);
    const { attachment: a } = await attach(c.id, wav, { name: 'call.mp3', kind: 'recording', by: s.users.secretary });
    expect(a).toMatchObject({ mime: 'audio/wav', size: wav.length, hasThumb: false, width: null });
  });

  it('applies the EXIF orientation before dropping it, and keeps a PNG a PNG (transparency kept)', async () => {
    const c = phoneCase(s);
    const sideways = await sharp(await noisyJpeg(400, 300))
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const { attachment: a } = await attach(c.id, sideways);
    expect([a.width, a.height]).toEqual([300, 400]);
    const png = await sharp({
      create: { width: 3000, height: 1000, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const { attachment: p } = await attach(c.id, png, { name: 'scan.webp', kind: 'receipt' });
    expect(p).toMatchObject({ mime: 'image/png', width: 2560, height: 853 });
    const file = attachmentContent(s.ctx, s.users.clerk, { id: p.id, variant: 'file' });
    expect((await sharp(Buffer.from(file.dataBase64, 'base64')).metadata()).hasAlpha).toBe(true);
  });

  it('stores a HEIC this build decodes as JPEG, and asks for a JPEG when it cannot (HEVC)', async () => {
    const c = phoneCase(s);
    const { attachment: a } = await attach(c.id, await heicPhoto({ hevc: false }), { name: 'IMG_0001.HEIC' });
    expect(a).toMatchObject({ mime: 'image/jpeg', width: 640, height: 480, hasThumb: true, name: 'IMG_0001.HEIC' });
    const before = counts();
    const e = await refusedWith(attach(c.id, await heicPhoto({ hevc: true }), { name: 'IMG_0002.HEIC' }));
    expect(e.code).toBe('VALIDATION');
    expect(e.messages.zh).toContain('JPEG');
    expect(e.messages.en).toContain('export it as JPEG');
    expect(e.issues[0]?.field).toBe('file');
    expect(counts()).toEqual(before);
  });

  it('refuses a program renamed .jpg, and anything else it does not accept, writing nothing', async () => {
    const c = phoneCase(s);
    const before = counts();
    const e = await refusedWith(attach(c.id, windowsProgram(), { name: 'photo.jpg' }));
    expect(e.code).toBe('VALIDATION');
    expect(e.messages.zh).toContain('JPEG、PNG、WebP、PDF、MP3、M4A、WAV');
    expect(e.messages.en).toContain('application/x-msdownload');
    expect(e.issues[0]?.field).toBe('file');
    const text = await refusedWith(attach(c.id, Buffer.from('just some text, not evidence'), { name: 'a.png' }));
    expect(text.messages.en).toContain('unknown');
    expect(counts()).toEqual(before);
  });

  it('refuses a file over the limit (setting) and writes nothing: no file, row, audit or outbox', async () => {
    s.settings.attachmentMaxMb = 1;
    const c = phoneCase(s);
    const before = counts();
    const big = Buffer.concat([await letterPdf(), Buffer.alloc(1024 * 1024)]);
    const e = await refusedWith(attach(c.id, big, { name: 'scan.pdf' }));
    expect(e.code).toBe('VALIDATION');
    expect(e.messages.zh).toContain('不能超过 1 MB');
    expect(e.messages.en).toContain('may not exceed 1 MB');
    expect(e.issues[0]?.field).toBe('file');
    expect(counts()).toEqual(before);
  });

  it('the same file twice on the same owner adds nothing and names the first; voided, it may come again', async () => {
    const c = phoneCase(s);
    const photo = await noisyJpeg(640, 480);
    const first = await attach(c.id, photo);
    const before = counts();
    const again = await attach(c.id, photo, { name: 'again.jpg' });
    expect(again.duplicateOf).toBe(first.attachment.id);
    expect(counts()).toEqual(before);
    voidAttachment(s.ctx, s.users.manager, { id: first.attachment.id, reason: '重复上传' });
    const third = await attach(c.id, photo);
    expect(third.duplicateOf).toBeNull();
    expect(third.attachment.id).not.toBe(first.attachment.id);
  });

  it("writes the 'attachment' outbox record and its audit in the same transaction", async () => {
    const c = phoneCase(s);
    const { attachment: a } = await attach(c.id, await noisyJpeg(300, 200));
    const rec = s.db
      .prepare("SELECT version, payload FROM outbox WHERE record_type = 'attachment' AND record_id = ?")
      .all(a.id) as { version: number; payload: string }[];
    expect(rec).toHaveLength(1);
    const snap = AttachmentRecordSnapshot.parse(JSON.parse(rec[0]!.payload));
    expect(snap).toMatchObject({ id: a.id, ownerType: 'case', ownerId: c.id, caseId: c.id, version: 1 });
    expect(snap).not.toHaveProperty('dataBase64');
    const audit = s.db.prepare("SELECT action FROM audit_log WHERE entity = 'attachment' AND entity_id = ?").all(a.id);
    expect(audit).toEqual([{ action: 'attachment.add' }]);
  });

  it('attaches to a slip (its case recorded) within slip visibility', async () => {
    const c = phoneCase(s);
    const slip = createSlip(s.ctx, s.users.clerk, returnInput(s, { caseId: c.id }));
    const { attachment: a } = await attach(slip.id, await noisyJpeg(300, 200), { type: 'slip', kind: 'receipt' });
    expect(a).toMatchObject({ ownerType: 'slip', ownerId: slip.id, caseId: c.id });
    // 食品部 staff may not see a slip of 鞋部.
    const e = await refusedWith(attach(slip.id, await noisyJpeg(200, 200), { type: 'slip', by: s.users.otherStaff }));
    expect(e.code).toBe('FORBIDDEN');
    // The case's print lists the slip's attachment too.
    expect(attachmentsForPrint(s.ctx, s.users.clerk, c.id).map((p) => p.id)).toEqual([a.id]);
  });

  it('refuses new evidence on a case not accepted (closed) until it is reopened, and on an unknown owner', async () => {
    const c = phoneCase(s);
    declineCase(s.ctx, s.users.secretary, {
      caseId: c.id,
      declineReason: 'not_consumer_dispute',
      declineText: '不属于消费者权益争议。',
      referTo: '区人民法院',
    });
    const e = await refusedWith(attach(c.id, await noisyJpeg(100, 100)));
    expect(e.code).toBe('INVALID_TRANSITION');
    expect(e.messages.zh).toContain('重新打开');
    const nf = await refusedWith(attach('no-such-case', await noisyJpeg(100, 100)));
    expect(nf.code).toBe('NOT_FOUND');
  });
});

describe('attachments.void', () => {
  it('needs a reason and a role; bumps the version, keeps the row and sends the new snapshot', async () => {
    const c = phoneCase(s);
    const { attachment: a } = await attach(c.id, await noisyJpeg(300, 200), { by: s.users.secretary });
    const short = await refusedWith(() => voidAttachment(s.ctx, s.users.manager, { id: a.id, reason: ' x ' }));
    expect(short.code).toBe('VALIDATION');
    const clerk = await refusedWith(() => voidAttachment(s.ctx, s.users.clerk, { id: a.id, reason: '拍错了照片' }));
    expect(clerk.code).toBe('FORBIDDEN');
    const v = voidAttachment(s.ctx, s.users.supervisor, { id: a.id, reason: '拍错了照片' });
    expect(v).toMatchObject({ voidReason: '拍错了照片', voidedByName: '赵主管' });
    expect(v.voidedAt).toBe(s.clock.t);
    const versions = s.db
      .prepare("SELECT version FROM outbox WHERE record_type = 'attachment' AND record_id = ? ORDER BY seq")
      .all(a.id);
    expect(versions).toEqual([{ version: 1 }, { version: 2 }]);
    const again = await refusedWith(() => voidAttachment(s.ctx, s.users.manager, { id: a.id, reason: '再次作废' }));
    expect(again.code).toBe('INVALID_TRANSITION');
    expect(() => s.db.prepare('DELETE FROM attachments WHERE id = ?').run(a.id)).toThrow(/never deleted/);
    // Still listed, marked void.
    const list = listAttachments(s.ctx, s.users.clerk, { owner: { type: 'case', id: c.id } });
    expect(list.map((x) => [x.id, x.voidReason])).toEqual([[a.id, '拍错了照片']]);
  });

  it('lets whoever added it void it the same business day, not the next', async () => {
    const c = phoneCase(s);
    const { attachment: a } = await attach(c.id, await noisyJpeg(300, 200));
    const { attachment: b } = await attach(c.id, await noisyJpeg(301, 200));
    expect(voidAttachment(s.ctx, s.users.clerk, { id: a.id, reason: '传错文件' }).voidedAt).not.toBeNull();
    s.clock.t += 24 * 3_600_000;
    const e = await refusedWith(() => voidAttachment(s.ctx, s.users.clerk, { id: b.id, reason: '传错文件' }));
    expect(e.code).toBe('FORBIDDEN');
  });
});

describe('ID copies and recordings', () => {
  it('are listed without their name to clerks and unit staff, and their bytes refused to them', async () => {
    const c = phoneCase(s);
    const { attachment: id } = await attach(c.id, await noisyJpeg(600, 400), {
      kind: 'id_copy',
      name: '张三身份证.jpg',
      by: s.users.clerk,
    });
    const { attachment: rec } = await attach(c.id, silentWav(1), { kind: 'recording', name: '通话录音.wav' });
    const { attachment: photo } = await attach(c.id, await noisyJpeg(300, 300), { name: 'shoe.jpg' });
    for (const who of [s.users.clerk, s.users.staff]) {
      const list = listAttachments(s.ctx, who, { owner: { type: 'case', id: c.id } });
      expect(list.map((a) => [a.kind, a.name, a.restricted])).toEqual([
        ['id_copy', null, true],
        ['recording', null, true],
        ['goods_photo', 'shoe.jpg', false],
      ]);
      for (const a of [id, rec]) {
        const e = await refusedWith(() => attachmentContent(s.ctx, who, { id: a.id, variant: 'file' }));
        expect(e.code).toBe('FORBIDDEN');
        expect(e.messages.zh).toContain('秘书室');
      }
      expect(attachmentContent(s.ctx, who, { id: photo.id, variant: 'file' }).mime).toBe('image/jpeg');
      // Printed: the line without the name, no thumbnail.
      const printed = attachmentsForPrint(s.ctx, who, c.id).find((p) => p.id === id.id);
      expect(printed).toMatchObject({ name: null, restricted: true, thumbJpeg: null });
    }
    // The one who added the ID copy sees it as added: by name only what her role allows.
    expect(id.name).toBeNull();
    for (const who of [s.users.secretary, s.users.supervisor, s.users.manager]) {
      const list = listAttachments(s.ctx, who, { owner: { type: 'case', id: c.id } });
      expect(list.map((a) => a.name)).toEqual(['张三身份证.jpg', '通话录音.wav', 'shoe.jpg']);
      expect(attachmentContent(s.ctx, who, { id: rec.id, variant: 'file' }).mime).toBe('audio/wav');
      const printed = attachmentsForPrint(s.ctx, who, c.id).find((p) => p.id === id.id);
      expect(printed?.thumbJpeg?.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    }
  });
});

describe('the sweep', () => {
  it('reports a file without a row and a row without its file, deleting neither', async () => {
    const c = phoneCase(s);
    const { attachment: a } = await attach(c.id, await noisyJpeg(300, 200));
    const root = s.ctx.blobRoot!;
    const stray = writeBlob(root, Buffer.from('a file left by a crash')).sha256;
    const row = s.db.prepare('SELECT sha256 FROM attachments WHERE id = ?').get(a.id) as { sha256: string };
    rmSync(blobPath(root, row.sha256));
    const r = sweepAttachments(s.ctx);
    expect(r.orphans.map((o) => o.sha256)).toEqual([stray]);
    expect(r.missing).toEqual([row.sha256]);
    expect(sweepIsClean(r)).toBe(false);
    expect(readdirSync(root).length).toBeGreaterThan(0);
    expect(listBlobs(root).some((b) => b.sha256 === stray)).toBe(true);
    // Reading a missing file is an error, never an empty answer.
    expect(() => attachmentContent(s.ctx, s.users.clerk, { id: a.id, variant: 'file' })).toThrow();
  });
});
