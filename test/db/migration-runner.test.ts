// The one migration runner: a checksum per applied file, verified at every open of the branch
// store and of both head-office stores; stores from before checksums open and get them recorded.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { loadHqMigrations } from '../../src-headoffice/migration-files';
import { openHqStore } from '../../src-headoffice/store';
import { openDatabase } from '../../src-main/db/connection';
import { loadMigrations } from '../../src-main/db/migrations';
import { AppError } from '../../src-main/shared/errors';
import { type Migration, planMigrations } from '../../src-main/shared/migration-runner';
import { tempDir } from '../helpers/store';

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const STORE = { zh: '测试库', en: 'the test store' };
const files: Migration[] = [1, 2, 3].map((v) => ({ version: v, name: `000${v}_m`, sql: `-- ${v}`, checksum: `c${v}` }));

/** The AppError a call throws (synchronously or as a rejection). */
async function refusal(work: () => unknown): Promise<AppError> {
  try {
    await work();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const dir = () => {
  const d = tempDir('migrations-');
  dirs.push(d);
  return d;
};

describe('planMigrations', () => {
  it('applies what is new and records checksums missing from an older store', () => {
    const plan = planMigrations(STORE, files, 2, [
      { version: 1, checksum: 'c1' },
      { version: 2, checksum: null },
    ]);
    expect(plan.pending.map((m) => m.version)).toEqual([3]);
    expect(plan.unrecorded.map((m) => m.version)).toEqual([2]);
    expect(planMigrations(STORE, files, 1, []).unrecorded.map((m) => m.version)).toEqual([1]);
  });

  it('refuses a changed applied file, naming it in both languages, and a store newer than the files', async () => {
    const e = await refusal(() =>
      planMigrations(STORE, files, 3, [
        { version: 1, checksum: 'c1' },
        { version: 2, checksum: 'other' },
      ]),
    );
    expect(e.code).toBe('STORE_CORRUPT');
    expect(e.messages.zh).toContain('0002_m');
    expect(e.messages.zh).toContain('校验和不符');
    expect(e.messages.en).toMatch(/migration 0002_m of .+ was changed after it was applied/);
    expect((await refusal(() => planMigrations(STORE, files, 4, []))).code).toBe('STORE_TOO_NEW');
    expect((await refusal(() => planMigrations(STORE, files, 3, [{ version: 4, checksum: 'c4' }]))).code).toBe(
      'STORE_TOO_NEW',
    );
  });
});

describe('the branch store', () => {
  it('refuses to open when a migration file changed after it was applied, and changes nothing', async () => {
    const d = dir();
    const migDir = join(d, 'migrations');
    cpSync(join(import.meta.dirname, '../../src-main/db/migrations'), migDir, { recursive: true });
    const file = join(d, 'branch.sqlite');
    const first = openDatabase(file, { migrations: loadMigrations(migDir) }).db;
    first.pragma('journal_mode = DELETE');
    first.close();
    appendFileSync(join(migDir, '0002_slips.sql'), '\n-- edited afterwards\n');
    const before = sha(file);
    const e = await refusal(() => openDatabase(file, { migrations: loadMigrations(migDir) }));
    expect(e.code).toBe('STORE_CORRUPT');
    expect(e.messages.zh).toContain('0002_slips');
    expect(e.messages.en).toMatch(/migration 0002_slips of .+ was changed after it was applied/);
    expect(sha(file)).toBe(before);
    // The shipped files still open it.
    openDatabase(file).db.close();
  });
});

describe('the head-office SQLite store', () => {
  it('records the checksums of a store from before them, then refuses one whose recorded file changed', async () => {
    const d = dir();
    const file = join(d, 'hq.sqlite');
    const old = new Database(file);
    old.exec(loadHqMigrations('sqlite')[0]?.sql ?? '');
    old.pragma('user_version = 1');
    old.close();
    await (await openHqStore(file)).close();
    const db = new Database(file);
    expect(db.prepare('SELECT version, checksum FROM hq_migrations ORDER BY version').all()).toEqual(
      loadHqMigrations('sqlite').map((m) => ({ version: m.version, checksum: m.checksum })),
    );
    db.prepare('UPDATE hq_migrations SET checksum = ? WHERE version = 2').run('0'.repeat(64));
    db.close();
    const e = await refusal(() => openHqStore(file));
    expect(e.code).toBe('STORE_CORRUPT');
    expect(e.messages.zh).toContain('总部数据库');
    expect(e.messages.en).toMatch(/migration 0002_console of .+ was changed after it was applied/);
  });
});

const PG_URL = process.env.HQ_TEST_DATABASE_URL ?? '';

describe.skipIf(!PG_URL)('the head-office PostgreSQL store', () => {
  const schema = `t_migration_runner_${process.pid}`;
  afterEach(async () => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await c.end();
  });

  it('records the checksums of a store from before them, then refuses one whose recorded file changed', async () => {
    await (await openHqStore(PG_URL, { schema, poolSize: 1 })).close();
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    try {
      await c.query(`ALTER TABLE "${schema}".hq_migrations DROP COLUMN checksum`);
      await (await openHqStore(PG_URL, { schema, poolSize: 1 })).close();
      const rows = await c.query(`SELECT version, checksum FROM "${schema}".hq_migrations ORDER BY version`);
      expect(rows.rows).toEqual(loadHqMigrations('pg').map((m) => ({ version: m.version, checksum: m.checksum })));
      await c.query(`UPDATE "${schema}".hq_migrations SET checksum = 'x' WHERE version = 1`);
    } finally {
      await c.end();
    }
    const e = await refusal(() => openHqStore(PG_URL, { schema, poolSize: 1 }));
    expect(e.code).toBe('STORE_CORRUPT');
    expect(e.messages.en).toMatch(/migration 0001_init of .+ was changed after it was applied/);
  });
});
