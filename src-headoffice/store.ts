// The head-office store, behind one async interface with two implementations: SQLite
// (better-sqlite3, a file: one office machine) and PostgreSQL (pg Pool: many reviewers,
// replication, larger volumes). `HQ_DATABASE_URL=postgres://…` chooses PostgreSQL; anything
// else is a SQLite file. SQL shared by both is written with `?` placeholders in the subset
// both understand (ON CONFLICT, RETURNING); the rest asks `store.kind`.
import { isPgUrl } from './store-types';
import type { HqStore, OpenOptions } from './store-types';

export type { HqStore, HqTx, HqQuery, Param, RecordRow, CaseRow, ImportWrites } from './store-types';

export const DEFAULT_SQLITE_FILE = 'headoffice.sqlite';

/**
 * The store named by `target` (a postgres:// URL or a file), else HQ_DATABASE_URL, else the
 * default file. On PostgreSQL, HQ_DATABASE_SCHEMA (or o.schema) puts the tables in that schema.
 */
export async function openHqStore(target?: string, o: OpenOptions = {}): Promise<HqStore> {
  const t = target ?? process.env.HQ_DATABASE_URL ?? DEFAULT_SQLITE_FILE;
  if (isPgUrl(t)) {
    const { openPgStore } = await import('./store-pg');
    const schema = o.schema ?? process.env.HQ_DATABASE_SCHEMA;
    return openPgStore(t, schema ? { ...o, schema } : o);
  }
  const { openSqliteStore } = await import('./store-sqlite');
  return openSqliteStore(t);
}
