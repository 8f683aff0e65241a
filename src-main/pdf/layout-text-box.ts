// A titled box of free text on a printed form: it fills the page and continues on the next one
// under its title marked continued; empty, it gives ruled lines to write on by hand.
import type { Flow } from './layout';
import { fitStart } from './layout-rows';
import { characters } from './font-fallback';

export interface TextBoxOptions {
  minLines?: number;
  /** Appended to the title on continuation pages; the flow's own mark by default. */
  continued?: string;
  /** Room that must follow the box's last part on its page (the signature block). */
  keepWith?: number;
}

export function drawTextBox(f: Flow, title: string, body: string, opts: TextBoxOptions): void {
  const m = f.m;
  const minLines = opts.minLines ?? 3;
  const titleH = m.label + 2 * m.pad + 1;
  const innerW = f.width - 2 * m.pad;
  const keep = opts.keepWith ?? 0;
  const line = f.measure('字', innerW, m.value) + 2 * m.pad;
  let rest = body;
  let label = title;
  let first = true;
  do {
    f.ensure(titleH + (rest ? line : minLines * m.ruledLine + keep));
    let avail = f.bottom - f.y - titleH - 2 * m.pad;
    f.doc.rect(f.left, f.y, f.width, titleH).fillAndStroke('#f1f1f1', '#555');
    f.text(label, f.left + m.pad, f.y + m.pad, innerW, { size: m.label, font: 'bold' });
    f.y += titleH;
    if (!rest) {
      ruledBox(f, minLines);
      break;
    }
    const whole = Math.max(f.measure(rest, innerW, m.value), first ? minLines * m.ruledLine - 2 * m.pad : 0);
    // All of it fits but not its tail: keep the last line(s) for the next page, with the tail.
    if (whole <= avail && whole + keep > avail) avail = Math.max(line - 2 * m.pad, whole - line);
    const n = fitStart(f, rest, innerW, avail, m.value);
    const chars = characters(rest);
    const part = chars.slice(0, n).join('');
    const h = Math.max(f.measure(part, innerW, m.value) + 2 * m.pad, first ? minLines * m.ruledLine : 0);
    f.doc.rect(f.left, f.y, f.width, h).stroke('#555');
    f.text(part, f.left + m.pad, f.y + m.pad, innerW, { size: m.value });
    f.y += h + 6;
    rest = chars.slice(n).join('');
    label = `${title}${opts.continued ?? f.continued}`;
    first = false;
    if (rest) f.newPage();
  } while (rest);
}

function ruledBox(f: Flow, lines: number): void {
  const m = f.m;
  const h = lines * m.ruledLine;
  f.doc.rect(f.left, f.y, f.width, h).stroke('#555');
  for (let i = 1; i < lines; i++) {
    const ly = f.y + i * m.ruledLine;
    f.doc
      .moveTo(f.left + m.pad, ly)
      .lineTo(f.right - m.pad, ly)
      .dash(1, { space: 2 })
      .stroke('#999')
      .undash();
  }
  f.y += h + 6;
}
