// The layout of a one-case letter (不予受理告知书, 书面答复函): an A4 flow with the title and "our number"
// on every page, running paragraphs and headings that continue on the next page, the branch with its
// seal and the date at the foot, and labelled lines to sign.
import { Flow, SIZE } from './layout';
import { characters } from './font-fallback';

export const LETTER_BODY_SIZE = 11;

/** An A4 letter: the title centred and `ourNumber` at the right on every page; the first page opened. */
export function letterFlow(doc: PDFKit.PDFDocument, title: string, ourNumber: string): Flow {
  const flow: Flow = new Flow(doc, {
    paper: 'A4',
    margin: 56,
    footerHeight: 14,
    header: () => {
      flow.text(title, flow.left, 44, flow.width, { font: 'bold', size: 20, align: 'center' });
      flow.text(ourNumber, flow.left, 76, flow.width, { size: 9, align: 'right' });
      return 100;
    },
  });
  flow.newPage();
  return flow;
}

/** A paragraph of running text that continues on the next page. */
export function paragraph(f: Flow, text: string, indent = 0): void {
  let rest = text;
  const w = f.width - indent;
  while (rest) {
    f.ensure(f.measure('字', w, LETTER_BODY_SIZE) + 2);
    const n = f.fitPrefix(rest, w, f.bottom - f.y, LETTER_BODY_SIZE);
    const chars = characters(rest);
    const part = chars.slice(0, n).join('');
    f.text(part, f.left + indent, f.y, w, { size: LETTER_BODY_SIZE });
    f.y += f.measure(part, w, LETTER_BODY_SIZE) + 4;
    rest = chars.slice(n).join('');
    if (rest) f.newPage();
  }
}

export function heading(f: Flow, text: string): void {
  f.ensure(40);
  f.y += 6;
  f.text(text, f.left, f.y, f.width, { font: 'bold', size: LETTER_BODY_SIZE });
  f.y += 18;
}

/** The branch and its seal, then the date, at the right; `keep` is the height kept together with what follows. */
export function branchAndDate(f: Flow, branchAndSeal: string, date: string, keep: number): void {
  f.ensure(keep);
  f.y += 24;
  const right = f.right - 220;
  f.text(branchAndSeal, right, f.y, 220, { font: 'bold', size: LETTER_BODY_SIZE, align: 'right' });
  f.y += 20;
  f.text(date, right, f.y, 220, { size: LETTER_BODY_SIZE, align: 'right' });
  f.y += 36;
}

/** Labels with a line to write on, side by side across the page. */
export function signLines(f: Flow, labels: string[]): void {
  const slot = f.width / labels.length;
  labels.forEach((label, i) => {
    const x = f.left + i * slot;
    f.text(`${label}:`, x, f.y, slot - 8, { size: SIZE.value });
    const labelWidth = f.doc.font('body').fontSize(SIZE.value).widthOfString(`${label}:`);
    f.doc
      .moveTo(Math.min(x + labelWidth + 4, x + slot - 40), f.y + 13)
      .lineTo(x + slot - 12, f.y + 13)
      .stroke('#000');
  });
  f.y += 24;
}
