// `npm run cli -- retention` on a real store (issue 20 §2): the dry run prints the cases and counts
// (zh-CN, then English) and leaves the file's bytes as they were; the run anonymises them.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filedCase } from '../helpers/filed-case';
import { openTestStore, type TestStore } from '../helpers/store';

const ROOT = join(import.meta.dirname, '..', '..');
let s: TestStore;
let oldNo = '';
let youngNo = '';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/index.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const hashOf = (f: string) => (existsSync(f) ? createHash('sha256').update(readFileSync(f)).digest('hex') : '');

beforeAll(() => {
  s = openTestStore();
  oldNo = filedCase(s, Date.parse('2022-03-01T10:00:00+08:00'), {
    customer: { name: '钱七', phone: '13700007777' },
  }).number;
  youngNo = filedCase(s, Date.parse('2026-03-01T10:00:00+08:00')).number;
  s.db.pragma('wal_checkpoint(TRUNCATE)');
  s.db.close();
}, 120_000);
afterAll(() => s.close());

describe('cli retention', () => {
  it('--dry-run prints what it would change, zh-CN then English, and changes nothing', () => {
    const before = [hashOf(s.file), hashOf(`${s.file}-wal`)];
    const r = cli('retention', '--db', s.file, '--now', '2026-11-24T10:00:00+08:00', '--dry-run');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('保留期限 Retention: 3 年 years');
    expect(r.out).toContain('试运行:未作任何改动 Dry run: nothing was changed');
    expect(r.out).toContain(`个案 Cases: 1  ${oldNo}`);
    expect(r.out).not.toContain(youngNo);
    expect(r.out).toMatch(/回访 Follow-ups: \d+/);
    expect([hashOf(s.file), hashOf(`${s.file}-wal`)]).toEqual(before);
  }, 120_000);

  it('runs: the old case is anonymised, the young one kept; a shorter --years reaches it too', () => {
    const r = cli('retention', '--db', s.file, '--now', '2026-11-24T10:00:00+08:00');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`已匿名化 Anonymised:\n个案 Cases: 1  ${oldNo}`);
    const db = new Database(s.file, { readonly: true });
    try {
      const rows = db.prepare('SELECT number, customer_phone FROM cases ORDER BY number').all();
      expect(rows).toEqual([
        { number: oldNo, customer_phone: null },
        { number: youngNo, customer_phone: '13800138000' },
      ]);
    } finally {
      db.close();
    }
    expect(readFileSync(s.file).includes(Buffer.from('13700007777'))).toBe(false);
    const again = cli('retention', '--db', s.file, '--now', '2026-11-24T10:00:00+08:00', '--years', '30');
    expect(again.out).toContain('个案 Cases: 0');
    const bad = cli('retention', '--db', s.file, '--years', '0');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('须为 1–30 的整数 must be an integer from 1 to 30');
  }, 120_000);
});
