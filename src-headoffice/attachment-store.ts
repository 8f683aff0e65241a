// Head office's attachment bytes (issue 19), content-addressed like the branch's (sha256 in a folder),
// received in chunks by the signed PUT /v1/attachments/{sha256} and from a USB batch's parts. Invariants:
// a blob enters the store only whole and only when its bytes hash to its name (a mismatch discards the
// partial file and is refused); a chunk at an offset already received is a no-op, so a killed upload
// resumes from `received` and a duplicate upload changes nothing; blobs are never changed or deleted.
// A USB batch's parts arrive in any order, so `receiveAnyOrder` keeps a chunk ahead of the gap as a
// piece file (partial/<sha>.pieces/<offset>, fsynced) and appends it once the bytes before it arrived;
// the whole blob is still hash-checked before it is kept, and a piece already held is a no-op.
import { createHash, randomUUID } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

const SHA256_HEX = /^[0-9a-f]{64}$/;
export const isSha256 = (s: string): boolean => SHA256_HEX.test(s);

/** Where a chunk stands after it was received. */
export interface ChunkAnswer {
  /** Bytes of the blob held so far (the next chunk's offset); equals total once complete. */
  received: number;
  complete: boolean;
}

/** Why a chunk was refused: the upload's owner answers 409/422 with these words. */
export class BlobRefused extends Error {
  constructor(
    readonly reason: 'OFFSET' | 'HASH_MISMATCH' | 'SIZE',
    readonly received: number,
  ) {
    super(`attachment chunk refused: ${reason}`);
  }
}

export interface AttachmentStore {
  readonly root: string;
  has(sha256: string): boolean;
  /** The whole blob's size, or null when it is not (yet) held whole. */
  size(sha256: string): number | null;
  /** How much of a blob is held: whole, partial, or nothing. */
  status(sha256: string): ChunkAnswer;
  /** Appends `bytes` at `offset` of a blob of `total` bytes; checks the hash when the last byte arrives. */
  receive(sha256: string, offset: number, total: number, bytes: Uint8Array): Promise<ChunkAnswer>;
  /**
   * Like `receive`, but a chunk beyond the bytes held so far is kept (as a piece) instead of refused, and
   * appended once the gap before it is filled (USB parts imported in any order).
   */
  receiveAnyOrder(sha256: string, offset: number, total: number, bytes: Uint8Array): Promise<ChunkAnswer>;
  /** The whole blob (checked against its name). */
  read(sha256: string): Buffer;
  /** A stream of the whole blob, for serving large files without holding them in memory. */
  stream(sha256: string): NodeJS.ReadableStream;
  /** Deletes a whole blob (issue 20: an anonymised ID copy's or recording's bytes); false when not held. */
  remove(sha256: string): boolean;
}

function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeWhole(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'w');
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (b) => h.update(b))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

