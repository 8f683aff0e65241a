// Evidence on paper (issue 19): the record form lists the case's attachments and its slips' (kind, name,
// time, who; voided ones with their reason; an ID copy by its kind only for a clerk) and an annex page of
// the image thumbnails with captions, several to a page and never overflowing, read back from the real PDF.
import { writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { writeBlob } from '../../src-main/db/blob-store';
import { addAttachment } from '../../src-main/services/attachment-intake';
import { voidAttachment } from '../../src-main/services/attachments';
import { printCaseRecord } from '../../src-main/services/print';
import { createSlip } from '../../src-main/services/slips';
import type { AttachmentKind } from '../../src-main/shared/attachment-types';
import { letterPdf, noisyJpeg } from '../helpers/attachment-files';
import { readPdf, squash } from '../helpers/pdf-text';
import { returnInput } from '../helpers/slips';
import { openTestStore, phoneCase, T0, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());
const FIXED = { creationDate: new Date('2026-11-24T00:00:00Z') };

/** A JPEG thumbnail of one colour with a white disc (so the annex shows distinct images). */
async function thumb(hue: string, w = 320, h = 240): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="${hue}"/><circle cx="${w / 2}" cy="${h / 2}" r="${Math.min(w, h) / 4}" fill="#fff"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

let seq = 0;
/** One attachment row as attachments.add leaves it: blob written first, then the rows. */
async function attach(
  owner: { type: 'case' | 'slip'; id: string; caseId: string },
  kind: AttachmentKind,
  name: string,
  opts: { hue?: string; mime?: string; voidReason?: string; at?: number } = {},
): Promise<void> {
  const root = s.ctx.blobRoot;
  if (!root) throw new Error('the test store has a blob folder');
  const mime = opts.mime ?? 'image/jpeg';
  const file = writeBlob(root, Buffer.from(`${name} ${seq}`)).sha256;
  const th = opts.hue ? writeBlob(root, await thumb(opts.hue)).sha256 : null;
  const at = opts.at ?? T0 + ++seq * 60_000;
  s.db
    .prepare(
      `INSERT INTO attachments (id, owner_type, owner_id, case_id, kind, mime, name, sha256, size, thumb_sha256,
         added_at, added_by, added_by_name, voided_at, voided_by, voided_by_name, void_reason, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 10, ?, ?, ?, '陈服务台', ?, ?, ?, ?, ?)`,
    )
    .run(
      `att-${++seq}`,
      owner.type,
      owner.id,
      owner.caseId,
      kind,
      mime,
      name,
      file,
      th,
      at,
      s.users.clerk.id,
      opts.voidReason ? at + 1000 : null,
      opts.voidReason ? s.users.manager.id : null,
      opts.voidReason ? '王店长' : null,
      opts.voidReason ?? null,
      at,
    );
}

let printed = 0;
async function print(caseId: string, who: 'clerk' | 'secretary', lang: 'zh-CN' | 'en' = 'zh-CN') {
  const pdf = await printCaseRecord(s.ctx, s.users[who], caseId, { ...FIXED, lang });
  if (process.env.ATTACH_PDF_OUT) writeFileSync(`${process.env.ATTACH_PDF_OUT}-${++printed}-${who}-${lang}.pdf`, pdf);
  return { pdf, pages: await readPdf(pdf) };
}

/** How many image XObjects the PDF draws (pdfkit names them /I1, /I2…; each thumbnail once). */
const imagesIn = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Subtype \/Image/g) ?? []).length;

