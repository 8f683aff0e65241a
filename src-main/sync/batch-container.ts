// The USB batch container (issue 19): one part of a batch file that also carries attachment bytes,
// split into parts of a size the user chooses. Layout of a part (all of it is in this file):
//   bytes 0–7      magic "BDUSB01\n"
//   then           chunk bytes, back to back (where each one is: the trailer's `at` and `length`)
//   then           trailer: UTF-8 JSON {"signed": S, "nonce", "timestamp", "signature"}
//   last 12 bytes  the trailer's byte length (uint32 big-endian), then "BDUSBEND"
// S is the JSON text of a PartBody, kept as text so the signature covers exactly those bytes. It is
// signed like a batch file's batch (batch-sign.ts) with method PUT and the path FILE_PART_SIGN_PATH, so
// neither can pass as the other. S names every chunk's blob (sha256), its place in the blob (offset,
// total) and the sha256 of the chunk's own bytes (`hash`), so a changed byte anywhere is refused: the
// trailer by the signature, a chunk by its hash. The records ride as signed FileBatch items, as in the
// single-JSON batch file (batch-file.ts), which stays importable. Parts are independent: each can be
// imported alone, in any order, any number of times.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';
import { syncRefuse } from './batch-errors';
import { FileBatch } from './protocol';

export const PART_MAGIC = Buffer.from('BDUSB01\n', 'latin1');
export const PART_END = Buffer.from('BDUSBEND', 'latin1');
export const PART_FORMAT = 'branch-desk-usb-part';
/** The path a part's trailer is signed for. */
export const FILE_PART_SIGN_PATH = 'file:/v1/attachments';
/** The bytes of a blob one chunk carries at most (memory stays bounded on both sides). */
export const CONTAINER_CHUNK = 4 * 1024 * 1024;
/** A trailer larger than this is not read (a damaged length field cannot make head office allocate GBs). */
const MAX_TRAILER = 512 * 1024 * 1024;

const sha = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().nonnegative();

export const PartChunk = z.object({
  /** The blob's sha256 (its name at head office). */
  sha256: sha,
  /** Where this chunk starts in the blob, and the blob's whole size. */
  offset: count,
  total: z.number().int().positive(),
  /** Where the chunk's bytes are in this part, and how many. */
  at: count,
  length: z.number().int().positive(),
  /** sha256 of the chunk's bytes. */
  hash: sha,
});
export type PartChunk = z.infer<typeof PartChunk>;

export const PartBody = z.object({
  format: z.literal(PART_FORMAT),
  version: z.literal(1),
  branch: z.string(),
  createdAt: z.number().int(),
  /** One export's parts share it; `part` of `parts` (1-based). */
  exportId: z.string(),
  part: z.number().int().positive(),
  parts: z.number().int().positive(),
  batches: z.array(FileBatch),
  chunks: z.array(PartChunk),
});
export type PartBody = z.infer<typeof PartBody>;

export const PartTrailer = z.object({
  signed: z.string(),
  nonce: z.string(),
  timestamp: z.number().int(),
  signature: z.string(),
});
export type PartTrailer = z.infer<typeof PartTrailer>;

const damaged = () =>
  syncRefuse(
    'DAMAGED',
    '批次文件(分卷)已损坏或不完整,无法读取',
    'The batch file (part) is damaged or truncated and cannot be read',
  );

export const isContainer = (head: Buffer): boolean =>
  head.length >= PART_MAGIC.length && head.subarray(0, PART_MAGIC.length).equals(PART_MAGIC);

export const chunkHash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** An open part: its trailer (signature not yet checked: the caller knows the key) and chunk reads. */
export interface OpenPart {
  trailer: PartTrailer;
  body: PartBody;
  /** The chunk's bytes, checked against its `hash` (a mismatch is DAMAGED). */
  readChunk(c: PartChunk): Buffer;
  close(): void;
}

function readAt(fd: number, at: number, length: number): Buffer {
  const b = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, b, got, length - got, at + got);
    if (n === 0) throw damaged();
    got += n;
  }
  return b;
}

/** Opens a part file and reads its trailer; a file that is not a whole part is refused as DAMAGED. */
export function openPart(path: string): OpenPart {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const tail = PART_END.length + 4;
    if (size < PART_MAGIC.length + tail || !isContainer(readAt(fd, 0, PART_MAGIC.length))) throw damaged();
    const end = readAt(fd, size - tail, tail);
    if (!end.subarray(4).equals(PART_END)) throw damaged();
    const trailerLength = end.readUInt32BE(0);
    const trailerAt = size - tail - trailerLength;
    if (trailerLength > MAX_TRAILER || trailerAt < PART_MAGIC.length) throw damaged();
    let trailer: PartTrailer;
    let body: PartBody;
    try {
      trailer = PartTrailer.parse(JSON.parse(readAt(fd, trailerAt, trailerLength).toString('utf8')));
      body = PartBody.parse(JSON.parse(trailer.signed));
    } catch {
      throw damaged();
    }
    return {
      trailer,
      body,
      readChunk: (c) => {
        if (c.at < PART_MAGIC.length || c.at + c.length > trailerAt || c.offset + c.length > c.total) throw damaged();
        const bytes = readAt(fd, c.at, c.length);
        if (chunkHash(bytes) !== c.hash)
          throw syncRefuse(
            'DAMAGED',
            '批次文件里的附件数据与校验值不符(被改动或损坏),整卷拒收',
            "An attachment's bytes in the batch file do not match their checksum (altered or damaged); the part is refused",
          );
        return bytes;
      },
      close: () => closeSync(fd),
    };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}
