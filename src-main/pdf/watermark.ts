// A large slanted word across a printed page (作废 on a voided slip, 待核准 on one awaiting
// approval), sized so that the whole word stays on the paper at any size and in any language.
import { PAPER_SIZES } from './layout';

export interface WatermarkStyle {
  color: string;
  opacity: number;
}

const ANGLE = -30;
/** The word's rotated box fills at most this share of the page's width and height. */
const FILL = 0.8;
const MAX_SIZE = 170;

/**
 * Draws `text` centred on the current page, rotated by 30°. Draw it after the page's content
 * (Flow.eachPage) to have it above the cells; its opacity keeps what is under it readable.
 */
export function drawWatermark(
  doc: PDFKit.PDFDocument,
  text: string,
  paper: keyof typeof PAPER_SIZES,
  style: WatermarkStyle,
): void {
  const [w, h] = PAPER_SIZES[paper];
  doc.font('body').fontSize(1);
  const perPoint = doc.widthOfString(text);
  const rad = (Math.abs(ANGLE) * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  // Rotated box of a word `perPoint·s` wide and `s` tall: width ≤ FILL·w and height ≤ FILL·h.
  const size = Math.min(MAX_SIZE, (FILL * w) / (perPoint * cos + sin), (FILL * h) / (perPoint * sin + cos));
  const width = perPoint * size;
  doc.save();
  doc.rotate(ANGLE, { origin: [w / 2, h / 2] });
  doc.fillOpacity(style.opacity).fillColor(style.color).fontSize(size);
  // pdfkit places text by the top of its line; the glyphs' middle is about 0.75 em below it.
  doc.text(text, w / 2 - width / 2, h / 2 - size * 0.75, { lineBreak: false });
  doc.restore();
  doc.fillOpacity(1).fillColor('#000');
}
