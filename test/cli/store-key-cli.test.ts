// The CLI on an encrypted store (issue 20 §4): without its key, with a key file others can read, or
// with a wrong key it is refused with exit code 2 and words in both languages (no stack trace); with
// --key-file (0600) or BRANCH_DESK_DB_KEY it runs, its backup stays encrypted, and a plain store
// given a key is converted.
import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newStoreKey, writeKeyFile } from '../../src-main/db/store-key';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

const ROOT = resolve(import.meta.dirname, '../..');
function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/index.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, BRANCH_DESK_DB_KEY: '', BRANCH_DESK_DB_KEY_FILE: '', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const plainHeader = (file: string) => readFileSync(file).subarray(0, 15).toString('latin1') === 'SQLite format 3';

let s: TestStore | undefined;
afterEach(() => s?.close());

describe('the CLI and the store key', () => {
  it('refuses an encrypted store without its key, with a readable key file or a wrong key; runs with the key', () => {
    const key = newStoreKey();
    s = openTestStore({ key });
    phoneCase(s);
    s.db.close();

    const none = cli(['check', '--db', s.file]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('[STORE_ENCRYPTED]');
    expect(none.err).toContain('需要密钥');
    expect(none.err).toContain('needs its key');
    expect(none.err).not.toMatch(/\n\s+at /);

    const keyFile = join(s.dir, 'store.key');
    writeKeyFile(keyFile, key);
    chmodSync(keyFile, 0o644);
    const loose = cli(['--key-file', keyFile, 'check', '--db', s.file]);
    expect(loose.code).toBe(2);
    expect(loose.err).toContain('chmod 600');
    chmodSync(keyFile, 0o600);
    const ok = cli(['check', '--db', s.file, '--key-file', keyFile]);
    expect(ok.code, ok.err).toBe(0);

    const wrong = cli(['check', '--db', s.file], { BRANCH_DESK_DB_KEY: newStoreKey().toString('hex') });
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('key is wrong');

    const to = join(s.dir, 'copies');
    const backup = cli(['backup', '--db', s.file, '--to', to], { BRANCH_DESK_DB_KEY: key.toString('hex') });
    expect(backup.code, backup.err).toBe(0);
    expect(backup.out).toContain('Integrity check: ok');
    const copy = readdirSync(to).find((f) => f.endsWith('.sqlite')) as string;
    expect(plainHeader(join(to, copy))).toBe(false);
    expect(readFileSync(join(to, copy)).includes(Buffer.from('13800138000'))).toBe(false);
  }, 180_000);

  it('converts a plain store given a key, after a plain backup beside it', () => {
    s = openTestStore();
    phoneCase(s);
    s.db.close();
    expect(plainHeader(s.file)).toBe(true);
    const key = newStoreKey();
    const r = cli(['check', '--db', s.file], { BRANCH_DESK_DB_KEY: key.toString('hex') });
    expect(r.code, r.err).toBe(0);
    expect(plainHeader(s.file)).toBe(false);
    expect(readdirSync(join(s.dir, 'backups')).some((f) => f.includes('plain-before-encryption'))).toBe(true);
  }, 120_000);
});
