// Reads the audit log wherever its rows are, the hot table or the archive (audit-archive.ts): every
// row as written, in seq order (archived rows are always older in seq than the hot table's), with a
// synced creation's `after` resolved from the outbox row it refers to (audit-after.ts).
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { afterResolver } from './audit-after';
import { AUDIT_COLUMNS, type AuditRow, type Chunk, chunkRows, chunkRowsMentioning } from './audit-archive';

export type { AuditRow } from './audit-archive';

const CHUNK_COLUMNS = 'first_seq, row_count, sha256, body';

/** Every audit row, archived then hot, in seq order (each archived outbox chunk a reference needs is read once). */
export function* auditRows(db: Db): Generator<AuditRow> {
  const resolve = afterResolver(db, 'all');
  const chunks = db
    .prepare(`SELECT ${CHUNK_COLUMNS} FROM audit_archive ORDER BY first_seq`)
    .iterate() as IterableIterator<Chunk>;
  for (const c of chunks) for (const r of chunkRows(c)) yield resolve(r);
  const hot = db.prepare(`SELECT ${AUDIT_COLUMNS} FROM audit_log ORDER BY seq`).iterate() as IterableIterator<AuditRow>;
  for (const r of hot) yield resolve(r);
}

/** How many audit rows the store holds, archived or not. */
export function auditCount(db: Db): number {
  const row = stmt(
    db,
    'SELECT (SELECT count(*) FROM audit_log) + coalesce((SELECT sum(row_count) FROM audit_archive), 0) AS n',
  ).get() as { n: number };
  return row.n;
}

/** The rows of these entities (a case and its follow-ups, say), in seq order. */
export function auditRowsOf(db: Db, entities: { entity: string; ids: string[] }[]): AuditRow[] {
  const wanted = new Set(entities.flatMap((e) => e.ids.map((id) => `${e.entity}\u0000${id}`)));
  if (wanted.size === 0) return [];
  const ids = [...new Set(entities.flatMap((e) => e.ids))];
  const marks = ids.map(() => '?').join(', ');
  const chunks = db
    .prepare(
      `SELECT ${CHUNK_COLUMNS} FROM audit_archive WHERE first_seq IN
         (SELECT first_seq FROM audit_archive_entity WHERE entity_id IN (${marks})) ORDER BY first_seq`,
    )
    .all(...ids) as Chunk[];
  const archived = chunks.flatMap((c) =>
    chunkRowsMentioning(c, ids).filter((r) => wanted.has(`${r.entity}\u0000${r.entity_id}`)),
  );
  const hot = entities
    .filter((e) => e.ids.length > 0)
    .flatMap(
      (e) =>
        db
          .prepare(
            `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE entity = ? AND entity_id IN (${e.ids.map(() => '?').join(', ')})`,
          )
          .all(e.entity, ...e.ids) as AuditRow[],
    )
    .sort((a, b) => a.seq - b.seq);
  return [...archived, ...hot].map(afterResolver(db, 'few'));
}

/** Whether a row with this id is held; an archived row is looked for in the chunks whose times cover `at`. */
export function auditIdHeld(db: Db, id: string, at: number): boolean {
  if (stmt(db, 'SELECT 1 FROM audit_log WHERE id = ?').get(id)) return true;
  const chunks = stmt(
    db,
    `SELECT ${CHUNK_COLUMNS} FROM audit_archive WHERE min_at <= ? AND max_at >= ? ORDER BY first_seq`,
  ).all(at, at) as Chunk[];
  return chunks.some((c) => chunkRowsMentioning(c, [id]).some((r) => r.id === id));
}

/** The newest row this user wrote (name and staff number as they were then), hot table first. */
export function latestRowBy(db: Db, actorId: string): AuditRow | undefined {
  const hot = stmt(db, `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE actor_id = ? ORDER BY seq DESC LIMIT 1`).get(
    actorId,
  ) as AuditRow | undefined;
  const resolve = afterResolver(db, 'few');
  if (hot) return resolve(hot);
  const chunks = db
    .prepare(`SELECT ${CHUNK_COLUMNS} FROM audit_archive ORDER BY first_seq DESC`)
    .iterate() as IterableIterator<Chunk>;
  for (const c of chunks) {
    const mine = chunkRows(c).filter((r) => r.actor_id === actorId);
    const last = mine[mine.length - 1];
    if (last) return resolve(last);
  }
  return undefined;
}
