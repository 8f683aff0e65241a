// The slip number as a Code 128 barcode, drawn as vector bars (crisp at any printer
// resolution, and no image decoding in the PDF).
import bwipjs from 'bwip-js/node';

export function drawCode128(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  const [enc] = bwipjs.raw('code128', text, {}) as unknown as { sbs: number[] }[];
  if (!enc) return;
  const modules = enc.sbs.reduce((s, w) => s + w, 0);
  const unit = width / modules;
  let cx = x;
  enc.sbs.forEach((w, i) => {
    // Bars and spaces alternate, starting with a bar.
    if (i % 2 === 0) doc.rect(cx, y, w * unit, height).fill('#000');
    cx += w * unit;
  });
}
