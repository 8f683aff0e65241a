// Encryption at rest (issue 20 §4): a store made with a key holds no phone or name in its file or
// WAL and does not open without the key (clear words, never "file is not a database"); a plain store is
// converted on its first open with a key after a plain backup, keeping every row (counts and a hash of
// every row); a conversion killed midway leaves a store that opens; backups (online and pre-migration)
// stay encrypted and are checked with the key; key files readable by others are refused.
import { spawn } from 'node:child_process';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dailyBackup } from '../../src-main/backup-rotation';
import { onlineBackup } from '../../src-main/db/backup';
import { quickCheckInBackground } from '../../src-main/db/clean-shutdown';
import { type Db, openDatabase } from '../../src-main/db/connection';
import { loadMigrations } from '../../src-main/db/migrations';
import {
  keyFromEnvironment,
  type KeySealer,
  newStoreKey,
  readKeyFile,
  sealedKeyPath,
  sealedStoreKey,
  writeKeyFile,
} from '../../src-main/db/store-key';
import { AppError } from '../../src-main/shared/errors';
import { openTestStore, phoneCase, tempDir, type TestStore } from '../helpers/store';

let s: TestStore | undefined;
afterEach(() => s?.close());

const PHONE = '13800138000';
const NAME = '张三';

/** The raw bytes of the store file and its WAL: what `strings` would read. */
const rawBytes = (file: string): Buffer =>
  Buffer.concat([readFileSync(file), ...(existsSync(`${file}-wal`) ? [readFileSync(`${file}-wal`)] : [])]);

const holdsPlain = (file: string) => {
  const raw = rawBytes(file);
  return raw.includes(Buffer.from(PHONE)) || raw.includes(Buffer.from(NAME, 'utf8'));
};

const refusal = (f: () => unknown): AppError => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('not refused');
};

