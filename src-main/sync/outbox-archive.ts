// Moves acknowledged outbox rows older than the retention setting out of the hot table into
// outbox_archive (compressed chunks that say their codec, deflate before 0017 and brotli since, every byte kept; migrations
// 0015, 0017); db/outbox-archive-read.ts reads them back.
import { compressChunk, moveInChunks, sha256Hex } from '../db/archive-chunks';
import type { Db } from '../db/connection';
import { decompressOutboxChunk, type OutboxRow, type PackedOutboxRow } from '../db/outbox-archive-read';
import { refuse } from '../shared/errors';
import { ackedSeq } from './sync-state';

const DAY = 86_400_000;
/** The shortest retention the setting allows; migration 0015's trigger enforces it with SQLite's clock. */
export const MIN_OUTBOX_ARCHIVE_DAYS = 7;
export const DEFAULT_OUTBOX_ARCHIVE_DAYS = 30;
const CHUNK_ROWS = 2_000;

export { archivedOutboxRows, type OutboxRow } from '../db/outbox-archive-read';

const pack = (r: OutboxRow): PackedOutboxRow => [
  r.seq,
  r.record_type,
  r.record_id,
  r.version,
  r.schema_version,
  r.payload,
  r.created_at,
];
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
    if (decompressOutboxChunk('brotli', body).toString('utf8') !== text)
      throw new Error('outbox archive chunk did not read back');
    db.prepare(
      "INSERT INTO outbox_archive (first_seq, last_seq, row_count, sha256, body, archived_at, codec) VALUES (?, ?, ?, ?, ?, ?, 'brotli')",
    ).run(first.seq, last.seq, rows.length, sha256Hex(text), body, o.now);
    const gone = db.prepare('DELETE FROM outbox WHERE seq BETWEEN ? AND ?').run(first.seq, last.seq).changes;
    if (gone !== rows.length) throw new Error(`outbox archive moved ${gone} rows, expected ${rows.length}`);
    return rows.length;
  });
  return moveInChunks(one, o.maxChunks);
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
