// The one migration runner of every store (the branch's SQLite, head office's SQLite and
// PostgreSQL): ordered NNNN_name.sql files, a sha256 checksum recorded per applied file and
// verified at every open. No Node here (head office may import only shared): the stores pass
// in their files and a driver that runs the statements.
import { z } from 'zod';
import { type Bilingual, refuse } from './errors';

export interface Migration {
  version: number;
  /** The file name without `.sql`, e.g. `0002_slips`. */
  name: string;
  sql: string;
  /** sha256 of the file's text, hex. */
  checksum: string;
}

/** What a store recorded of one applied migration; stores from before checksums have none. */
export interface RecordedMigration {
  version: number;
  checksum: string | null;
}

const FILE_NAME = /^\d{4}_[a-z0-9_]+\.sql$/;

/** The migration files of a folder, in order; reading and hashing come from the caller. */
export function orderedMigrations(
  names: readonly string[],
  read: (name: string) => string,
  sha256: (text: string) => string,
): Migration[] {
  return names
    .filter((f) => FILE_NAME.test(f))
    .sort()
    .map((f, i) => {
      const version = Number(f.slice(0, 4));
      if (version !== i + 1) throw new Error(`migration ${f} is out of order: expected version ${i + 1}`);
      const sql = read(f);
      return { version, name: f.replace(/\.sql$/, ''), sql, checksum: sha256(sql) };
    });
}

export interface MigrationPlan {
  /** Not applied yet, in order. */
  pending: Migration[];
  /** Applied before checksums were recorded: their checksum is recorded now. */
  unrecorded: Migration[];
}

/**
 * What opening a store at `version` does with these files. Refuses a store newer than the
 * files, and a store where any applied file has changed since it was applied (the program's
 * files and the store no longer agree: nobody can tell what the schema is).
 */
export function planMigrations(
  store: Bilingual,
  files: readonly Migration[],
  version: number,
  recorded: readonly RecordedMigration[],
): MigrationPlan {
  const top = Math.max(version, ...recorded.map((r) => r.version));
  if (top > files.length) {
    throw refuse(
      'STORE_TOO_NEW',
      `${store.zh}由较新版本的程序创建(结构版本 ${top},本程序支持到 ${files.length}),请升级程序;数据库未作任何改动`,
      `${store.en} was made by a newer version (schema ${top}, this program knows up to ${files.length}). Update the program; the store was not changed`,
    );
  }
  const changed = recorded
    .filter((r) => r.checksum !== null && r.checksum !== files[r.version - 1]?.checksum)
    .map((r) => files[r.version - 1]?.name ?? String(r.version));
  if (changed.length > 0) {
    const names = changed.join(', ');
    throw refuse(
      'STORE_CORRUPT',
      `${store.zh}已应用的迁移 ${names} 在应用后被改动(校验和不符),程序文件与数据库不一致;请重新安装本程序。数据库未作任何改动`,
      `The applied migration ${names} of ${store.en} was changed after it was applied (checksum differs): the program's files do not match the store. Reinstall the program; the store was not changed`,
    );
  }
  const withChecksum = new Set(recorded.filter((r) => r.checksum !== null).map((r) => r.version));
  return {
    pending: files.filter((m) => m.version > version),
    unrecorded: files.filter((m) => m.version <= version && !withChecksum.has(m.version)),
  };
}

interface StoreState {
  /** The schema version the store is at. */
  version: number;
  recorded: RecordedMigration[];
}

/** How the runner talks to a synchronous store (better-sqlite3). */
export interface MigrationDriver {
  state(): StoreState;
  /** Records the checksum of a migration applied before checksums were. */
  recordChecksum(m: Migration): void;
  /** Runs one migration and records it (with its checksum and the new version) in one transaction. */
  apply(m: Migration): void;
}

/** The same for an asynchronous store (PostgreSQL). */
export interface AsyncMigrationDriver {
  state(): Promise<StoreState>;
  recordChecksum(m: Migration): Promise<void>;
  apply(m: Migration): Promise<void>;
}

export interface MigrationRun {
  /** The version the store had when it was opened. */
  from: number;
  applied: number[];
}

/** What a synchronous store does between the steps of opening. */
export interface MigrationHooks {
  /** The checksums matched; nothing has been written yet (the branch sets its pragmas here). */
  verified?: () => void;
  /** Runs once, only when something is pending (the branch backs up here). */
  beforeApply?: (from: number) => void;
}

/** Synchronous stores (better-sqlite3). */
export function runMigrations(
  store: Bilingual,
  files: readonly Migration[],
  d: MigrationDriver,
  hooks: MigrationHooks = {},
): MigrationRun {
  const { version, recorded } = d.state();
  const plan = planMigrations(store, files, version, recorded);
  hooks.verified?.();
  for (const m of plan.unrecorded) d.recordChecksum(m);
  if (plan.pending.length > 0) hooks.beforeApply?.(version);
  for (const m of plan.pending) d.apply(m);
  return { from: version, applied: plan.pending.map((m) => m.version) };
}

/** The same for asynchronous stores (PostgreSQL). */
export async function runMigrationsAsync(
  store: Bilingual,
  files: readonly Migration[],
  d: AsyncMigrationDriver,
): Promise<MigrationRun> {
  const { version, recorded } = await d.state();
  const plan = planMigrations(store, files, version, recorded);
  for (const m of plan.unrecorded) await d.recordChecksum(m);
  for (const m of plan.pending) await d.apply(m);
  return { from: version, applied: plan.pending.map((m) => m.version) };
}

/** The part of better-sqlite3's Database the SQLite driver uses (structural: shared imports no database). */
export interface SqliteLike {
  exec(sql: string): unknown;
  prepare(sql: string): { all(...params: unknown[]): unknown[]; run(...params: unknown[]): unknown };
  pragma(source: string, options: { simple: true }): unknown;
}

const Recorded = z.array(z.object({ version: z.number().int(), checksum: z.string().nullable() }));

/** The rows of a store's migration table, checked (`SELECT version, checksum …`). */
export const recordedRows = (rows: unknown): RecordedMigration[] => Recorded.parse(rows);

/**
 * The driver of a better-sqlite3 store: the version is `user_version`, the record a table
 * `(version, name, checksum, applied_at)` created on first need. `transaction` wraps work in
 * one transaction (better-sqlite3's db.transaction(fn)()).
 */
export function sqliteMigrationDriver(
  db: SqliteLike,
  o: { table: string; now: () => number; transaction: (work: () => void) => void },
): MigrationDriver {
  const create = () =>
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${o.table} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL)`,
    );
  const record = (m: Migration) =>
    db
      .prepare(
        `INSERT INTO ${o.table} (version, name, checksum, applied_at) VALUES (?, ?, ?, ?) ON CONFLICT (version) DO UPDATE SET checksum = excluded.checksum`,
      )
      .run(m.version, m.name, m.checksum, o.now());
  return {
    state() {
      const exists =
        db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").all(o.table).length > 0;
      const recorded = exists
        ? recordedRows(db.prepare(`SELECT version, checksum FROM ${o.table} ORDER BY version`).all())
        : [];
      return {
        version: z
          .number()
          .int()
          .parse(db.pragma('user_version', { simple: true })),
        recorded,
      };
    },
    recordChecksum: (m) =>
      o.transaction(() => {
        create();
        record(m);
      }),
    apply: (m) =>
      o.transaction(() => {
        create();
        db.exec(m.sql);
        record(m);
        db.pragma(`user_version = ${m.version}`, { simple: true });
      }),
  };
}