export function openAttachmentStore(root: string): AttachmentStore {
  const whole = (sha: string) => {
    if (!isSha256(sha)) throw new Error(`not a sha256: ${sha}`);
    return join(root, sha.slice(0, 2), sha);
  };
  const partial = (sha: string) => join(root, 'partial', sha);
  // One chunk of a blob at a time: two uploads of the same blob append in turn, never interleaved.
  const locks = new Map<string, Promise<unknown>>();
  const serial = <T>(sha: string, f: () => Promise<T>): Promise<T> => {
    const prev = locks.get(sha) ?? Promise.resolve();
    const next = prev.then(f, f);
    // The chain kept in the map never rejects (the caller gets `next` and its refusal): no unhandled rejection.
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    locks.set(sha, settled);
    void settled.then(() => {
      if (locks.get(sha) === settled) locks.delete(sha);
    });
    return next;
  };
  const statusOf = (sha: string): ChunkAnswer => {
    const w = whole(sha);
    if (existsSync(w)) return { received: statSync(w).size, complete: true };
    const p = partial(sha);
    return { received: existsSync(p) ? statSync(p).size : 0, complete: false };
  };
  const piecesDir = (sha: string) => join(root, 'partial', `${sha}.pieces`);
  const pieces = (sha: string): { offset: number }[] => {
    const dir = piecesDir(sha);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => /^\d+$/.test(f))
      .map((f) => ({ offset: Number(f) }))
      .sort((a, b) => a.offset - b.offset);
  };
  const checkSize = (now: ChunkAnswer, offset: number, total: number, bytes: Uint8Array) => {
    if (!Number.isSafeInteger(total) || total <= 0 || !Number.isSafeInteger(offset) || offset < 0)
      throw new BlobRefused('SIZE', now.received);
    if (offset + bytes.length > total) throw new BlobRefused('SIZE', now.received);
  };
  /** Appends the part of `bytes` (at `offset` ≤ `held`) beyond the `held` bytes to the partial file, fsynced; answers its size. */
  const appendAt = (sha: string, held: number, offset: number, bytes: Uint8Array): number => {
    const p = partial(sha);
    mkdirSync(dirname(p), { recursive: true });
    const fd = openSync(p, 'a');
    try {
      let off = held - offset;
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return statSync(p).size;
  };
  /** Once every byte is held: the whole file's hash checked, then renamed into place (or discarded with its pieces). */
  const finish = async (sha: string, total: number, received: number): Promise<ChunkAnswer> => {
    if (received < total) return { received, complete: false };
    const p = partial(sha);
    if (received > total || (await hashFile(p)) !== sha) {
      rmSync(p, { force: true });
      rmSync(piecesDir(sha), { recursive: true, force: true });
      throw new BlobRefused('HASH_MISMATCH', 0);
    }
    const w = whole(sha);
    mkdirSync(dirname(w), { recursive: true });
    // Renamed through a unique name so a crash never leaves a half-named file at `w`.
    const staged = join(dirname(w), `.${sha}.${randomUUID()}.tmp`);
    renameSync(p, staged);
    renameSync(staged, w);
    fsyncDir(dirname(w));
    rmSync(piecesDir(sha), { recursive: true, force: true });
    return { received: total, complete: true };
  };
  return {
    root,
    has: (sha) => existsSync(whole(sha)),
    remove: (sha) => {
      if (!existsSync(whole(sha))) return false;
      unlinkSync(whole(sha));
      return true;
    },
    size: (sha) => (existsSync(whole(sha)) ? statSync(whole(sha)).size : null),
    status: statusOf,
    receive: (sha, offset, total, bytes) =>
      serial(sha, async () => {
        const now = statusOf(sha);
        if (now.complete) return now;
        checkSize(now, offset, total, bytes);
        // A chunk already held (a retry after a lost answer) is a no-op; a gap is refused with where to resume.
        if (offset + bytes.length <= now.received) return now;
        if (offset > now.received) throw new BlobRefused('OFFSET', now.received);
        return finish(sha, total, appendAt(sha, now.received, offset, bytes));
      }),
    receiveAnyOrder: (sha, offset, total, bytes) =>
      serial(sha, async () => {
        const now = statusOf(sha);
        if (now.complete) return now;
        checkSize(now, offset, total, bytes);
        if (offset + bytes.length <= now.received) return now;
        let received = now.received;
        if (offset > received) {
          // Ahead of the gap: kept whole under its offset (written to a temp name, fsynced, renamed).
          const dir = piecesDir(sha);
          mkdirSync(dir, { recursive: true });
          const tmp = join(dir, `.${offset}.${randomUUID()}.tmp`);
          writeWhole(tmp, bytes);
          renameSync(tmp, join(dir, String(offset)));
          fsyncDir(dir);
        } else received = appendAt(sha, received, offset, bytes);
        // Pieces that now touch the held bytes are appended in offset order; those wholly held are dropped.
        for (const p of pieces(sha)) {
          if (p.offset > received) break;
          const path = join(piecesDir(sha), String(p.offset));
          const piece = readFileSync(path);
          if (p.offset + piece.length > received) received = appendAt(sha, received, p.offset, piece);
          rmSync(path, { force: true });
        }
        return finish(sha, total, received);
      }),
    read: (sha) => {
      const bytes = readFileSync(whole(sha));
      if (createHash('sha256').update(bytes).digest('hex') !== sha)
        throw new Error(`blob ${sha} does not match its hash`);
      return bytes;
    },
    stream: (sha) => createReadStream(whole(sha)),
  };
}
