// Encryption at rest of the branch store (issue 20 §4) with SQLite3 Multiple Ciphers (the
// better-sqlite3 alias in package.json; default cipher ChaCha20-Poly1305): the key applied right
// after a connection opens, and a plain store's conversion on its first start with a key.
// Invariant: the conversion never writes over the store until an encrypted copy exists and has
// passed integrity_check; a crash at any step leaves either the old plain store or the new one.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { refuse } from '../shared/errors';
import { wrongKey } from './store-key';

type Db = Database.Database;

/** The key each open connection was opened with: backups reopen their copy with it to check it. */
const keys = new WeakMap<Db, Buffer>();
export const storeKeyOf = (db: Db): Buffer | null => keys.get(db) ?? null;

/** Applies the key before anything reads the file, then proves it opens the store (an empty file takes any key). */
export function applyKey(db: Db, key: Buffer, file: string): void {
  // hex of 32 validated bytes: nothing from outside reaches the statement text.
  db.pragma(`hexkey='${key.toString('hex')}'`);
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch {
    throw wrongKey(file);
  }
  keys.set(db, key);
}

/** True when the file's first 16 bytes are SQLite's plain header (an encrypted page 1 starts with random bytes). */
export const plainHeader = (head: Buffer): boolean => head.toString('latin1', 0, 15) === 'SQLite format 3';

export interface Conversion {
  /** The plain copy taken before encrypting, in the backup folder. */
  backupPath: string;
}

const stampOf = (now: number) => new Date(now).toISOString().replace(/[:.]/g, '-');

/**
 * Converts the plain store at `file` to an encrypted one with `key`: (1) a plain backup in
 * `backupDir`, as backups were before encryption; (2) a compact copy beside the store,
 * encrypted in place (journal_mode=DELETE, rekey) and checked with integrity_check; (3) the
 * copy renamed over the store (atomic on one file system). The caller opens the result with the key.
 */
export function encryptPlainStore(
  file: string,
  key: Buffer,
  o: { backupDir: string; now: number; nativeBinding?: string },
): Conversion {
  const work = `${file}.encrypting`;
  // A copy left by a conversion that did not finish: the plain store is still the original.
  rmSync(work, { force: true });
  rmSync(`${work}-journal`, { force: true });
  const native = o.nativeBinding ? { nativeBinding: o.nativeBinding } : {};
  mkdirSync(o.backupDir, { recursive: true });
  const backupPath = join(o.backupDir, `${basename(file)}.plain-before-encryption.${stampOf(o.now)}.bak`);
  const plain = new Database(file, native);
  try {
    plain.pragma('busy_timeout = 5000');
    plain.prepare('VACUUM INTO ?').run(backupPath);
    plain.prepare('VACUUM INTO ?').run(work);
  } finally {
    plain.close();
  }
  const copy = new Database(work, native);
  try {
    copy.pragma('journal_mode = DELETE');
    copy.pragma(`hexrekey='${key.toString('hex')}'`);
    const check = String(copy.pragma('integrity_check', { simple: true }));
    if (check !== 'ok')
      throw refuse(
        'STORE_CORRUPT',
        `数据库加密后检查未通过:${check};原数据库未改动,加密前的备份在 ${backupPath}`,
        `The encrypted copy failed its check: ${check}. The store was not changed; the backup taken before encrypting is ${backupPath}`,
      );
    copy.pragma('journal_mode = WAL');
  } catch (e) {
    copy.close();
    rmSync(work, { force: true });
    throw e;
  }
  copy.close();
  // The plain store's WAL and shared memory belong to the plain file: gone with it.
  for (const side of ['-wal', '-shm']) if (existsSync(`${file}${side}`)) rmSync(`${file}${side}`, { force: true });
  renameSync(work, file);
  return { backupPath };
}
