// Real files to attach in tests (issue 19): a JPEG from noise with camera and GPS EXIF (sharp), a PDF
// (pdfkit), a WAV (a RIFF header and silence), and a Windows program's first bytes.
import PDFDocument from 'pdfkit';
import sharp from 'sharp';

/** A photo of `width`×`height` from random pixels (so it compresses like a real one), with EXIF GPS. */
export async function noisyJpeg(width: number, height: number, opts: { gps?: boolean } = {}): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 2654435761) >>> 24;
  const img = sharp(pixels, { raw: { width, height, channels: 3 } })
    .blur(1.2)
    .jpeg({ quality: 90 });
  return opts.gps
    ? img
        .withExif({
          IFD0: { Make: 'AcmePhone', Model: 'AP-12 Pro' },
          IFD3: {
            GPSLatitudeRef: 'N',
            GPSLatitude: '31/1 14/1 0/1',
            GPSLongitudeRef: 'E',
            GPSLongitude: '121/1 28/1 0/1',
          },
        })
        .toBuffer()
    : img.toBuffer();
}

/** Whether EXIF bytes hold the GPS IFD pointer (tag 0x8825, either byte order). */
export const hasGpsPointer = (exif: Buffer | undefined): boolean =>
  !!exif && (exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25])));

/** A one-page PDF: the body's letter as a scanner would send it. */
export function letterPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const parts: Buffer[] = [];
    doc.on('data', (b: Buffer) => parts.push(b));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
    doc.fontSize(24).text('Letter of the consumer body', 72, 72);
    doc.rect(72, 200, 300, 200).fill('#333333');
    doc.end();
  });
}

/** A WAV of `seconds` of silence (8 kHz, 16 bit, mono). */
export function silentWav(seconds = 1): Buffer {
  const data = 8000 * 2 * seconds;
  const b = Buffer.alloc(44 + data);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(36 + data, 4);
  b.write('WAVE', 8, 'ascii');
  b.write('fmt ', 12, 'ascii');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(16000, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36, 'ascii');
  b.writeUInt32LE(data, 40);
  return b;
}

/** The first bytes of a Windows program (MZ … PE), whatever it is named. */
export function windowsProgram(): Buffer {
  const b = Buffer.alloc(1024);
  b.write('MZ', 0, 'ascii');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'binary');
  return b;
}

/**
 * A HEIC as a phone names it (brand `heic`). sharp's prebuilt libvips decodes AV1-coded HEIF only:
 * `hevc: false` holds AV1 content (decodable), `hevc: true` declares HEVC (hvc1) as iPhones write it.
 */
export async function heicPhoto(o: { hevc: boolean }): Promise<Buffer> {
  const b = Buffer.from(
    await sharp({ create: { width: 640, height: 480, channels: 3, background: '#884422' } })
      .heif({ compression: 'av1' })
      .toBuffer(),
  );
  b.write('heic', 8, 'latin1');
  if (o.hevc) for (let i = b.indexOf('av01'); i >= 0; i = b.indexOf('av01')) b.write('hvc1', i, 'latin1');
  return b;
}
