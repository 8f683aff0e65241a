// Reads the outbox archive back (migrations 0015, 0017): every row in seq order, or the chunk covering one seq and one
// row of it found by search without parsing the rest (an audit row's reference to its snapshot, services/audit-after.ts).
import { brotliDecompressSync, inflateSync } from 'node:zlib';
import { refuse } from '../shared/errors';
import { sha256Hex } from './archive-chunks';
import type { Db } from './connection';

export interface OutboxRow {
  seq: number;
  record_type: string;
  record_id: string;
  version: number;
  schema_version: number;
  payload: string;
  created_at: number;
}
/** A row as a chunk stores it: [seq, record_type, record_id, version, schema_version, payload, created_at]. */
export type PackedOutboxRow = [number, string, string, number, number, string, number];

const unpack = (p: PackedOutboxRow): OutboxRow => ({
  seq: p[0],
  record_type: p[1],
  record_id: p[2],
  version: p[3],
  schema_version: p[4],
  payload: p[5],
  created_at: p[6],
});

/** A chunk says its codec: those written before migration 0017 are deflate. */
export const decompressOutboxChunk = (codec: string, body: Buffer): Buffer =>
  codec === 'brotli' ? brotliDecompressSync(body) : inflateSync(body);

interface StoredChunk {
  first_seq: number;
  last_seq: number;
  row_count: number;
  sha256: string;
  body: Buffer;
  codec: string;
}
const CHUNK_COLUMNS = 'first_seq, last_seq, row_count, sha256, body, codec';

/**
 * A chunk's bytes (its rows as one JSON array, UTF-8), checked against its sha256 (of that text: the same digest
 * as of its bytes). Left as bytes: a look-up by seq decodes one row, not the chunk.
 */
function chunkBytes(c: StoredChunk): Buffer {
  const bytes = decompressOutboxChunk(c.codec, c.body);
  if (sha256Hex(bytes) !== c.sha256)
    throw refuse(
      'STORE_CORRUPT',
      `待同步记录归档(自序号 ${c.first_seq})校验不符`,
      `The outbox archive chunk from seq ${c.first_seq} fails its checksum`,
    );
  return bytes;
}

function chunkRows(c: StoredChunk, bytes: Buffer): OutboxRow[] {
  const rows = JSON.parse(bytes.toString('utf8')) as PackedOutboxRow[];
  if (rows.length !== c.row_count) throw new Error(`outbox archive chunk ${c.first_seq} holds ${rows.length} rows`);
  return rows.map(unpack);
}

/** Every archived row in seq order, each chunk checked against its sha256. */
export function* archivedOutboxRows(db: Db): Generator<OutboxRow> {
  const chunks = db
    .prepare(`SELECT ${CHUNK_COLUMNS} FROM outbox_archive ORDER BY first_seq`)
    .iterate() as IterableIterator<StoredChunk>;
  for (const c of chunks) yield* chunkRows(c, chunkBytes(c));
}

/** One archived chunk, checked once, read back two ways: every row, or one row by its seq. */
export interface ArchivedOutboxChunk {
  firstSeq: number;
  lastSeq: number;
  rows(): OutboxRow[];
  row(seq: number): OutboxRow | undefined;
}

/** The archived chunk that covers this seq, or null when none does. */
export function archivedOutboxChunkAt(db: Db, seq: number): ArchivedOutboxChunk | null {
  const c = db
    .prepare(`SELECT ${CHUNK_COLUMNS} FROM outbox_archive WHERE first_seq <= ? AND last_seq >= ?`)
    .get(seq, seq) as StoredChunk | undefined;
  if (!c) return null;
  const bytes = chunkBytes(c);
  return {
    firstSeq: c.first_seq,
    lastSeq: c.last_seq,
    rows: () => chunkRows(c, bytes),
    row: (wanted) => {
      const packed = packedRowAt(bytes, wanted);
      return packed ? unpack(packed) : undefined;
    },
  };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const COMMA = 0x2c;

/**
 * The packed row of this seq in a chunk's bytes, found by search and decoded alone. A row starts `[SEQ,"` after
 * the array's `[` or a `,`; inside a JSON string every `"` is escaped, so an unescaped `"` there opens the row's
 * record type. The row ends where its brackets close, strings skipped. Scanning bytes is safe: no byte of a
 * multi-byte UTF-8 character is below 0x80.
 */
function packedRowAt(bytes: Buffer, seq: number): PackedOutboxRow | undefined {
  const needle = Buffer.from(`[${seq},"`, 'utf8');
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) {
    const prev = bytes[at - 1];
    if (prev !== OPEN && prev !== COMMA) continue;
    const row = JSON.parse(bytes.toString('utf8', at, closingBracket(bytes, at) + 1)) as PackedOutboxRow;
    if (row[0] === seq) return row;
  }
  return undefined;
}

/** The index of the `]` that closes the array opened at `from`, JSON strings skipped. */
function closingBracket(bytes: Buffer, from: number): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) inString = true;
    else if (b === OPEN) depth++;
    else if (b === CLOSE && --depth === 0) return i;
  }
  throw new Error('outbox archive chunk: a row does not close');
}
