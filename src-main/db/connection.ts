// Opening the branch store: refuse a database from a newer version before touching it, apply
// the store key first of all (an encrypted store; a plain one with a key is converted, store-encryption.ts),
// quick_check when the last close was not clean (clean-shutdown.ts), verify the checksums of the applied migrations, back up, migrate, then the
// pragmas every connection runs with.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { refuse } from '../shared/errors';
import { runMigrations, sqliteMigrationDriver } from '../shared/migration-runner';
import { markCleanOnClose, takeCleanMarker } from './clean-shutdown';
import { loadMigrations, type Migration } from './migrations';
import { registerReceiptFunctions } from './receipt-functions';
import { registerSearchFunctions } from './search-functions';
import { applyKey, encryptPlainStore, plainHeader } from './store-encryption';
import { missingKey } from './store-key';

export type Db = Database.Database;

export interface OpenOptions {
  /** Where the pre-migration backup goes; defaults to `<dir>/backups`. */
  backupDir?: string;
  migrations?: Migration[];
  /** For tests and benchmarks: the clock used to name backups. */
  now?: () => number;
  /** Refuse instead of creating a new store when the file is missing (check, backup, print). */
  mustExist?: boolean;
  /** The better-sqlite3 addon built for Electron's ABI (see README, "Electron and native modules"). */
  nativeBinding?: string;
  /** 'auto' (default): quick_check only when the store was not closed cleanly; 'always': every open. */
  quickCheck?: 'auto' | 'always';
  /**
   * The store key (32 bytes, store-key.ts). Given: the store is encrypted with it (a new store is
   * created encrypted, a plain one converted after a plain backup). Absent: the store must be plain.
   */
  key?: Buffer | null;
}

export interface OpenResult {
  db: Db;
  applied: number[];
  backupPath: string | null;
  /** quick_check ran during this open (an unclean shutdown, or asked for). */
  checked: boolean;
  /** The store is encrypted at rest (opened with its key). */
  encrypted: boolean;
  /** A plain store was encrypted during this open: the plain backup taken first. */
  convertedFrom: string | null;
}

/** The file's first 100 bytes, or null for a missing or empty file. */
function readHeader(file: string): Buffer | null {
  if (!existsSync(file) || statSync(file).size === 0) return null;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(100);
    readSync(fd, buf, 0, 100, 0);
    return buf;
  } finally {
    closeSync(fd);
  }
}

/** user_version from a plain file header (offset 60), read without opening the database. */
function headerUserVersion(file: string, head: Buffer | null): number | null {
  if (head === null) return null;
  if (statSync(file).size < 100 || !plainHeader(head)) {
    throw refuse(
      'STORE_CORRUPT',
      `文件 ${basename(file)} 不是本系统的数据库`,
      `${basename(file)} is not a Branch Desk database`,
    );
  }
  return head.readUInt32BE(60);
}

function tooNew(file: string, found: number, known: number) {
  return refuse(
    'STORE_TOO_NEW',
    `数据库 ${basename(file)} 由较新版本的程序创建(结构版本 ${found},本程序支持到 ${known}),请升级程序;数据库未作任何改动`,
    `The database ${basename(file)} was made by a newer version (schema ${found}, this program knows up to ${known}). Update the program; the database was not changed`,
  );
}

export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Freed pages and deleted cells are zeroed, so anonymised values leave the file (issue 20 §2).
  db.pragma('secure_delete = ON');
}

/**
 * A migration's transaction, as SQLite's procedure for rebuilding a table asks (0009 rebuilds
 * cases): foreign keys off while it runs (a no-op inside a transaction, so set before it), the
 * whole store checked with foreign_key_check before it commits, foreign keys on again after.
 */
function migrationTransaction(db: Db, work: () => void): void {
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      work();
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) {
        throw refuse(
          'STORE_CORRUPT',
          `数据库升级后有 ${broken.length} 条记录的引用不成立,升级未执行`,
          `${broken.length} references would be broken by the upgrade; it was not applied`,
        );
      }
    })();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

export function openDatabase(file: string, opts: OpenOptions = {}): OpenResult {
  const migrations = opts.migrations ?? loadMigrations();
  const latest = migrations.length;
  if (opts.mustExist && !existsSync(file)) {
    throw refuse(
      'NOT_FOUND',
      `找不到数据库文件 ${basename(file)}`,
      `The database file ${basename(file)} does not exist`,
    );
  }
  const key = opts.key ?? null;
  const head = readHeader(file);
  // An encrypted page 1 is random bytes: without a key it cannot be told from a damaged file, so say both.
  const sealed = head !== null && statSync(file).size >= 100 && !plainHeader(head);
  if (sealed && !key) throw missingKey(file);
  const headerVersion = sealed ? null : headerUserVersion(file, head);
  if (headerVersion !== null && headerVersion > latest) throw tooNew(file, headerVersion, latest);

  const existed = head !== null;
  const backupDir = opts.backupDir ?? join(dirname(file), 'backups');
  let convertedFrom: string | null = null;
  if (key && headerVersion !== null) {
    convertedFrom = encryptPlainStore(file, key, {
      backupDir,
      now: opts.now?.() ?? Date.now(),
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    }).backupPath;
  }
  const cleanlyClosed = takeCleanMarker(file);
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    // Before anything else reads the file.
    if (key) applyKey(db, key, file);
    db.pragma('busy_timeout = 5000');
    registerSearchFunctions(db);
    registerReceiptFunctions(db);
    // The WAL may hold a newer schema than the header showed.
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latest) throw tooNew(file, current, latest);

    const checked = existed && (opts.quickCheck === 'always' || !cleanlyClosed);
    const check = checked ? db.pragma('quick_check', { simple: true }) : 'ok';
    if (check !== 'ok') {
      throw refuse(
        'STORE_CORRUPT',
        `数据库检查未通过:${String(check)};请从备份恢复`,
        `The database failed its check: ${String(check)}. Restore from a backup`,
      );
    }
    let backupPath: string | null = null;
    const backup = (from: number) => {
      if (from === 0) return;
      const dir = backupDir;
      mkdirSync(dir, { recursive: true });
      const stamp = new Date(opts.now?.() ?? Date.now()).toISOString().replace(/[:.]/g, '-');
      backupPath = join(dir, `${basename(file)}.v${from}.${stamp}.bak`);
      db.prepare('VACUUM INTO ?').run(backupPath);
    };
    const driver = sqliteMigrationDriver(db, {
      table: 'schema_migrations',
      now: () => opts.now?.() ?? Date.now(),
      transaction: (work) => migrationTransaction(db, work),
    });
    const store = { zh: `数据库 ${basename(file)} `, en: `the database ${basename(file)}` };
    const { applied } = runMigrations(store, migrations, driver, {
      verified: () => applyPragmas(db),
      beforeApply: backup,
    });
    markCleanOnClose(db, file);
    return { db, applied, backupPath, checked, encrypted: key !== null, convertedFrom };
  } catch (e) {
    db.close();
    throw e;
  }
}
