// What an attached file is and what is stored of it (issue 19): the type decided from the bytes
// (file-type), never the name; images re-encoded by sharp (EXIF orientation applied, long side ≤
// IMAGE_MAX_SIDE, metadata — GPS, camera, device — dropped) with a JPEG thumbnail; PDFs kept as they
// are with a thumbnail of page 1 (pdfjs-dist on @napi-rs/canvas); audio kept as it is. Pure: no store.
import type { PDFPageProxy } from 'pdfjs-dist';
import type * as FileType from 'file-type';
import type Sharp from 'sharp';
import { ACCEPTED_MIMES, IMAGE_MAX_SIDE, mediaOf, THUMB_MAX_SIDE } from '../shared/attachment-types';
import { refuse } from '../shared/errors';

/** HEIC/HEIF as phones write them: stored as JPEG when this build of libvips decodes them. */
const HEIF_MIMES = ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'];

const JPEG_QUALITY = 82;
const THUMB_QUALITY = 75;

/** What is stored of one file: the file itself (maybe re-encoded), its thumbnail, its size in pixels. */
export interface ProcessedMedia {
  mime: string;
  /** What the received bytes were (a kept original's type): image/heic for a photo stored as JPEG. */
  sourceMime: string;
  file: Buffer;
  thumb: Buffer | null;
  width: number | null;
  height: number | null;
  /** The bytes differ from what was received (an image re-encoded): the original may be kept apart. */
  reencoded: boolean;
}

const ACCEPTED_WORDS = 'JPEG、PNG、WebP、PDF、MP3、M4A、WAV';
const ACCEPTED_WORDS_EN = 'JPEG, PNG, WebP, PDF, MP3, M4A, WAV';

function refuseType(mime: string | null): never {
  throw refuse(
    'VALIDATION',
    `不支持的文件类型(${mime ?? '未知'}):只能附加 ${ACCEPTED_WORDS}`,
    `This file type (${mime ?? 'unknown'}) cannot be attached: only ${ACCEPTED_WORDS_EN}`,
    [
      {
        field: 'file',
        message: { zh: `只能附加 ${ACCEPTED_WORDS}`, en: `Only ${ACCEPTED_WORDS_EN} can be attached` },
      },
    ],
  );
}

function refuseHeic(): never {
  throw refuse(
    'VALIDATION',
    '无法读取此 HEIC 照片:请在手机上改为“兼容性最佳”格式或导出为 JPEG 后再附加',
    'This HEIC photo cannot be read: set the phone to "Most compatible" or export it as JPEG, then attach it',
    [{ field: 'file', message: { zh: '请附加 JPEG 照片', en: 'Please attach a JPEG photo' } }],
  );
}

// sharp (libvips) and file-type load on the first attachment, not at every start of the app, the CLI
// and the tests (about 95 ms together here); each is loaded once.
let sharpModule: Promise<typeof Sharp> | null = null;
const loadSharp = (): Promise<typeof Sharp> => (sharpModule ??= import('sharp').then((m) => m.default));
let fileTypeModule: Promise<typeof FileType> | null = null;
const loadFileType = () => (fileTypeModule ??= import('file-type'));

/** The MIME type the bytes are (file-type reads the magic numbers); null when it does not know them. */
export async function sniffMime(bytes: Uint8Array): Promise<string | null> {
  const { fileTypeFromBuffer } = await loadFileType();
  return (await fileTypeFromBuffer(bytes))?.mime ?? null;
}

/** A JPEG thumbnail of at most THUMB_MAX_SIDE, transparency on white. */
const thumbOf = (img: Sharp.Sharp): Promise<Buffer> =>
  img
    .clone()
    .resize({ width: THUMB_MAX_SIDE, height: THUMB_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: THUMB_QUALITY, mozjpeg: true })
    .toBuffer();

/**
 * An image re-encoded: orientation applied, long side ≤ IMAGE_MAX_SIDE (never enlarged), same
 * format (HEIC becomes JPEG). sharp writes no metadata unless asked (no EXIF, GPS, XMP, maker notes).
 */
