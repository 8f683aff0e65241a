// Reads the unsent outbox in sequence order and cuts it into batches capped by record count
// and bytes. A single record larger than the byte cap still goes, alone: it can never be
// split, and holding it back would hold back everything after it.
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { type BatchRecord, encodeBatch, recordLine } from './batch-format';
import { epochOf } from './sync-state';
import type { OutboxRow as StoredOutboxRow } from '../db/outbox-archive-read';

export interface BatchCaps {
  maxRecords: number;
  /** Uncompressed bytes of the record lines. */
  maxBytes: number;
}

// Small enough that both sides stay well under 300 MB with a 100k backlog, large enough
// that the per-batch commit and round trip do not dominate.
export const DEFAULT_CAPS: BatchCaps = { maxRecords: 2000, maxBytes: 4 * 1024 * 1024 };

/** An outbox row as a batch reads it: everything but its creation time. */
type OutboxRow = Omit<StoredOutboxRow, 'created_at'>;

/** The records of the next batch after `afterSeq`, or none when the outbox is drained. */
export function nextRecords(db: Db, afterSeq: number, caps: BatchCaps = DEFAULT_CAPS): BatchRecord[] {
  const rows = stmt(
    db,
    'SELECT seq, record_type, record_id, version, schema_version, payload FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?',
  ).all(afterSeq, caps.maxRecords) as OutboxRow[];
  const out: BatchRecord[] = [];
  let bytes = 0;
  for (const r of rows) {
    const rec: BatchRecord = {
      seq: r.seq,
      type: r.record_type,
      id: r.record_id,
      version: r.version,
      schema: r.schema_version,
      data: r.payload,
    };
    const size = Buffer.byteLength(recordLine(rec)) + 1;
    if (out.length > 0 && bytes + size > caps.maxBytes) break;
    out.push(rec);
    bytes += size;
  }
  return out;
}

export interface BuiltBatch {
  firstSeq: number;
  lastSeq: number;
  count: number;
  /** gzipped body, ready to sign and send. */
  body: Buffer;
}

export function buildBatch(
  db: Db,
  branch: string,
  afterSeq: number,
  caps: BatchCaps = DEFAULT_CAPS,
): BuiltBatch | null {
  const records = nextRecords(db, afterSeq, caps);
  if (records.length === 0) return null;
  const { envelope, body } = encodeBatch(branch, epochOf(db), records);
  return { firstSeq: envelope.firstSeq, lastSeq: envelope.lastSeq, count: envelope.count, body };
}
