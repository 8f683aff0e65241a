// Head office's migration files (migrations/ for SQLite, migrations-pg/ for PostgreSQL), read
// and hashed for the shared runner (src-main/shared/migration-runner.ts) the branch uses too.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Migration, orderedMigrations } from '../src-main/shared/migration-runner';

export function loadHqMigrations(kind: 'sqlite' | 'pg'): Migration[] {
  const dir = join(import.meta.dirname, kind === 'pg' ? 'migrations-pg' : 'migrations');
  return orderedMigrations(
    readdirSync(dir),
    (f) => readFileSync(join(dir, f), 'utf8'),
    (t) => createHash('sha256').update(t).digest('hex'),
  );
}

/** How head office names its store in a refusal. */
export const HQ_STORE = { zh: '总部数据库', en: 'the head-office store' };