async function reencodeImage(bytes: Buffer, mime: string, sourceMime: string): Promise<ProcessedMedia> {
  const sharp = await loadSharp();
  const img = sharp(bytes, { failOn: 'error' }).rotate();
  const sized = img
    .clone()
    .resize({ width: IMAGE_MAX_SIDE, height: IMAGE_MAX_SIDE, fit: 'inside', withoutEnlargement: true });
  const out =
    mime === 'image/png'
      ? { mime, pipe: sized.png() }
      : mime === 'image/webp'
        ? { mime, pipe: sized.webp({ quality: JPEG_QUALITY }) }
        : { mime: 'image/jpeg', pipe: sized.jpeg({ quality: JPEG_QUALITY, mozjpeg: true }) };
  const [{ data, info }, thumb] = await Promise.all([out.pipe.toBuffer({ resolveWithObject: true }), thumbOf(img)]);
  return { mime: out.mime, sourceMime, file: data, thumb, width: info.width, height: info.height, reencoded: true };
}

/** The canvas pdfjs renders on in Node (@napi-rs/canvas, made by the document's own canvas factory). */
interface NodeCanvas {
  toBuffer(mime: 'image/png'): unknown;
}
interface NodeCanvasFactory {
  create(width: number, height: number): { canvas: NodeCanvas };
}
const isCanvasFactory = (f: unknown): f is NodeCanvasFactory =>
  typeof f === 'object' && f !== null && 'create' in f && typeof f.create === 'function';
/** The canvas type render() declares (a DOM canvas): the Node canvas stands in for it. */
type RenderCanvas = NonNullable<Parameters<PDFPageProxy['render']>[0]['canvas']>;
const isRenderCanvas = (c: unknown): c is RenderCanvas => typeof c === 'object' && c !== null && 'toBuffer' in c;

/** Page 1 of a PDF as a JPEG thumbnail; null when pdfjs cannot read the file (it is kept all the same). */
export async function pdfThumbnail(bytes: Uint8Array): Promise<Buffer | null> {
  // Loaded on first use: pdfjs is large, and the canvas it renders on is a native package.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise.catch(() => null);
  if (!doc) return null;
  try {
    const page = await doc.getPage(1);
    const base = page.getViewport({ scale: 1 });
    const scale = THUMB_MAX_SIDE / Math.max(base.width, base.height, 1);
    const viewport = page.getViewport({ scale });
    const factory: unknown = doc.canvasFactory;
    if (!isCanvasFactory(factory)) return null;
    const { canvas } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    if (!isRenderCanvas(canvas)) return null;
    await page.render({ canvas, viewport }).promise;
    const png: unknown = canvas.toBuffer('image/png');
    if (!Buffer.isBuffer(png)) return null;
    const sharp = await loadSharp();
    return await sharp(png)
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: THUMB_QUALITY, mozjpeg: true })
      .toBuffer();
  } catch {
    return null;
  } finally {
    await doc.destroy();
  }
}

/**
 * Decides the type from the bytes and prepares what is stored. Refuses (VALIDATION, field `file`)
 * anything but the accepted types, and a HEIC this build cannot decode (asking for a JPEG).
 */
export async function processMedia(bytes: Buffer): Promise<ProcessedMedia> {
  const sniffed = await sniffMime(bytes);
  if (sniffed && HEIF_MIMES.includes(sniffed)) {
    // The prebuilt libvips decodes AVIF-coded HEIF only; an HEVC photo from a phone fails here.
    const sharp = await loadSharp();
    const decodable = await sharp(bytes, { failOn: 'error' })
      .stats()
      .then(() => true)
      .catch(() => false);
    if (!decodable) refuseHeic();
    return reencodeImage(bytes, 'image/jpeg', sniffed);
  }
  if (!sniffed || !ACCEPTED_MIMES.includes(sniffed)) refuseType(sniffed);
  const media = mediaOf(sniffed);
  if (media === 'image') {
    try {
      return await reencodeImage(bytes, sniffed, sniffed);
    } catch {
      throw refuse('VALIDATION', '图片已损坏,无法读取', 'The image is damaged and cannot be read', [
        { field: 'file', message: { zh: '图片无法读取', en: 'The image cannot be read' } },
      ]);
    }
  }
  if (media === 'pdf')
    return {
      mime: sniffed,
      sourceMime: sniffed,
      file: bytes,
      thumb: await pdfThumbnail(bytes),
      width: null,
      height: null,
      reencoded: false,
    };
  return { mime: sniffed, sourceMime: sniffed, file: bytes, thumb: null, width: null, height: null, reencoded: false };
}
