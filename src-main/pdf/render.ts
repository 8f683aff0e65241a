// The document factory: embedded CJK fonts (TrueType, subset automatically by pdfkit),
// paper size, and a fixed creation date when reproducible output is wanted.
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Paper = 'A4' | 'A5';

export interface RenderOptions {
  /** Where NotoSansSC-Regular.ttf is (assets/fonts, or the packaged resources). Bold is drawn from it (layout.ts). */
  fontDir?: string;
  /** Fixes CreationDate and the file id, so the same input gives the same bytes. */
  creationDate?: Date;
  paper?: Paper;
  title?: string;
}

export const DEFAULT_FONT_DIR = join(import.meta.dirname, '..', '..', 'assets', 'fonts');
export const FONTS = { regular: 'NotoSansSC-Regular.ttf' } as const;

/**
 * Fonts are read and parsed once per process: each file is ~10 MB, and pdfkit would read and
 * parse it again for every document. pdfkit accepts a parsed fontkit font and subsets it per
 * document, so sharing the parsed font changes nothing in the output.
 */
const fontCache = new Map<string, fontkit.Font>();
function parsedFont(path: string): fontkit.Font {
  let f = fontCache.get(path);
  if (!f) {
    if (!existsSync(path)) throw new Error(`form font missing: ${path}`);
    f = fontkit.create(readFileSync(path)) as fontkit.Font;
    fontCache.set(path, f);
  }
  return f;
}

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
