// The branch store's migrations: the ordered NNNN_name.sql files of db/migrations, read and
// hashed here, run by the shared runner (shared/migration-runner.ts) that head office uses too.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Migration, orderedMigrations } from '../shared/migration-runner';

export type { Migration } from '../shared/migration-runner';

const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return orderedMigrations(readdirSync(dir), (f) => readFileSync(join(dir, f), 'utf8'), sha256);
}
