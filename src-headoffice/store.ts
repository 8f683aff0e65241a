// The head-office store: SQLite (better-sqlite3) with its own ordered migrations, WAL and
// synchronous=FULL, because an acknowledged batch must survive a power cut at head office.
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { refuse } from '../src-main/shared/errors';

export type HqDb = Database.Database;

const MIGRATIONS = join(import.meta.dirname, 'migrations');

export function openHqStore(file: string): HqDb {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  const files = readdirSync(MIGRATIONS).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > files.length) {
    db.close();
    throw refuse('STORE_TOO_NEW', `总部数据库版本 ${current} 比本程序新,请升级`, `The head-office store is version ${current}, newer than this program; upgrade it`);
  }
  files.forEach((f, i) => {
    if (i + 1 <= current) return;
    db.transaction(() => {
      db.exec(readFileSync(join(MIGRATIONS, f), 'utf8'));
      db.pragma(`user_version = ${i + 1}`);
    })();
  });
  return db;
}

/** Prepared once per connection and SQL text: the importer runs these 100,000 times. */
const cache = new WeakMap<HqDb, Map<string, Database.Statement>>();
export function q(db: HqDb, sql: string): Database.Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}
