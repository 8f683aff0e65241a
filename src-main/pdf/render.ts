// The document factory: the embedded CJK body font (TrueType, subset automatically by pdfkit; the
// fallback fonts of font-fallback.ts are added only to documents that need them), paper size, and a
// fixed creation date when reproducible output is wanted.
import PDFDocument from 'pdfkit';
import { join } from 'node:path';
import { FONT_FILES, parsedFont, setDocFontDir } from './font-fallback';

export type Paper = 'A4' | 'A5';

export interface RenderOptions {
  /**
   * Where the fonts are (assets/fonts, or the packaged resources): NotoSansSC-Regular.ttf and the
   * fallbacks of FONT_FILES. Bold is drawn from the regular face (layout.ts).
   */
  fontDir?: string;
  /** Fixes CreationDate and the file id, so the same input gives the same bytes. */
  creationDate?: Date;
  paper?: Paper;
  title?: string;
}

export const DEFAULT_FONT_DIR = join(import.meta.dirname, '..', '..', 'assets', 'fonts');
export const FONTS = { regular: FONT_FILES.body } as const;

export function createDoc(opts: RenderOptions = {}): PDFKit.PDFDocument {
  const dir = opts.fontDir ?? DEFAULT_FONT_DIR;
  const date = opts.creationDate ?? new Date();
  const doc = new PDFDocument({
    size: opts.paper ?? 'A4',
    margin: 0,
    autoFirstPage: false,
    // Buffered so that page numbers ("page n of N") can be written once the total is known.
    bufferPages: true,
    info: {
      Title: opts.title ?? '',
      Creator: 'Branch Desk',
      Producer: 'Branch Desk',
      CreationDate: date,
      ModDate: date,
    },
    lang: 'zh-CN',
    // No default Helvetica: loading its metrics costs time and the forms never use it.
    font: null as unknown as string,
  });
  doc.registerFont('body', parsedFont(join(dir, FONTS.regular)) as unknown as Buffer);
  doc.font('body');
  setDocFontDir(doc, dir);
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

export async function renderPdf<T, L>(
  template: Template<T, L>,
  data: T,
  t: L,
  opts: RenderOptions = {},
): Promise<Buffer> {
  const doc = createDoc(opts);
  template(doc, data, t);
  return toBuffer(doc);
}
