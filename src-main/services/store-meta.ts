// Facts about the store itself (table store_meta, one text value per key): read and written here, for
// whoever keeps one — whether `seed-demo` made the store (only a demo store shows the demo accounts on
// the sign-in card), the receipt format of the stored keys, the search index's mark, retention's last run.
import { stmt } from '../db/statements';
import type { Db } from '../db/connection';

/** The value stored under `key`, or null when there is none. */
export function readMeta(db: Db, key: string): string | null {
  const row = stmt(db, 'SELECT value FROM store_meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? row.value : null;
}

/** Stores `value` under `key`, replacing what was there. */
export function writeMeta(db: Db, key: string, value: string): void {
  stmt(db, 'INSERT OR REPLACE INTO store_meta (key, value) VALUES (?, ?)').run(key, value);
}

const DEMO_KEY = 'demo_store';

export function markDemoStore(db: Db): void {
  writeMeta(db, DEMO_KEY, '1');
}

export function isDemoStore(db: Db): boolean {
  return readMeta(db, DEMO_KEY) !== null;
}
