// Sample generators replace only their own documents: another generator's files, tracked or not, survive.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import { isSampleFile, writeSample } from '../../scripts/sample-files';

function pdfOfPages(n: number): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false });
  for (let i = 0; i < n; i++) doc.addPage({ size: 'A6' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.end();
  });
}

describe('sample files', () => {
  it('names a sample by its PDF and numbered pages only', () => {
    expect(isSampleFile('slip', 'slip.pdf')).toBe(true);
    expect(isSampleFile('slip', 'slip-12.png')).toBe(true);
    expect(isSampleFile('slip', 'slip-exchange-1.png')).toBe(false);
    expect(isSampleFile('slip', 'slip-exchange.pdf')).toBe(false);
    expect(isSampleFile('summary.report', 'summaryXreport-1.png')).toBe(false);
  });

  it('replaces the stale pages of its own sample and leaves every other file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samples-'));
    for (const f of ['summary-report-month.pdf', 'summary-report-month-1.png', 'slip-exchange-1.png', 'notes.md'])
      writeFileSync(join(dir, f), 'kept');
    expect(writeSample(dir, 'slip', await pdfOfPages(3), 20)).toEqual([
      'slip-1.png',
      'slip-2.png',
      'slip-3.png',
      'slip.pdf',
    ]);
    expect(writeSample(dir, 'slip', await pdfOfPages(1), 20)).toEqual(['slip-1.png', 'slip.pdf']);
    expect(readdirSync(dir).sort()).toEqual([
      'notes.md',
      'slip-1.png',
      'slip-exchange-1.png',
      'slip.pdf',
      'summary-report-month-1.png',
      'summary-report-month.pdf',
    ]);
  });
});
