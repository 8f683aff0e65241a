// The head-office stores every head-office test runs against: SQLite always, PostgreSQL when
// HQ_TEST_DATABASE_URL is set (each test directory gets its own schema, dropped after). In CI
// the PostgreSQL run is required: a missing URL fails the suite instead of skipping it.
// HQ_TEST_BACKENDS=sqlite (set by `npm run test:fast`, never by `npm test`) leaves PostgreSQL out.
import { basename } from 'node:path';
import { join } from 'node:path';
import pg from 'pg';
import { type HqStore, openHqStore } from '../../src-headoffice/store';

const SQLITE_ONLY = process.env.HQ_TEST_BACKENDS === 'sqlite';
const PG_URL = SQLITE_ONLY ? '' : (process.env.HQ_TEST_DATABASE_URL ?? '');
if (process.env.CI && !PG_URL && !SQLITE_ONLY) {
  throw new Error(
    'CI is set but HQ_TEST_DATABASE_URL is not: the head-office tests must also run on PostgreSQL (see .ci/run and scripts/pg-local.sh)',
  );
}

export interface HqBackend {
  name: 'sqlite' | 'pg';
  /** Where the store of a test directory lives: a file, or a URL and schema. */
  locate(dir: string, name?: string): { target: string; schema?: string };
  /** Opens (creating on first use) the store of a test directory; the same dir opens the same store. */
  open(dir: string, name?: string): Promise<HqStore>;
  /** The CLI's --db value and environment for the same store. */
  cli(dir: string, name?: string): { db: string; env: Record<string, string> };
  /** Removes what open created outside the directory (the PostgreSQL schema). */
  drop(dir: string, name?: string): Promise<void>;
}

const schemaOf = (dir: string, name = 'hq') =>
  `t_${basename(dir)}_${name}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 60);

const sqlite: HqBackend = {
  name: 'sqlite',
  locate: (dir, name = 'hq') => ({ target: join(dir, `${name}.sqlite`) }),
  open: (dir, name = 'hq') => openHqStore(join(dir, `${name}.sqlite`)),
  // Head office's attachment folder where startHq puts it (test/sync/sync-harness.ts).
  cli: (dir, name = 'hq') => ({
    db: join(dir, `${name}.sqlite`),
    env: { HQ_ATTACHMENTS_DIR: join(dir, 'hq-attachments') },
  }),
  drop: async () => {},
};

const postgres: HqBackend = {
  name: 'pg',
  locate: (dir, name) => ({ target: PG_URL, schema: schemaOf(dir, name) }),
  open: (dir, name) => openHqStore(PG_URL, { schema: schemaOf(dir, name), poolSize: 4 }),
  // serve requires an attachment folder with PostgreSQL: where startHq puts it (test/sync/sync-harness.ts).
  cli: (dir, name) => ({
    db: PG_URL,
    env: { HQ_DATABASE_SCHEMA: schemaOf(dir, name), HQ_ATTACHMENTS_DIR: join(dir, 'hq-attachments') },
  }),
  drop: async (dir, name) => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    try {
      await c.query(`DROP SCHEMA IF EXISTS "${schemaOf(dir, name)}" CASCADE`);
    } finally {
      await c.end();
    }
  },
};

export const HQ_BACKENDS: HqBackend[] = PG_URL ? [sqlite, postgres] : [sqlite];

/** The backend named by HQ_TEST_BACKEND in a child process (default sqlite). */
export const backendNamed = (name: string | undefined): HqBackend => (name === 'pg' ? postgres : sqlite);

/** The first column of the first row as a number (counts and sums agree across stores). */
export async function scalar(store: HqStore, sql: string, params: (string | number)[] = []): Promise<number> {
  const row = await store.get<Record<string, unknown>>(sql, params);
  return Number(row ? (Object.values(row)[0] ?? 0) : 0);
}
