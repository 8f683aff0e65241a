// The branch's attachment blob folder (db/blob-store.ts) on a real disk: content-addressed, written
// once, read back only when the bytes still match their name, listed for the sweep without temp files.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobPath, blobRootOf, hasBlob, listBlobs, readBlob, sha256Hex, writeBlob } from '../../src-main/db/blob-store';

const root = () => join(mkdtempSync(join(tmpdir(), 'blob-store-')), 'branch-desk-attachments');

describe('blob store', () => {
  it('names the folder beside the store after the store file, and none for an in-memory store', () => {
    expect(blobRootOf('/data/branch-desk.sqlite')).toBe('/data/branch-desk-attachments');
    expect(blobRootOf('/data/sh01.sqlite')).toBe('/data/sh01-attachments');
    expect(blobRootOf(':memory:')).toBeNull();
    expect(blobRootOf('')).toBeNull();
  });

  it('writes bytes under their sha256 once and reads them back', () => {
    const r = root();
    const bytes = Buffer.from('收据照片 receipt photo');
    const first = writeBlob(r, bytes);
    expect(first).toEqual({ sha256: sha256Hex(bytes), created: true });
    expect(blobPath(r, first.sha256)).toBe(join(r, first.sha256.slice(0, 2), first.sha256));
    expect(writeBlob(r, bytes)).toEqual({ sha256: first.sha256, created: false });
    expect(readBlob(r, first.sha256).equals(bytes)).toBe(true);
    expect(hasBlob(r, first.sha256)).toBe(true);
    expect(readdirSync(join(r, first.sha256.slice(0, 2)))).toEqual([first.sha256]);
  });

  it('refuses to serve a blob whose bytes no longer match its name', () => {
    const r = root();
    const { sha256 } = writeBlob(r, Buffer.from('original'));
    writeFileSync(blobPath(r, sha256), 'tampered');
    expect(() => readBlob(r, sha256)).toThrow(/does not match/);
  });

  it('lists blob files for the sweep, not the temp files of an interrupted write', () => {
    const r = root();
    const a = writeBlob(r, Buffer.from('a'));
    const b = writeBlob(r, Buffer.from('bb'));
    writeFileSync(join(r, a.sha256.slice(0, 2), `.${a.sha256}.x.tmp`), 'partial');
    expect(listBlobs(r).sort((x, y) => (x.sha256 < y.sha256 ? -1 : 1))).toEqual(
      [
        { sha256: a.sha256, size: 1 },
        { sha256: b.sha256, size: 2 },
      ].sort((x, y) => (x.sha256 < y.sha256 ? -1 : 1)),
    );
    expect(listBlobs(join(r, 'absent'))).toEqual([]);
  });

  it('refuses a name that is not a sha256 (no path tricks)', () => {
    expect(() => blobPath(root(), '../../etc/passwd')).toThrow(/not a sha256/);
  });
});
