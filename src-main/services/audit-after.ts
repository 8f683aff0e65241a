// A synced creation's `after` in audit_log, stored as a reference to the outbox row of the same transaction (issue 16):
// written here, and resolved here for every reader of the audit log (audit-read.ts), the outbox row hot or archived.
//
// Invariants:
// - The local form is `{"$snapshot":{"type","id","version","seq"}}` (SNAPSHOT_REF, as head office receives it, plus
//   the outbox seq). The outbox row at `seq` holds byte for byte the text the audit row held before references
//   (changes.ts writes both from one serialisation), and it never goes away: the outbox and its archive are
//   append-only. Anonymisation scrubs that row in place, so a resolved `after` is scrubbed too.
// - A reference resolves only to the row of its own type, id and version; anything else is a corrupt store, refused.
// - A reference without `seq` (head office's form, merged into the store by a recovery) has no local row and reads
//   as it is, as it always did; a full `after` (every row written before references) reads as it is.
import { z } from 'zod';
import type { Db } from '../db/connection';
import { archivedOutboxChunkAt, type ArchivedOutboxChunk, type OutboxRow } from '../db/outbox-archive-read';
import { stmt } from '../db/statements';
import { refuse } from '../shared/errors';
import { SNAPSHOT_REF } from '../shared/sync-format';
import type { AuditRow } from './audit-archive';

const LocalRef = z.object({
  [SNAPSHOT_REF]: z.object({ type: z.string(), id: z.string(), version: z.number(), seq: z.number().int() }),
});
type LocalRef = z.infer<typeof LocalRef>[typeof SNAPSHOT_REF];

/** The text audit_log.after holds for a synced creation whose snapshot is the outbox row `seq`. */
export const snapshotRefJson = (type: string, id: string, version: number, seq: number): string =>
  JSON.stringify({ [SNAPSHOT_REF]: { type, id, version, seq } });

const PREFIX = `{${JSON.stringify(SNAPSHOT_REF)}:`;

/** The local reference an `after` holds, or null (a full `after`, or head office's reference without a seq). */
function localRef(after: string | null): LocalRef | null {
  // Cheap test first: a full `after` never starts so (no record has a field named $snapshot).
  if (after === null || !after.startsWith(PREFIX)) return null;
  const parsed = LocalRef.safeParse(JSON.parse(after));
  return parsed.success ? parsed.data[SNAPSHOT_REF] : null;
}

/**
 * How a resolver reads archived outbox chunks: `few` finds each row by search in the chunk's text (a case's
 * history: a handful of rows), `all` parses a chunk once and keeps its rows (the whole log, in seq order).
 */
export type ResolveMode = 'few' | 'all';

/** Chunks kept decompressed by one resolver: the references of a case or of the log in order meet few of them. */
const KEPT_CHUNKS = 4;

/**
 * A function that gives an audit row with its `after` resolved. One resolver serves one read: it keeps the last
 * few archived chunks it opened, so rows in seq order decompress each outbox chunk once.
 */
export function afterResolver(db: Db, mode: ResolveMode): (row: AuditRow) => AuditRow {
  const hot = stmt(db, 'SELECT record_type, record_id, version, payload FROM outbox WHERE seq = ?');
  const chunks = new Map<number, { chunk: ArchivedOutboxChunk; rows: Map<number, OutboxRow> | null }>();
  const archived = (seq: number): OutboxRow | undefined => {
    let held = [...chunks.values()].find((c) => c.chunk.firstSeq <= seq && c.chunk.lastSeq >= seq);
    if (!held) {
      const chunk = archivedOutboxChunkAt(db, seq);
      if (!chunk) return undefined;
      held = { chunk, rows: mode === 'all' ? new Map(chunk.rows().map((r) => [r.seq, r])) : null };
      chunks.set(chunk.firstSeq, held);
      const oldest = chunks.keys().next().value;
      if (chunks.size > KEPT_CHUNKS && oldest !== undefined) chunks.delete(oldest);
    }
    return held.rows ? held.rows.get(seq) : held.chunk.row(seq);
  };
  return (row) => {
    const ref = localRef(row.after);
    if (!ref) return row;
    const found = (hot.get(ref.seq) as Omit<OutboxRow, 'seq'> | undefined) ?? archived(ref.seq);
    if (!found || found.record_type !== ref.type || found.record_id !== ref.id || found.version !== ref.version)
      throw refuse(
        'STORE_CORRUPT',
        `审计记录 ${row.id} 所指的同步记录(序号 ${ref.seq})缺失或不符`,
        `The outbox row (seq ${ref.seq}) audit row ${row.id} refers to is missing or another record`,
      );
    return { ...row, after: found.payload };
  };
}
