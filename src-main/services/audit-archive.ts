// Moves audit rows older than the retention setting out of the hot audit_log into audit_archive
// (brotli chunks of consecutive rows, one row per line, every column kept as written; migration 0016).
import { brotliDecompressSync } from 'node:zlib';
import { compressChunk, moveInChunks, sha256Hex } from '../db/archive-chunks';
import type { Db } from '../db/connection';
import { refuse } from '../shared/errors';

const DAY = 86_400_000;
/** The shortest retention the setting allows; migration 0016's trigger enforces it with SQLite's clock. */
export const MIN_AUDIT_ARCHIVE_DAYS = 7;
/** Rows per chunk: small enough that a case's history inflates a chunk in a few milliseconds. */
const CHUNK_ROWS = 256;
/** Entities whose archived rows are found by id (the case history reads them). */
const INDEXED_ENTITIES = new Set(['case', 'follow_up']);

export interface AuditRow {
  seq: number;
  id: string;
  at: number;
  actor_id: string | null;
  actor_staff_no: string | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
}
type Packed = [
  number,
  string,
  number,
  string | null,
  string | null,
  string,
  string,
  string,
  string,
  string | null,
  string | null,
];

export const AUDIT_COLUMNS =
  'seq, id, at, actor_id, actor_staff_no, actor_name, action, entity, entity_id, before, after';

const pack = (r: AuditRow): Packed => [
  r.seq,
  r.id,
  r.at,
  r.actor_id,
  r.actor_staff_no,
  r.actor_name,
  r.action,
  r.entity,
  r.entity_id,
  r.before,
  r.after,
];
const unpack = ([
  seq,
  id,
  at,
  actor_id,
  actor_staff_no,
  actor_name,
  action,
  entity,
  entity_id,
  before,
  after,
]: Packed): AuditRow => ({
  seq,
  id,
  at,
  actor_id,
  actor_staff_no,
  actor_name,
  action,
  entity,
  entity_id,
  before,
  after,
});

export interface Chunk {
  first_seq: number;
  row_count: number;
  sha256: string;
  body: Buffer;
}

/** A chunk's text (one packed row per line), checked against its sha256. */
function chunkText(c: Chunk): string {
  const bytes = brotliDecompressSync(c.body);
  if (sha256Hex(bytes) !== c.sha256)
    throw refuse(
      'STORE_CORRUPT',
      `审计记录归档(自序号 ${c.first_seq})校验不符`,
      `The audit archive chunk from seq ${c.first_seq} fails its checksum`,
    );
  return bytes.toString('utf8');
}

const parseLine = (line: string): AuditRow => unpack(JSON.parse(line) as Packed);

/** A chunk's rows, every one. */
export function chunkRows(c: Chunk): AuditRow[] {
  const lines = chunkText(c).split('\n');
  if (lines.length !== c.row_count) throw new Error(`audit archive chunk ${c.first_seq} holds ${lines.length} rows`);
  return lines.map(parseLine);
}

/**
 * The rows of a chunk that mention one of these strings (JSON-escaped, as a row's text holds
 * them), in order, each line found by search and parsed alone: a case's history reads a few
 * lines of a chunk, not all of them.
 */
export function chunkRowsMentioning(c: Chunk, needles: string[]): AuditRow[] {
  const text = chunkText(c);
  const starts = new Set<number>();
  for (const needle of needles.map((n) => JSON.stringify(n)))
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length))
      starts.add(text.lastIndexOf('\n', at) + 1);
  return [...starts]
    .sort((a, b) => a - b)
    .map((from) => {
      const to = text.indexOf('\n', from);
      return parseLine(text.slice(from, to === -1 ? undefined : to));
    });
}

/** Rows as a chunk stores them: one JSON array per line (JSON escapes every newline inside a value). */
const packText = (rows: AuditRow[]): string => rows.map((r) => JSON.stringify(pack(r))).join('\n');

export interface AuditArchiveOptions {
  now: number;
  days: number;
  /** Upper bound on chunks moved in this call, so one run never holds the store long. */
  maxChunks?: number;
}
export interface AuditArchiveResult {
  rows: number;
  chunks: number;
}

/** The oldest rows of the hot audit log that may leave: older than the cutoff, a prefix in seq order. */
function nextChunk(db: Db, cutoff: number): AuditRow[] {
  const rows = db.prepare(`SELECT ${AUDIT_COLUMNS} FROM audit_log ORDER BY seq LIMIT ?`).all(CHUNK_ROWS) as AuditRow[];
  const stop = rows.findIndex((r) => r.at >= cutoff);
  return stop === -1 ? rows : rows.slice(0, stop);
}

/** Archives what may leave, one transaction per chunk; the written chunk is read back and compared before any row is deleted. */
export function archiveAudit(db: Db, o: AuditArchiveOptions): AuditArchiveResult {
  if (!Number.isInteger(o.days) || o.days < MIN_AUDIT_ARCHIVE_DAYS)
    throw refuse(
      'VALIDATION',
      `审计记录在本机的保留天数须为不少于 ${MIN_AUDIT_ARCHIVE_DAYS} 的整数`,
      `The audit log retention (days) must be a whole number of at least ${MIN_AUDIT_ARCHIVE_DAYS}`,
    );
  // The trigger checks age with SQLite's own clock; a caller's clock ahead of it must not overreach.
  const cutoff = Math.min(o.now - o.days * DAY, Date.now() - MIN_AUDIT_ARCHIVE_DAYS * DAY);
  const one = db.transaction((): number => {
    const rows = nextChunk(db, cutoff);
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (!first || !last) return 0;
    const text = packText(rows);
    const chunk: Chunk = {
      first_seq: first.seq,
      row_count: rows.length,
      sha256: sha256Hex(text),
      body: compressChunk(text),
    };
    if (packText(chunkRows(chunk)) !== text) throw new Error('audit archive chunk did not read back');
    const ats = rows.map((r) => r.at);
    db.prepare(
      'INSERT INTO audit_archive (first_seq, last_seq, row_count, min_at, max_at, sha256, body, archived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(first.seq, last.seq, rows.length, Math.min(...ats), Math.max(...ats), chunk.sha256, chunk.body, o.now);
    const entity = db.prepare('INSERT INTO audit_archive_entity (entity_id, first_seq) VALUES (?, ?)');
    for (const id of new Set(rows.filter((r) => INDEXED_ENTITIES.has(r.entity)).map((r) => r.entity_id)))
      entity.run(id, first.seq);
    const gone = db.prepare('DELETE FROM audit_log WHERE seq BETWEEN ? AND ?').run(first.seq, last.seq).changes;
    if (gone !== rows.length) throw new Error(`audit archive moved ${gone} rows, expected ${rows.length}`);
    return rows.length;
  });
  return moveInChunks(one, o.maxChunks);
}
