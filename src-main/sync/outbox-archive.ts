// Moves acknowledged outbox rows older than the retention setting out of the hot table into
// outbox_archive (compressed chunks that say their codec, deflate before 0017 and brotli since, every byte kept; migrations 0015, 0017), and reads them back.
import { brotliDecompressSync, inflateSync } from 'node:zlib';
import { compressChunk, moveInChunks, sha256Hex } from '../db/archive-chunks';
import type { Db } from '../db/connection';
import { refuse } from '../shared/errors';
import { ackedSeq } from './sync-state';

const DAY = 86_400_000;
/** The shortest retention the setting allows; migration 0015's trigger enforces it with SQLite's clock. */
export const MIN_OUTBOX_ARCHIVE_DAYS = 7;
export const DEFAULT_OUTBOX_ARCHIVE_DAYS = 30;
const CHUNK_ROWS = 2_000;

export interface OutboxRow {
  seq: number;
  record_type: string;
  record_id: string;
  version: number;
  schema_version: number;
  payload: string;
  created_at: number;
}
type Packed = [number, string, string, number, number, string, number];

const pack = (r: OutboxRow): Packed => [
  r.seq,
  r.record_type,
  r.record_id,
  r.version,
  r.schema_version,
  r.payload,
  r.created_at,
];
const unpack = ([seq, record_type, record_id, version, schema_version, payload, created_at]: Packed): OutboxRow => ({
  seq,
  record_type,
  record_id,
  version,
  schema_version,
  payload,
  created_at,
});

export interface ArchiveOptions {
  now: number;
  days: number;
  /** Upper bound on chunks moved in this call, so one run never holds the store long. */
  maxChunks?: number;
}
export interface ArchiveResult {
  rows: number;
  chunks: number;
}

/** The oldest rows of the hot outbox that may leave: acknowledged and older than the cutoff, a prefix in seq order. */
function nextChunk(db: Db, acked: number, cutoff: number): OutboxRow[] {
  const rows = db
    .prepare(
      'SELECT seq, record_type, record_id, version, schema_version, payload, created_at FROM outbox WHERE seq <= ? ORDER BY seq LIMIT ?',
    )
    .all(acked, CHUNK_ROWS) as OutboxRow[];
  const stop = rows.findIndex((r) => r.created_at >= cutoff);
  return stop === -1 ? rows : rows.slice(0, stop);
}

/** A chunk says its codec: those written before migration 0017 are deflate. */
const decompress = (codec: string, body: Buffer): Buffer =>
  codec === 'brotli' ? brotliDecompressSync(body) : inflateSync(body);

/** Archives what may leave, one transaction per chunk; the written chunk is read back and compared before any row is deleted. */
export function archiveOutbox(db: Db, o: ArchiveOptions): ArchiveResult {
  if (!Number.isInteger(o.days) || o.days < MIN_OUTBOX_ARCHIVE_DAYS)
    throw refuse(
      'VALIDATION',
      `待同步记录的保留天数须为不少于 ${MIN_OUTBOX_ARCHIVE_DAYS} 的整数`,
      `The outbox retention (days) must be a whole number of at least ${MIN_OUTBOX_ARCHIVE_DAYS}`,
    );
  // The trigger checks age with SQLite's own clock; a caller's clock ahead of it must not overreach.
  const cutoff = Math.min(o.now - o.days * DAY, Date.now() - MIN_OUTBOX_ARCHIVE_DAYS * DAY);
  const one = db.transaction((): number => {
    const rows = nextChunk(db, ackedSeq(db), cutoff);
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (!first || !last) return 0;
    const text = JSON.stringify(rows.map(pack));
    const body = compressChunk(text);
    if (decompress('brotli', body).toString('utf8') !== text) throw new Error('outbox archive chunk did not read back');
    db.prepare(
      "INSERT INTO outbox_archive (first_seq, last_seq, row_count, sha256, body, archived_at, codec) VALUES (?, ?, ?, ?, ?, ?, 'brotli')",
    ).run(first.seq, last.seq, rows.length, sha256Hex(text), body, o.now);
    const gone = db.prepare('DELETE FROM outbox WHERE seq BETWEEN ? AND ?').run(first.seq, last.seq).changes;
    if (gone !== rows.length) throw new Error(`outbox archive moved ${gone} rows, expected ${rows.length}`);
    return rows.length;
  });
  return moveInChunks(one, o.maxChunks);
}

/** Every archived row in seq order, each chunk checked against its sha256. */
export function* archivedOutboxRows(db: Db): Generator<OutboxRow> {
  const chunks = db
    .prepare('SELECT first_seq, row_count, sha256, body, codec FROM outbox_archive ORDER BY first_seq')
    .iterate() as IterableIterator<{
    first_seq: number;
    row_count: number;
    sha256: string;
    body: Buffer;
    codec: string;
  }>;
  for (const c of chunks) {
    const text = decompress(c.codec, c.body).toString('utf8');
    if (sha256Hex(text) !== c.sha256)
      throw refuse(
        'STORE_CORRUPT',
        `待同步记录归档(自序号 ${c.first_seq})校验不符`,
        `The outbox archive chunk from seq ${c.first_seq} fails its checksum`,
      );
    const rows = JSON.parse(text) as Packed[];
    if (rows.length !== c.row_count) throw new Error(`outbox archive chunk ${c.first_seq} holds ${rows.length} rows`);
    for (const r of rows) yield unpack(r);
  }
}

/** The highest sequence this store ever wrote, whether still in the outbox or archived. */
export function newestOutboxSeq(db: Db): number {
  const row = db
    .prepare(
      'SELECT max(coalesce((SELECT max(seq) FROM outbox), 0), coalesce((SELECT max(last_seq) FROM outbox_archive), 0)) AS n',
    )
    .get() as { n: number };
  return row.n;
}
