// The attachments' bytes, content-addressed (issue 19): each blob is a file named by its sha256 in a
// folder beside the store (branch-desk.sqlite → branch-desk-attachments/ab/abcdef…). Invariant: a blob
// is written, fsynced and renamed into place (and its folder fsynced) before any row that names it
// commits, so a committed row never points at a missing or partial file; a crash in between leaves
// at most an orphan file, which the sweep reports and never deletes. Blobs are never changed.
import { createHash, randomUUID } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The blob folder of a store file; an in-memory store has none (attachments need a store on disk). */
export function blobRootOf(storeFile: string): string | null {
  if (storeFile === '' || storeFile === ':memory:') return null;
  return join(dirname(storeFile), `${basename(storeFile, extname(storeFile))}-attachments`);
}

export function blobPath(root: string, sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return join(root, sha256.slice(0, 2), sha256);
}

function fsyncDir(dir: string): void {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes the bytes once (an existing blob of the same hash and size is kept as is); answers their sha256. */
export function writeBlob(root: string, bytes: Uint8Array): { sha256: string; created: boolean } {
  const sha256 = sha256Hex(bytes);
  const path = blobPath(root, sha256);
  if (existsSync(path) && statSync(path).size === bytes.length) return { sha256, created: false };
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${sha256}.${randomUUID()}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  fsyncDir(dir);
  fsyncDir(root);
  return { sha256, created: true };
}

/** The blob's bytes, checked against their name: a changed or truncated file is an error, never served. */
export function readBlob(root: string, sha256: string): Buffer {
  const bytes = readFileSync(blobPath(root, sha256));
  if (sha256Hex(bytes) !== sha256) throw new Error(`blob ${sha256} does not match its hash`);
  return bytes;
}

export const hasBlob = (root: string, sha256: string): boolean => existsSync(blobPath(root, sha256));

/** Every blob file in the folder (for the sweep): name and size; temp files of an interrupted write apart. */
export function listBlobs(root: string): { sha256: string; size: number }[] {
  if (!existsSync(root)) return [];
  const out: { sha256: string; size: number }[] = [];
  for (const sub of readdirSync(root)) {
    const dir = join(root, sub);
    if (!/^[0-9a-f]{2}$/.test(sub) || !statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir))
      if (SHA256_HEX.test(f)) out.push({ sha256: f, size: statSync(join(dir, f)).size });
  }
  return out;
}
