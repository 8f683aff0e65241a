// Writes the USB batch container (batch-container.ts): the unsent outbox's signed batches plus every
// attachment blob head office has not confirmed yet (attachment_blobs upload = 1, uploaded_at NULL —
// the blobs the records name, and any an earlier sync's upload left behind), split into parts of at
// most `maxBytes` when the user asks; a blob larger than a part spans parts as chunks. Blobs are read
// chunk by chunk from the blob folder, never whole. Like the JSON batch file, nothing is marked sent:
// head office's import and the next online sync are what acknowledge records and bytes. Each part is
// sealed for head office as it is written (batch-seal.ts).
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readSync, renameSync, statSync, writeSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Db } from '../db/connection';
import { blobPath, hasBlob } from '../db/blob-store';
import { stmt } from '../db/statements';
import {
  CONTAINER_CHUNK,
  chunkHash,
  FILE_PART_SIGN_PATH,
  PART_END,
  PART_FORMAT,
  PART_MAGIC,
  type PartBody,
  type PartChunk,
} from './batch-container';
import { createSeal } from './batch-seal';
import { signRequest } from './batch-sign';
import { buildFileBatches } from './export-batch';
import type { FileBatch } from './protocol';

export interface UsbExportResult {
  /** The part files written, in order (one when no split was needed). */
  paths: string[];
  records: number;
  batches: number;
  firstSeq: number | null;
  lastSeq: number | null;
  /** Blobs carried and their bytes. */
  blobs: number;
  blobBytes: number;
  /** Blobs waiting for head office whose file is missing here (the sweep reports them): not carried. */
  missingBlobs: string[];
  bytes: number;
}

type PlannedChunk = Omit<PartChunk, 'at' | 'hash'>;
interface PlannedPart {
  batches: FileBatch[];
  chunks: PlannedChunk[];
  size: number;
}

/** Bytes of a part beyond its chunks and batches: magic, end, trailer keys, signature, the seal's header and tag (generous). */
const PART_OVERHEAD = 2560;
/** A chunk entry's share of the trailer at most (two hashes, four numbers, keys). */
const CHUNK_ENTRY = 320;
/** A part with less room than this left is closed rather than given a sliver of a blob. */
const MIN_CHUNK_ROOM = 64 * 1024;

/** The blobs head office still needs, oldest first, with whether the file is here. */
function waitingBlobs(db: Db, root: string | null): { sha256: string; size: number; present: boolean }[] {
  const rows = stmt(
    db,
    'SELECT sha256, size FROM attachment_blobs WHERE upload = 1 AND uploaded_at IS NULL ORDER BY stored_at, sha256',
  ).all() as { sha256: string; size: number }[];
  return rows.map((r) => ({
    ...r,
    present: root !== null && hasBlob(root, r.sha256) && statSync(blobPath(root, r.sha256)).size === r.size,
  }));
}

/** Splits batches and blobs into parts of at most maxBytes (null: one part); a lone batch larger than a part goes alone. */
export function planParts(
  batches: FileBatch[],
  blobs: { sha256: string; size: number }[],
  maxBytes: number | null,
): PlannedPart[] {
  const cap = maxBytes ?? Number.MAX_SAFE_INTEGER;
  const parts: PlannedPart[] = [];
  let cur: PlannedPart = { batches: [], chunks: [], size: PART_OVERHEAD };
  const close = () => {
    if (cur.batches.length || cur.chunks.length) parts.push(cur);
    cur = { batches: [], chunks: [], size: PART_OVERHEAD };
  };
  for (const b of batches) {
    const need = JSON.stringify(b).length + 1;
    if (cur.size + need > cap && (cur.batches.length || cur.chunks.length)) close();
    cur.batches.push(b);
    cur.size += need;
  }
  for (const blob of blobs) {
    let offset = 0;
    while (offset < blob.size) {
      let room = cap - cur.size - CHUNK_ENTRY;
      if (room < Math.min(MIN_CHUNK_ROOM, blob.size - offset)) {
        close();
        room = cap - cur.size - CHUNK_ENTRY;
      }
      const length = Math.min(CONTAINER_CHUNK, blob.size - offset, Math.max(1, room));
      cur.chunks.push({ sha256: blob.sha256, offset, total: blob.size, length });
      cur.size += length + CHUNK_ENTRY;
      offset += length;
    }
  }
  close();
  return parts;
}