describe('顾客异议处理记录表: 证据附件', () => {
  it('lists every attachment and prints the images on an annex page', async () => {
    s = openTestStore();
    const c = phoneCase(s);
    const slip = createSlip(s.ctx, s.users.clerk, returnInput(s, { caseId: c.id }));
    const onCase = { type: 'case' as const, id: c.id, caseId: c.id };
    await attach(onCase, 'goods_photo', '开胶鞋底.jpg', { hue: '#8b4513' });
    await attach(onCase, 'receipt', '小票.png', { hue: '#2f6f9f' });
    await attach(onCase, 'id_copy', '张三身份证.jpg', { hue: '#777777' });
    await attach(onCase, 'recording', '来电录音.m4a', { mime: 'audio/mp4' });
    await attach(onCase, 'body_letter', '12315转办函.pdf', { hue: '#eeeeee', mime: 'application/pdf' });
    await attach(onCase, 'goods_photo', '拍错了.jpg', { hue: '#ff0000', voidReason: '照片拍错了商品' });
    await attach({ type: 'slip', id: slip.id, caseId: c.id }, 'goods_photo', '退回商品.webp', { hue: '#228b22' });

    const sec = await print(c.id, 'secretary');
    const all = squash(sec.pages.map((p) => p.text).join(''));
    expect(all).toContain('证据附件');
    for (const n of ['开胶鞋底.jpg', '小票.png', '张三身份证.jpg', '来电录音.m4a', '12315转办函.pdf', '拍错了.jpg'])
      expect(all).toContain(n);
    expect(all).toContain(`退换货单${slip.number}·退回商品.webp`);
    expect(all).toContain('商品照片开胶鞋底.jpg2026-11-2410:01陈服务台');
    expect(all).toContain('已作废:照片拍错了商品');
    // The annex: its own page after the signatures, with five images (not the voided one, not the recording).
    const annexAt = sec.pages.findIndex((p) => squash(p.text).includes('附页:证据图片'));
    expect(annexAt).toBeGreaterThan(0);
    expect(squash(sec.pages[annexAt - 1]?.text ?? '')).toContain('领导审核');
    const annex = squash(
      sec.pages
        .slice(annexAt)
        .map((p) => p.text)
        .join(''),
    );
    expect(annex).toContain('1.商品照片开胶鞋底.jpg');
    expect(annex).toContain('3.身份证复印件张三身份证.jpg');
    expect(annex).toContain('5.商品照片·退换货单');
    expect(annex).not.toContain('拍错了.jpg');
    expect(imagesIn(sec.pdf)).toBe(5);
    // The page header repeats on the annex.
    expect(squash(sec.pages[annexAt]?.text ?? '')).toContain(`顾客异议处理记录表编号:${c.number}`);

    // A clerk sees the ID copy and the recording by kind only, and the ID copy's image not at all.
    const clerk = await print(c.id, 'clerk');
    const ct = squash(clerk.pages.map((p) => p.text).join(''));
    expect(ct).not.toContain('张三身份证.jpg');
    expect(ct).not.toContain('来电录音.m4a');
    expect(ct).toContain('身份证复印件(仅秘书室、值班主管、店长可查看)');
    expect(ct).toContain('录音(仅秘书室、值班主管、店长可查看)');
    expect(imagesIn(clerk.pdf)).toBe(4);

    const en = squash((await print(c.id, 'secretary', 'en')).pages.map((p) => p.text).join(''));
    expect(en).toContain('Evidenceattached');
    expect(en).toContain('Annex:evidenceimages');
    expect(en).toContain('Voided:照片拍错了商品');
  });

  it('paginates many images: rows never cross the footer, the header repeats', async () => {
    s = openTestStore();
    const c = phoneCase(s);
    const hues = ['#8b4513', '#2f6f9f', '#228b22', '#aa3377', '#555555', '#cc8800'];
    for (let i = 0; i < 14; i++)
      await attach({ type: 'case', id: c.id, caseId: c.id }, 'goods_photo', `照片${i + 1}.jpg`, {
        hue: hues[i % hues.length] ?? '#000',
      });
    const { pdf, pages } = await print(c.id, 'secretary');
    const annexAt = pages.findIndex((p) => squash(p.text).includes('附页:证据图片'));
    const annexPages = pages.slice(annexAt);
    // 3 to a row, 3 rows to a page at most: 14 images take two pages.
    expect(annexPages.length).toBe(2);
    expect(imagesIn(pdf)).toBe(14);
    for (const p of annexPages) {
      expect(squash(p.text)).toContain(`编号:${c.number}`);
      // Every caption sits above the page-number footer (36 pt margin + 14 pt footer from the bottom).
      const captions = p.items.filter((it) => /照片\d+\.jpg/.test(it.str));
      expect(captions.length).toBeGreaterThan(0);
      for (const it of captions) expect(it.y).toBeGreaterThan(36 + 14);
    }
    expect(squash(annexPages[0]?.text ?? '')).toContain('9.商品照片照片9.jpg');
    expect(squash(annexPages[1]?.text ?? '')).toContain('10.商品照片照片10.jpg');
  });

  it('prints 无 and no annex when the case has no attachment', async () => {
    s = openTestStore();
    const c = phoneCase(s);
    const { pdf, pages } = await print(c.id, 'secretary');
    expect(squash(pages.map((p) => p.text).join(''))).toContain('证据附件无');
    expect(pages.some((p) => squash(p.text).includes('附页'))).toBe(false);
    expect(imagesIn(pdf)).toBe(0);
  });

  it('prints what attachments.add stored: a photo and a letter through the service, a voided one without image', async () => {
    s = openTestStore();
    const c = phoneCase(s);
    const owner = { type: 'case' as const, id: c.id };
    const b64 = (b: Buffer) => b.toString('base64');
    await addAttachment(s.ctx, s.users.clerk, {
      owner,
      kind: 'goods_photo',
      name: '鞋底.jpg',
      dataBase64: b64(await noisyJpeg(1600, 1200, { gps: true })),
    });
    await addAttachment(s.ctx, s.users.clerk, {
      owner,
      kind: 'body_letter',
      name: '转办函.pdf',
      dataBase64: b64(await letterPdf()),
    });
    const wrong = await addAttachment(s.ctx, s.users.clerk, {
      owner,
      kind: 'goods_photo',
      name: '错拍.jpg',
      dataBase64: b64(await noisyJpeg(800, 600)),
    });
    voidAttachment(s.ctx, s.users.manager, { id: wrong.attachment.id, reason: '拍错商品' });
    const { pdf, pages } = await print(c.id, 'secretary');
    const all = squash(pages.map((p) => p.text).join(''));
    expect(all).toContain('商品照片鞋底.jpg');
    expect(all).toContain('部门来函转办函.pdf');
    expect(all).toContain('已作废:拍错商品');
    // The photo's and the letter's thumbnails; not the voided photo's.
    expect(imagesIn(pdf)).toBe(2);
  });
});
