// Prepared statements cached per connection: better-sqlite3 compiles on prepare, and the
// hot paths (intake, queues) run the same few statements thousands of times.
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';

const caches = new WeakMap<Db, Map<string, Statement>>();

export function stmt(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}

const runners = new WeakMap<Db, (work: () => unknown) => unknown>();

/**
 * `db.transaction(work)()` — a transaction, or a savepoint inside an open one; a throw rolls back —
 * with the wrapper made once per connection: `transaction()` builds four wrapper functions per call.
 */
export function inTransaction<T>(db: Db, work: () => T): T {
  let run = runners.get(db);
  if (!run) {
    run = db.transaction((w: () => unknown) => w());
    runners.set(db, run);
  }
  return run(work) as T;
}

/**
 * Rows inserted, updated or deleted on this connection since it opened, triggers' included
 * (SQLite's total_changes()): equal before and after a piece of work, the work wrote nothing.
 */
export const totalChanges = (db: Db): number => (stmt(db, 'SELECT total_changes() AS n').get() as { n: number }).n;

const snakeCache = new Map<string, string>();
/** camelCase field → snake_case column; the hot paths name the same few dozen columns on every write. */
const snake = (k: string): string => {
  let s = snakeCache.get(k);
  if (s === undefined) {
    s = k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    snakeCache.set(k, s);
  }
  return s;
};
const camelCache = new Map<string, string>();
/** Column names are few and repeat on every row: convert each once. */
export const camel = (k: string): string => {
  let c = camelCache.get(k);
  if (c === undefined) {
    c = k.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());
    camelCache.set(k, c);
  }
  return c;
};

/** snake_case row → camelCase object. */
export function fromRow<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[camel(k)] = v;
  return out as T;
}

/** SQLite cannot bind booleans or undefined: map them to 0/1 and NULL. */
const bindable = (v: unknown): unknown => (typeof v === 'boolean' ? (v ? 1 : 0) : v === undefined ? null : v);

export function insertRow(db: Db, table: string, record: Record<string, unknown>): number {
  const keys = Object.keys(record);
  const sql = `INSERT INTO ${table} (${keys.map(snake).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`;
  return Number(stmt(db, sql).run(...keys.map((k) => bindable(record[k]))).lastInsertRowid);
}

/** Inserts one row and returns it as stored (defaults filled in, rowid included), without a second read. */
export function insertRowReturning(db: Db, table: string, record: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(record);
  const sql = `INSERT INTO ${table} (${keys.map(snake).join(', ')}) VALUES (${keys.map(() => '?').join(', ')}) RETURNING *`;
  return stmt(db, sql).get(...keys.map((k) => bindable(record[k]))) as Record<string, unknown>;
}

/** Updates the given columns of one row by id; the caller bumps `version`. */
export function updateRow(db: Db, table: string, id: string, patch: Record<string, unknown>): void {
  const keys = Object.keys(patch);
  if (keys.length === 0) return;
  const sql = `UPDATE ${table} SET ${keys.map((k) => `${snake(k)} = ?`).join(', ')} WHERE id = ?`;
  const r = stmt(db, sql).run(...keys.map((k) => bindable(patch[k])), id);
  if (r.changes !== 1) throw new Error(`update of ${table} ${id} changed ${r.changes} rows`);
}

/** `updateRow` that returns the whole row as stored after the update, without a second read. */
export function updateRowReturning(
  db: Db,
  table: string,
  id: string,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const keys = Object.keys(patch);
  const sql = `UPDATE ${table} SET ${keys.map((k) => `${snake(k)} = ?`).join(', ')} WHERE id = ? RETURNING *`;
  const rows = stmt(db, sql).all(...keys.map((k) => bindable(patch[k])), id) as Record<string, unknown>[];
  if (rows.length !== 1) throw new Error(`update of ${table} ${id} changed ${rows.length} rows`);
  return rows[0] as Record<string, unknown>;
}
