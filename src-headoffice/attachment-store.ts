// Head office's attachment bytes (issue 19), content-addressed like the branch's (sha256 in a folder),
// received in chunks by the signed PUT /v1/attachments/{sha256} and from a USB batch's parts. Invariants:
// a blob enters the store only whole and only when its bytes hash to its name (a mismatch discards the
// partial file and is refused); a chunk at an offset already received is a no-op, so a killed upload
// resumes from `received` and a duplicate upload changes nothing; blobs are never changed or deleted.
import { createHash, randomUUID } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
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
  /** The whole blob (checked against its name). */
  read(sha256: string): Buffer;
  /** A stream of the whole blob, for serving large files without holding them in memory. */
  stream(sha256: string): NodeJS.ReadableStream;
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
  return {
    root,
    has: (sha) => existsSync(whole(sha)),
    size: (sha) => (existsSync(whole(sha)) ? statSync(whole(sha)).size : null),
    status: statusOf,
    receive: (sha, offset, total, bytes) =>
      serial(sha, async () => {
        const now = statusOf(sha);
        if (now.complete) return now;
        if (!Number.isSafeInteger(total) || total <= 0 || offset + bytes.length > total)
          throw new BlobRefused('SIZE', now.received);
        // A chunk already held (a retry after a lost answer) is a no-op; a gap is refused with where to resume.
        if (offset + bytes.length <= now.received) return now;
        if (offset > now.received) throw new BlobRefused('OFFSET', now.received);
        const p = partial(sha);
        mkdirSync(dirname(p), { recursive: true });
        const fd = openSync(p, 'a');
        try {
          const skip = now.received - offset;
          let off = skip;
          while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        const received = statSync(p).size;
        if (received < total) return { received, complete: false };
        if ((await hashFile(p)) !== sha) {
          rmSync(p, { force: true });
          throw new BlobRefused('HASH_MISMATCH', 0);
        }
        const w = whole(sha);
        mkdirSync(dirname(w), { recursive: true });
        // Renamed through a unique name so a crash never leaves a half-named file at `w`.
        const staged = join(dirname(w), `.${sha}.${randomUUID()}.tmp`);
        renameSync(p, staged);
        renameSync(staged, w);
        fsyncDir(dirname(w));
        return { received: total, complete: true };
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
