// The update's state in the sync_state key/value table: the version offered, its verified file, the version the manager deferred and when head office was last asked.
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';

const get = (db: Db, key: string): string | null =>
  (stmt(db, 'SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
const put = (db: Db, key: string, value: string | null): void => {
  if (value === null) stmt(db, 'DELETE FROM sync_state WHERE key = ?').run(key);
  else
    stmt(
      db,
      'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ).run(key, value);
};

export interface UpdateState {
  available: string | null;
  file: string | null;
  deferred: string | null;
  checkedAt: number | null;
}

export function readUpdateState(db: Db): UpdateState {
  const checked = get(db, 'update_checked_at');
  return {
    available: get(db, 'update_available'),
    file: get(db, 'update_file'),
    deferred: get(db, 'update_deferred'),
    checkedAt: checked === null ? null : Number(checked),
  };
}

export function writeUpdateState(db: Db, s: Partial<UpdateState>): void {
  if (s.available !== undefined) put(db, 'update_available', s.available);
  if (s.file !== undefined) put(db, 'update_file', s.file);
  if (s.deferred !== undefined) put(db, 'update_deferred', s.deferred);
  if (s.checkedAt !== undefined) put(db, 'update_checked_at', s.checkedAt === null ? null : String(s.checkedAt));
}
