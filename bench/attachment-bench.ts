// attachment_add_ms (issue 19): a 12 MP JPEG (4000×3000 from blurred noise, so it weighs what a phone
// photo weighs) attached through the service — base64 decode, type sniff, decode, rotate, resize to
// 2560, re-encode (EXIF dropped), thumbnail, sha256, blobs written and fsynced, the transaction —
// median of N distinct photos; beside two anchors measured in the same run on the same photos: sharp
// alone (decode, resize, encode, thumbnail) and the raw write + fsync of the re-encoded bytes.
// Run in its own process by run.ts (`node --import tsx bench/attachment-bench.ts DIR N`); prints one JSON line.
import { closeSync, fsyncSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { openDatabase } from '../src-main/db/connection';
import { addAttachment } from '../src-main/services/attachment-intake';
import { processMedia } from '../src-main/services/attachment-media';
import { createCase } from '../src-main/services/case-intake';
import { createContext } from '../src-main/services/context';
import { ensureDefaultCategories } from '../src-main/services/reference-data';
import { createUser } from '../src-main/services/users';
import { median, nowMs } from './timing';

const dir = process.argv[2] ?? '.';
const samples = Number(process.argv[3] ?? 15);
const W = 4000;
const H = 3000;

const { db } = openDatabase(join(dir, 'attachment-bench.sqlite'));
const ctx = createContext(db, { now: Date.now });
ensureDefaultCategories(ctx);
const clerk = createUser(ctx, null, { staffNo: 'M001', name: '王建国', role: 'manager', pin: '123456' });
const c = createCase(ctx, clerk, {
  channel: 'in_store',
  customer: { name: '张三', phone: '13800138000' },
  content: '购买的皮鞋穿了两天就开胶了,要求退货。',
  categoryCode: 'product_quality',
  purchase: { items: [{ name: '男士皮鞋' }] },
});

const pixels = Buffer.alloc(W * H * 3);
for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 2654435761) >>> 24;
/** Photo i: the same scene with a different first row, so every photo (and its re-encoding) is distinct. */
async function photo(i: number): Promise<Buffer> {
  pixels.fill(i * 7, 0, W * 3);
  return sharp(pixels, { raw: { width: W, height: H, channels: 3 } })
    .blur(1.2)
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'AcmePhone', Model: 'AP-12' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1' },
    })
    .toBuffer();
}

const rawDir = join(dir, 'attachment-raw');
mkdirSync(rawDir, { recursive: true });
function rawWrite(bytes: Buffer, i: number): void {
  const fd = openSync(join(rawDir, `f${i}`), 'w');
  writeSync(fd, bytes);
  fsyncSync(fd);
  closeSync(fd);
}

const add: number[] = [];
const sharpOnly: number[] = [];
const raw: number[] = [];
let bytesIn = 0;
let bytesOut = 0;
// One warm-up (sharp's and libvips' first use), then the samples interleaved.
for (let i = 0; i <= samples; i++) {
  const jpeg = await photo(i);
  const b64 = jpeg.toString('base64');
  let t = nowMs();
  const media = await processMedia(jpeg);
  const tSharp = nowMs() - t;
  t = nowMs();
  rawWrite(media.file, i);
  const tRaw = nowMs() - t;
  t = nowMs();
  const r = await addAttachment(ctx, clerk, {
    owner: { type: 'case', id: c.id },
    kind: 'goods_photo',
    name: `IMG_${i}.jpg`,
    dataBase64: b64,
  });
  const tAdd = nowMs() - t;
  if (r.duplicateOf) throw new Error('photos must be distinct');
  if (i === 0) continue;
  add.push(tAdd);
  sharpOnly.push(tSharp);
  raw.push(tRaw);
  bytesIn += jpeg.length;
  bytesOut += r.attachment.size;
}
db.close();
rmSync(rawDir, { recursive: true, force: true });
process.stdout.write(
  `${JSON.stringify({
    samples,
    addMedianMs: median(add),
    addMaxMs: Math.max(...add),
    sharpMedianMs: median(sharpOnly),
    rawWriteMedianMs: median(raw),
    inMb: bytesIn / samples / 1024 / 1024,
    outMb: bytesOut / samples / 1024 / 1024,
  })}\n`,
);
