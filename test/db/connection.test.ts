import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { onlineBackup, integrityCheck } from '../../src-main/db/backup';
import { blobPath, writeBlob } from '../../src-main/db/blob-store';
import { openDatabase } from '../../src-main/db/connection';
import { loadMigrations } from '../../src-main/db/migrations';
import { AppError } from '../../src-main/shared/errors';
import { phoneCase, openTestStore, tempDir, type TestStore } from '../helpers/store';

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
let s: TestStore | undefined;
afterEach(() => s?.close());

describe('opening the store', () => {
  it('runs with WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const dir = tempDir();
    const { db, applied } = openDatabase(join(dir, 'a.sqlite'));
    expect(applied).toEqual(loadMigrations().map((m) => m.version));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const rows = db.prepare('SELECT version, name, checksum FROM schema_migrations').all();
    expect(rows).toHaveLength(loadMigrations().length);
    db.close();
    const again = openDatabase(join(dir, 'a.sqlite'));
    expect(again.applied).toEqual([]);
    expect(again.backupPath).toBeNull();
    again.db.close();
  });

  it('backs up before applying a new migration, in a transaction that is recorded', () => {
    const dir = tempDir();
    const migDir = join(dir, 'migrations');
    mkdirSync(migDir);
    copyFileSync(
      join(import.meta.dirname, '../../src-main/db/migrations/0001_init.sql'),
      join(migDir, '0001_init.sql'),
    );
    const file = join(dir, 'b.sqlite');
    openDatabase(file, { migrations: loadMigrations(migDir) }).db.close();
    writeFileSync(join(migDir, '0002_add_note.sql'), 'ALTER TABLE units ADD COLUMN note TEXT;');
    const r = openDatabase(file, { migrations: loadMigrations(migDir), backupDir: join(dir, 'bk') });
    expect(r.applied).toEqual([2]);
    expect(r.backupPath).toMatch(/b\.sqlite\.v1\..*\.bak$/);
    const bak = new Database(r.backupPath as string, { readonly: true });
    expect(bak.pragma('user_version', { simple: true })).toBe(1);
    bak.close();
    expect(r.db.pragma('user_version', { simple: true })).toBe(2);
    r.db.close();
  });

  it('a failing migration rolls back whole and leaves the previous version', () => {
    const dir = tempDir();
    const migDir = join(dir, 'migrations');
    mkdirSync(migDir);
    copyFileSync(
      join(import.meta.dirname, '../../src-main/db/migrations/0001_init.sql'),
      join(migDir, '0001_init.sql'),
    );
    const file = join(dir, 'c.sqlite');
    openDatabase(file, { migrations: loadMigrations(migDir) }).db.close();
    writeFileSync(join(migDir, '0002_broken.sql'), 'CREATE TABLE half (x INTEGER); SELECT * FROM no_such_table;');
    expect(() => openDatabase(file, { migrations: loadMigrations(migDir) })).toThrow(/no_such_table/);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a database made by a newer version and touches nothing', () => {
    const dir = tempDir();
    const file = join(dir, 'new.sqlite');
    const { db } = openDatabase(file);
    db.pragma('user_version = 99');
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = sha(file);
    const filesBefore = readdirSync(dir).sort();
    let err: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('STORE_TOO_NEW');
    expect((err as AppError).messages.zh).toContain('较新版本');
    expect((err as AppError).messages.en).toContain('newer version');
    expect(sha(file)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(filesBefore);
  });

  it('refuses a file that is not a database, naming it, whatever its size', () => {
    const dir = tempDir();
    for (const size of [4096, 50, 1]) {
      const file = join(dir, `notes-${size}.sqlite`);
      writeFileSync(file, 'x'.repeat(size));
      expect(() => openDatabase(file)).toThrow(new RegExp(`notes-${size}\\.sqlite is not a Branch Desk database`));
    }
    expect(() => openDatabase(join(dir, 'missing.sqlite'), { mustExist: true })).toThrow(/does not exist/);
    expect(readdirSync(dir)).not.toContain('missing.sqlite');
  });

  it('refuses a damaged database at quick_check', () => {
    s = openTestStore();
    for (let i = 0; i < 30; i++)
      phoneCase(s, { customer: { name: `顾客${i}`, phone: `1380013${String(i).padStart(4, '0')}` } });
    const { rootpage } = s.db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'cases_status_due'").get() as {
      rootpage: number;
    };
    s.db.pragma('wal_checkpoint(TRUNCATE)');
    s.db.pragma('journal_mode = DELETE');
    s.db.close();
    // Garble the b-tree page header of an index, as a torn write would.
    const buf = readFileSync(s.file);
    const pageSize = buf.readUInt16BE(16);
    buf.fill(0x5a, (rootpage - 1) * pageSize, (rootpage - 1) * pageSize + 64);
    writeFileSync(s.file, buf);
    expect(() => openDatabase(s!.file)).toThrow(/failed its check|malformed|not a database/);
  });

  it('takes an online backup while in use and checks its integrity', async () => {
    s = openTestStore();
    phoneCase(s);
    const report = await onlineBackup(s.db, join(s.dir, 'backups'), s.clock.t);
    expect(report.integrity).toBe('ok');
    const copy = new Database(report.path, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 1 });
    copy.close();
    expect(integrityCheck(s.db)).toEqual(['ok']);
  });

  it('copies the attachment blobs beside it, only those the backup folder lacks', async () => {
    s = openTestStore();
    const root = s.ctx.blobRoot as string;
    const a = writeBlob(root, Buffer.from('商品照片 photo'));
    const to = join(s.dir, 'backups');
    expect((await onlineBackup(s.db, to, s.clock.t)).blobsCopied).toBe(1);
    const copied = blobPath(join(to, basename(root)), a.sha256);
    expect(readFileSync(copied, 'utf8')).toBe('商品照片 photo');
    writeBlob(root, Buffer.from('receipt'));
    expect((await onlineBackup(s.db, to, s.clock.t + 1000)).blobsCopied).toBe(1);
  });
});