/** The name of part i of n: the chosen name itself when there is one part, else name-1of3.ext. */
export function partPath(out: string, i: number, n: number): string {
  if (n === 1) return out;
  const ext = extname(out);
  return join(dirname(out), `${basename(out, ext)}-${i}of${n}${ext}`);
}

function writeAll(fd: number, b: Uint8Array): void {
  let off = 0;
  while (off < b.length) off += writeSync(fd, b, off, b.length - off);
}

function readBlobRange(root: string, sha256: string, offset: number, length: number): Buffer {
  const fd = openSync(blobPath(root, sha256), 'r');
  try {
    const b = Buffer.alloc(length);
    let got = 0;
    while (got < length) {
      const n = readSync(fd, b, got, length - got, offset + got);
      if (n === 0) throw new Error(`blob ${sha256} is shorter than its row says`);
      got += n;
    }
    return b;
  } finally {
    closeSync(fd);
  }
}

/** Writes one part to `path` (temp name, fsynced, renamed: a stick pulled out leaves no half part under the real name). */
function writePart(
  path: string,
  root: string | null,
  plan: PlannedPart,
  head: { branch: string; key: string; now: number; exportId: string; part: number; parts: number },
): number {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  // Sealed for head office as it is written (batch-seal.ts): the stick never holds a plain byte of the part.
  const seal = createSeal(head.branch, head.key);
  const put = (b: Uint8Array) => writeAll(fd, seal.update(b));
  try {
    writeAll(fd, seal.head);
    put(PART_MAGIC);
    let at = PART_MAGIC.length;
    const chunks: PartChunk[] = [];
    for (const c of plan.chunks) {
      if (root === null) throw new Error('a store without a blob folder has no attachments to carry');
      const bytes = readBlobRange(root, c.sha256, c.offset, c.length);
      put(bytes);
      chunks.push({ ...c, at, hash: chunkHash(bytes) });
      at += bytes.length;
    }
    const body: PartBody = {
      format: PART_FORMAT,
      version: 1,
      branch: head.branch,
      createdAt: head.now,
      exportId: head.exportId,
      part: head.part,
      parts: head.parts,
      batches: plan.batches,
      chunks,
    };
    const signed = JSON.stringify(body);
    const h = signRequest(head.key, {
      method: 'PUT',
      path: FILE_PART_SIGN_PATH,
      branch: head.branch,
      body: signed,
      now: head.now,
    });
    const trailer = Buffer.from(
      JSON.stringify({ signed, nonce: h['x-bd-nonce'], timestamp: head.now, signature: h['x-bd-signature'] }),
    );
    const end = Buffer.alloc(4 + PART_END.length);
    end.writeUInt32BE(trailer.length, 0);
    PART_END.copy(end, 4);
    put(trailer);
    put(end);
    const tag = seal.final();
    writeAll(fd, tag);
    fsyncSync(fd);
    at += trailer.length + end.length + seal.head.length + tag.length;
    closeSync(fd);
    renameSync(tmp, path);
    return at;
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Exports the unsent outbox and the waiting blobs as container parts at `out` (split when
 * `maxBytes` is given and the content is larger). Nothing written when nothing waits.
 */
export function exportUsbParts(
  db: Db,
  opts: { branch: string; key: string; now: number; out: string; blobRoot: string | null; maxBytes: number | null },
): UsbExportResult {
  const fb = buildFileBatches(db, opts);
  const all = waitingBlobs(db, opts.blobRoot);
  const blobs = all.filter((b) => b.present);
  const result: UsbExportResult = {
    paths: [],
    records: fb.records,
    batches: fb.batches.length,
    firstSeq: fb.firstSeq,
    lastSeq: fb.lastSeq,
    blobs: blobs.length,
    blobBytes: blobs.reduce((n, b) => n + b.size, 0),
    missingBlobs: all.filter((b) => !b.present).map((b) => b.sha256),
    bytes: 0,
  };
  const plan = planParts(fb.batches, blobs, opts.maxBytes);
  const exportId = randomUUID();
  plan.forEach((p, i) => {
    const path = partPath(opts.out, i + 1, plan.length);
    const head = { ...opts, exportId, part: i + 1, parts: plan.length };
    result.bytes += writePart(path, opts.blobRoot, p, head);
    result.paths.push(path);
  });
  return result;
}
