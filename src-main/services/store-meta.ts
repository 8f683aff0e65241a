// Facts about the store itself (table store_meta): whether `seed-demo` made it, so that only a
// demo store shows the demo accounts on the sign-in card.
import { stmt } from '../db/statements';
import type { Db } from '../db/connection';

const DEMO_KEY = 'demo_store';

export function markDemoStore(db: Db): void {
  stmt(db, 'INSERT OR REPLACE INTO store_meta (key, value) VALUES (?, ?)').run(DEMO_KEY, '1');
}

export function isDemoStore(db: Db): boolean {
  return stmt(db, 'SELECT value FROM store_meta WHERE key = ?').get(DEMO_KEY) !== undefined;
}
