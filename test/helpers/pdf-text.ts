// Reads a PDF back with pdfjs-dist: the text of each page, as a viewer's copy would give it.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
  width: number;
  height: number;
  /** Text items in reading order with their baseline y (PDF units from the bottom). */
  items: { str: string; y: number }[];
  text: string;
}

export async function readPdf(buf: Buffer): Promise<PdfPage[]> {
  const pdf = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: PdfPage[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items = content.items
      .filter((it): it is { str: string; transform: number[] } & typeof it => 'str' in it)
      .map((it) => ({ str: it.str, y: it.transform[5] as number }));
    pages.push({ width, height, items, text: items.map((it) => it.str).join('') });
  }
  await pdf.destroy();
  return pages;
}

/** Text without any whitespace, so that line wrapping does not matter in comparisons. */
export const squash = (s: string): string => s.replace(/\s+/g, '');
