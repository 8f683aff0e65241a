// The document factory: embedded CJK fonts (TrueType, subset automatically by pdfkit),
// paper size, and a fixed creation date when reproducible output is wanted.
import PDFDocument from 'pdfkit';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export type Paper = 'A4' | 'A5';

export interface RenderOptions {
  /** Where NotoSansSC-Regular.ttf and NotoSansSC-Bold.ttf are (assets/fonts, or the packaged resources). */
  fontDir?: string;
  /** Fixes CreationDate and the file id, so the same input gives the same bytes. */
  creationDate?: Date;
  paper?: Paper;
  title?: string;
}

export const DEFAULT_FONT_DIR = join(import.meta.dirname, '..', '..', 'assets', 'fonts');
export const FONTS = { regular: 'NotoSansSC-Regular.ttf', bold: 'NotoSansSC-Bold.ttf' } as const;

export function createDoc(opts: RenderOptions = {}): PDFKit.PDFDocument {
  const dir = opts.fontDir ?? DEFAULT_FONT_DIR;
  const regular = join(dir, FONTS.regular);
  if (!existsSync(regular)) throw new Error(`form font missing: ${regular}`);
  const date = opts.creationDate ?? new Date();
  const doc = new PDFDocument({
    size: opts.paper ?? 'A4',
    margin: 0,
    autoFirstPage: false,
    // Buffered so that page numbers ("page n of N") can be written once the total is known.
    bufferPages: true,
    info: { Title: opts.title ?? '', Creator: 'Branch Desk', Producer: 'Branch Desk', CreationDate: date, ModDate: date },
    lang: 'zh-CN',
  });
  doc.registerFont('body', regular);
  doc.registerFont('bold', join(dir, FONTS.bold));
  doc.font('body');
  return doc;
}

/** Finishes the document and collects its bytes. */
export function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export type Template<T, L> = (doc: PDFKit.PDFDocument, data: T, t: L) => void;

export async function renderPdf<T, L>(template: Template<T, L>, data: T, t: L, opts: RenderOptions = {}): Promise<Buffer> {
  const doc = createDoc(opts);
  template(doc, data, t);
  return toBuffer(doc);
}