/** Every user table: its row count and a sha256 of every row in rowid order. */
function fingerprint(db: Db): Record<string, string> {
  const tables = (
    db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
  const out: Record<string, string> = {};
  for (const t of tables) {
    const h = createHash('sha256');
    let n = 0;
    for (const row of db.prepare(`SELECT * FROM "${t}"`).raw().iterate() as IterableIterator<unknown[]>) {
      h.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
      n += 1;
    }
    out[t] = `${n}:${h.digest('hex')}`;
  }
  return out;
}

/** A test stand-in for Electron's safeStorage: AES-GCM under a key only this test knows. */
function testSealer(available = true, backend?: string): KeySealer {
  const k = randomBytes(32);
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: backend ? () => backend : undefined,
    encryptString: (plain) => {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', k, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decryptString: (sealed) => {
      const d = createDecipheriv('aes-256-gcm', k, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

describe('an encrypted store', () => {
  it('holds no phone or name in its file or WAL, and opens only with its key', () => {
    const key = newStoreKey();
    s = openTestStore({ key });
    phoneCase(s);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(existsSync(`${s.file}-wal`)).toBe(true);
    expect(holdsPlain(s.file)).toBe(false);
    s.db.close();
    expect(holdsPlain(s.file)).toBe(false);
    expect(readFileSync(s.file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');

    // Without the key: words saying where the key comes from, not SQLite's "file is not a database".
    const missing = refusal(() => openDatabase(s!.file));
    expect(missing.code).toBe('STORE_ENCRYPTED');
    expect(missing.messages.zh).toContain('BRANCH_DESK_DB_KEY');
    expect(missing.messages.en).toContain('needs its key');
    // A wrong key: refused, the file unchanged.
    const before = readFileSync(s.file);
    const wrong = refusal(() => openDatabase(s!.file, { key: newStoreKey() }));
    expect(wrong.code).toBe('STORE_ENCRYPTED');
    expect(wrong.messages.en).toContain('key is wrong');
    expect(readFileSync(s.file).equals(before)).toBe(true);
    // SQLite itself (no key) cannot read it either.
    const raw = new Database(s.file, { readonly: true });
    expect(() => raw.prepare('SELECT count(*) FROM cases').get()).toThrow(/not a database/);
    raw.close();

    const { db, encrypted } = openDatabase(s.file, { key });
    expect(encrypted).toBe(true);
    expect(db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 1 });
    expect(db.prepare("SELECT count(*) AS n FROM customers WHERE phone LIKE '%8000'").get()).toEqual({ n: 1 });
    db.close();
  });

  it('is checked in the background with its key', async () => {
    const key = newStoreKey();
    s = openTestStore({ key });
    phoneCase(s);
    await expect(quickCheckInBackground(s.file, { key })).resolves.toBe('ok');
    await expect(quickCheckInBackground(s.file)).rejects.toThrow();
  });
});

describe('converting a plain store', () => {
  it('backs it up plain first, then encrypts it keeping every row', () => {
    s = openTestStore();
    for (let i = 0; i < 20; i++) phoneCase(s, { customer: { name: NAME, phone: `1380013${String(8000 + i)}` } });
    const before = fingerprint(s.db);
    s.db.close();
    expect(holdsPlain(s.file)).toBe(true);

    const key = newStoreKey();
    const opened = openDatabase(s.file, { key, now: () => Date.parse('2026-12-01T10:00:00Z') });
    expect(opened.convertedFrom).toMatch(
      /backups[/\\]branch\.sqlite\.plain-before-encryption\.2026-12-01T10-00-00-000Z\.bak$/,
    );
    expect(fingerprint(opened.db)).toEqual(before);
    expect(opened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(opened.db.pragma('journal_mode', { simple: true })).toBe('wal');
    opened.db.close();
    expect(holdsPlain(s.file)).toBe(false);
    expect(readdirSync(s.dir)).not.toContain('branch.sqlite.encrypting');

    // The backup taken first is the plain store as it was (said so in its name).
    const bak = new Database(opened.convertedFrom as string, { readonly: true });
    expect(fingerprint(bak)).toEqual(before);
    bak.close();

    // The next open with the key converts nothing.
    const again = openDatabase(s.file, { key });
    expect(again.convertedFrom).toBeNull();
    expect(fingerprint(again.db)).toEqual(before);
    again.db.close();
  });

  it('leaves a store that opens when the conversion is killed at any moment', async () => {
    s = openTestStore();
    phoneCase(s);
    // Bulk so the conversion takes long enough to be killed midway.
    s.db.exec('CREATE TABLE bulk (b BLOB)');
    const ins = s.db.prepare('INSERT INTO bulk VALUES (?)');
    s.db.transaction(() => {
      for (let i = 0; i < 160; i++) ins.run(randomBytes(64 * 1024));
    })();
    const before = fingerprint(s.db);
    s.db.close();
    const key = newStoreKey();
    const child = `
      const { openDatabase } = await import(${JSON.stringify(join(import.meta.dirname, '../../src-main/db/connection.ts'))});
      process.stdout.write('go\\n');
      openDatabase(${JSON.stringify(s.file)}, { key: Buffer.from('${key.toString('hex')}', 'hex') }).db.close();
      process.stdout.write('done\\n');`;
    const outcomes = new Set<string>();
    for (const delay of [0, 60, 250]) {
      const copy = join(s.dir, `kill-${delay}.sqlite`);
      copyFileSync(s.file, copy);
      const p = spawn(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', child.replaceAll(s.file, copy)],
        {
          cwd: join(import.meta.dirname, '../..'),
        },
      );
      let out = '';
      await new Promise<void>((resolve) => {
        p.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('go')) setTimeout(() => p.kill('SIGKILL'), delay);
        });
        p.on('exit', () => resolve());
      });
      outcomes.add(out.includes('done') ? 'finished' : 'killed');
      // Either the old plain store or the new encrypted one: with the key it opens (converting if still plain), every row there.
      const { db } = openDatabase(copy, { key });
      expect(fingerprint(db)).toEqual(before);
      db.close();
      expect(holdsPlain(copy)).toBe(false);
    }
    expect(outcomes.has('killed')).toBe(true);
  }, 120_000);
});

describe('backups of an encrypted store', () => {
  it('stay encrypted: the online backup and the one taken before a migration, each checked with the key', async () => {
    const dir = tempDir();
    const file = join(dir, 'enc.sqlite');
    const key = newStoreKey();
    const all = loadMigrations();
    const first = openDatabase(file, { key, migrations: all.slice(0, all.length - 1) });
    first.db.close();
    const migrated = openDatabase(file, { key, migrations: all });
    expect(migrated.backupPath).not.toBeNull();
    const pre = migrated.backupPath as string;
    expect(readFileSync(pre).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(() => openDatabase(pre).db.close()).toThrow(/needs its key/);

    s = openTestStore({ key, dir: tempDir() });
    phoneCase(s);
    const r = await onlineBackup(s.db, join(s.dir, 'backups'));
    expect(r.integrity).toBe('ok');
    expect(holdsPlain(r.path)).toBe(false);
    const copy = new Database(r.path, { readonly: true });
    expect(() => copy.prepare('SELECT 1 FROM cases').get()).toThrow(/not a database/);
    copy.close();
    const reopened = openDatabase(r.path, { key });
    expect(reopened.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 1 });
    reopened.db.close();
    migrated.db.close();
  });

  it('the daily backup removes the plain copy the conversion left once it is past the retention', async () => {
    s = openTestStore();
    phoneCase(s);
    s.db.close();
    const key = newStoreKey();
    const t0 = Date.parse('2026-11-01T03:00:00Z');
    const { db, convertedFrom } = openDatabase(s.file, { key, now: () => t0 });
    const plain = convertedFrom as string;
    utimesSync(plain, t0 / 1000, t0 / 1000);
    const dir = join(s.dir, 'backups');
    // Within the retention the plain copy stays beside the first encrypted backup.
    const first = await dailyBackup(db, dir, t0 + 86_400_000);
    expect(first?.encrypted).toBe(true);
    expect(existsSync(plain)).toBe(true);
    // After it, the next good encrypted backup takes it away: no phone in clear left in backups/.
    const later = t0 + 20 * 86_400_000;
    utimesSync(first!.path, (later - 2 * 86_400_000) / 1000, (later - 2 * 86_400_000) / 1000);
    expect((await dailyBackup(db, dir, later))?.integrity).toBe('ok');
    expect(existsSync(plain)).toBe(false);
    expect(readdirSync(dir).some((f) => holdsPlain(join(dir, f)))).toBe(false);
    db.close();
  });
});

describe('where the key comes from', () => {
  it('reads a key file only when its owner alone can read it', () => {
    const dir = tempDir();
    const file = join(dir, 'store.key');
    const key = newStoreKey();
    writeKeyFile(file, key);
    expect(readKeyFile(file).equals(key)).toBe(true);
    expect(() => writeKeyFile(file, newStoreKey())).toThrow(); // never overwritten
    chmodSync(file, 0o644);
    const e = refusal(() => readKeyFile(file));
    expect(e.code).toBe('STORE_ENCRYPTED');
    expect(e.messages.zh).toContain('chmod 600');
    expect(e.messages.en).toContain('mode 644');
    expect(readKeyFile(file, 'win32').equals(key)).toBe(true);
    chmodSync(file, 0o600);
    writeFileSync(join(dir, 'short.key'), 'abcd', { mode: 0o600 });
    expect(refusal(() => readKeyFile(join(dir, 'short.key'))).messages.en).toContain('64 hex digits');
    expect(refusal(() => readKeyFile(join(dir, 'none.key'))).messages.en).toContain('does not exist');
  });

  it('takes --key-file, then BRANCH_DESK_DB_KEY, then BRANCH_DESK_DB_KEY_FILE', () => {
    const dir = tempDir();
    const a = newStoreKey();
    const b = newStoreKey();
    writeKeyFile(join(dir, 'a.key'), a);
    writeKeyFile(join(dir, 'b.key'), b);
    const env = { BRANCH_DESK_DB_KEY: b.toString('hex'), BRANCH_DESK_DB_KEY_FILE: join(dir, 'b.key') };
    expect(keyFromEnvironment(env, join(dir, 'a.key'))?.bytes.equals(a)).toBe(true);
    expect(keyFromEnvironment(env)).toMatchObject({ source: 'env' });
    expect(keyFromEnvironment({ BRANCH_DESK_DB_KEY_FILE: join(dir, 'a.key') })?.bytes.equals(a)).toBe(true);
    expect(keyFromEnvironment({})).toBeNull();
    expect(refusal(() => keyFromEnvironment({ BRANCH_DESK_DB_KEY: 'not-hex' })).code).toBe('STORE_ENCRYPTED');
  });

  it('seals a new key with the OS key store beside the store, and refuses when it cannot unseal it', () => {
    const dir = tempDir();
    const store = join(dir, 'branch-desk.sqlite');
    const sealer = testSealer();
    const made = sealedStoreKey(store, sealer);
    expect(made?.bytes).toHaveLength(32);
    expect(readFileSync(sealedKeyPath(store)).includes(Buffer.from(made!.bytes.toString('hex')))).toBe(false);
    expect(readFileSync(sealedKeyPath(store)).length).toBeGreaterThan(0);
    expect(sealedStoreKey(store, sealer)?.bytes.equals(made!.bytes)).toBe(true);
    // Another account's key store cannot unseal it: refused in words, not a crash.
    expect(refusal(() => sealedStoreKey(store, testSealer())).code).toBe('STORE_ENCRYPTED');
    expect(refusal(() => sealedStoreKey(store, testSealer(false))).messages.en).toContain('cannot unseal');
    // No key store (or Linux's plain-text fallback) and no key yet: none made, the store stays plain.
    mkdirSync(join(dir, 'b'));
    expect(sealedStoreKey(join(dir, 'b', 'x.sqlite'), testSealer(false))).toBeNull();
    expect(sealedStoreKey(join(dir, 'b', 'x.sqlite'), testSealer(true, 'basic_text'), 'linux')).toBeNull();
    expect(existsSync(sealedKeyPath(join(dir, 'b', 'x.sqlite')))).toBe(false);
  });
});
