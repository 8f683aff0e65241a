// Writes one sample document (PDF plus a PNG per page via poppler's pdftoppm) into a samples
// folder. Invariant: a generator replaces only the files of the documents it renders — the PDF
// and the numbered pages of that name — and never deletes anything else in the folder, so two
// generators (forms, reports) and the e2e runs can share docs/ without erasing each other's files.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The files that belong to the sample `name`: name.pdf and name-1.png, name-2.png, … */
export const isSampleFile = (name: string, file: string): boolean =>
  file === `${name}.pdf` || new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+\\.png$`).test(file);

export function writeSample(dir: string, name: string, pdf: Buffer, dpi = 70): string[] {
  mkdirSync(dir, { recursive: true });
  // Stale pages of a sample that became shorter would otherwise stay behind.
  for (const f of readdirSync(dir)) if (isSampleFile(name, f)) rmSync(join(dir, f));
  writeFileSync(join(dir, `${name}.pdf`), pdf);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', join(dir, `${name}.pdf`), join(dir, name)]);
  return readdirSync(dir)
    .filter((f) => isSampleFile(name, f))
    .sort();
}
