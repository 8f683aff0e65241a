// The head-office store on SQLite (better-sqlite3): WAL and synchronous=FULL, because an
// acknowledged batch must survive a power cut. better-sqlite3 is synchronous; the async
// interface serialises every use behind one lock so that a transaction spanning awaits is
// never entered by another request's statement.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { runMigrations, sqliteMigrationDriver } from '../src-main/shared/migration-runner';
import { HQ_STORE, loadHqMigrations } from './migration-files';
import { projectCase } from './projection';
import { fillAnsweredLimits } from './answered-limit';
import { insertReceived, storedVersions, upsertRecords } from './sqlite-bulk-writes';
import { writeCases } from './sqlite-case-writes';
import { type CaseRow, type HqQuery, type HqStore, type HqTx, type Param, type RecordRow } from './store-types';

/** Migrates (verifying the checksums of what was applied); answers the version the store had before. */
function migrate(db: Database.Database): number {
  try {
    const driver = sqliteMigrationDriver(db, {
      table: 'hq_migrations',
      now: Date.now,
      transaction: (work) => db.transaction(work)(),
    });
    return runMigrations(HQ_STORE, loadHqMigrations('sqlite'), driver).from;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** A promise chain: each holder runs alone. */
class Lock {
  private tail: Promise<void> = Promise.resolve();
  async hold<T>(fn: () => Promise<T> | T): Promise<T> {
    const prev = this.tail;
    let release!: () => void;
    this.tail = new Promise((r) => (release = r));
    await prev;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

export class SqliteStore implements HqStore {
  readonly kind = 'sqlite' as const;
  private readonly lock = new Lock();
  private readonly cache = new Map<string, Database.Statement>();
  constructor(
    readonly db: Database.Database,
    readonly where: string,
  ) {}

  /** Prepared once per SQL text: the importer runs some of these 100,000 times. */
  q(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) this.cache.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  private readonly direct: HqQuery = {
    all: async <T>(sql: string, p: readonly Param[] = []) => this.q(sql).all(...p) as T[],
    get: async <T>(sql: string, p: readonly Param[] = []) => this.q(sql).get(...p) as T | undefined,
    run: async (sql: string, p: readonly Param[] = []) => this.q(sql).run(...p).changes,
  };

  all<T>(sql: string, p?: readonly Param[]): Promise<T[]> {
    return this.lock.hold(() => this.direct.all<T>(sql, p));
  }
  get<T>(sql: string, p?: readonly Param[]): Promise<T | undefined> {
    return this.lock.hold(() => this.direct.get<T>(sql, p));
  }
  run(sql: string, p?: readonly Param[]): Promise<number> {
    return this.lock.hold(() => this.direct.run(sql, p));
  }

  tx<T>(fn: (t: HqTx) => Promise<T>): Promise<T> {
    return this.lock.hold(async () => {
      this.q('BEGIN IMMEDIATE').run();
      try {
        const r = await fn(this.txApi);
        this.q('COMMIT').run();
        return r;
      } catch (e) {
        if (this.db.inTransaction) this.q('ROLLBACK').run();
        throw e;
      }
    });
  }

  private readonly txApi: HqTx = {
    ...this.direct,
    lockBranch: async () => {},
    receivedShas: async (branch, epoch, from, to) => {
      const rows = this.q('SELECT seq, sha FROM received WHERE branch = ? AND epoch = ? AND seq BETWEEN ? AND ?').all(
        branch,
        epoch,
        from,
        to,
      ) as { seq: number; sha: Buffer }[];
      return new Map(rows.map((r) => [r.seq, r.sha]));
    },
    insertReceived: async (branch, epoch, rows) => insertReceived((sql) => this.q(sql), branch, epoch, rows),
    stageRecords: async (branch, keys) => storedVersions((sql) => this.q(sql), branch, keys),
    upsertRecords: async (branch, rows: RecordRow[], now) => upsertRecords((sql) => this.q(sql), branch, rows, now),
    upsertCases: async (rows: CaseRow[]) => writeCases((sql) => this.q(sql), rows),
    insertQuarantine: async (branch, epoch, rows, now) => {
      const s = this.q('INSERT INTO quarantine (branch, epoch, seq, reason, line, at) VALUES (?, ?, ?, ?, ?, ?)');
      for (const r of rows) s.run(branch, epoch, r.seq, r.reason, r.line, now);
    },
  };

  async close(): Promise<void> {
    await this.lock.hold(() => this.db.close());
  }
}

export async function openSqliteStore(file: string): Promise<SqliteStore> {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  // Checkpoints every 8,000 WAL pages (32 MB) instead of SQLite's 1,000: an import rewrites the same
  // hq_cases index pages batch after batch, and a checkpoint copies each once however often it changed.
  // Durability is the WAL's fsync at every commit (synchronous=FULL), not the checkpoint's timing.
  db.pragma('wal_autocheckpoint = 8000');
  const was = migrate(db);
  const store = new SqliteStore(db, file);
  // A store from before the console (version 1) holds cases but no projection yet: build it once.
  if (was === 1) await backfillProjection(store);
  return store;
}

async function backfillProjection(store: SqliteStore): Promise<void> {
  const rows = store.db
    .prepare("SELECT branch, payload, imported_at FROM records WHERE type = 'case' AND json_valid(payload)")
    .iterate() as IterableIterator<{ branch: string; payload: string; imported_at: number }>;
  const cases: CaseRow[] = [];
  for (const r of rows) {
    const c = projectCase(r.branch, JSON.parse(r.payload), r.imported_at);
    if (c) cases.push(c);
  }
  await store.tx(async (t) => {
    await t.upsertCases(cases);
    // Audit records are linked to their case by the migrations before: the limit each case was answered against.
    for (const branch of new Set(cases.map((c) => c.branch)))
      await fillAnsweredLimits(
        t,
        'sqlite',
        branch,
        cases.filter((c) => c.branch === branch),
      );
  });
}
