// What the outbox and audit archives share (migrations 0015–0017): the chunk codec, its checksum, and moving rows one
// chunk per transaction until nothing more may leave or the run's chunk budget is spent.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants } from 'node:zlib';

export const sha256Hex = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

/** Brotli quality 7: about a quarter smaller than deflate at its best, and a chunk compresses in tens of milliseconds. */
export function compressChunk(text: string): Buffer {
  const input = Buffer.from(text, 'utf8');
  return brotliCompressSync(input, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 7,
      [constants.BROTLI_PARAM_LGWIN]: 22,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: input.length,
    },
  });
}

export interface MoveResult {
  rows: number;
  chunks: number;
}

/** Runs `moveOne` (one chunk in its own transaction, answering the rows it moved) until it moves none or `maxChunks` ran. */
export function moveInChunks(moveOne: () => number, maxChunks = Infinity): MoveResult {
  const result: MoveResult = { rows: 0, chunks: 0 };
  while (result.chunks < maxChunks) {
    const n = moveOne();
    if (n === 0) break;
    result.rows += n;
    result.chunks += 1;
  }
  return result;
}
