// The maintenance CLI as a user runs it: a real child process on a real store in a temp dir.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_STATUSES, CHANNELS } from '../../src-main/shared/enums';
import { tempDir } from '../helpers/store';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = tempDir('branch-desk-cli-');
const store = join(dir, 'branch.sqlite');
const CASES = 300;
let seedOut = '';

/** Runs `npm run cli -- ...` without npm: node with the tsx loader, so the exit code is the CLI's own. */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/index.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const num = (text: string, label: string): number => {
  const m = new RegExp(`${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: (\\d+)`).exec(text);
  if (!m) throw new Error(`no "${label}" in:\n${text}`);
  return Number(m[1]);
};

function query<T>(file: string, sql: string, ...args: unknown[]): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}
const scalar = (file: string, sql: string) =>
  Object.values(query<Record<string, number>>(file, sql)[0] as object)[0] as number;

beforeAll(() => {
  const r = cli('seed-demo', '--db', store, '--cases', String(CASES), '--seed', '7');
  expect(r.err).not.toMatch(/Error/);
  expect(r.code).toBe(0);
  seedOut = r.out;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('seed-demo', () => {
  it('reports what it made, with the demo accounts and their demo-only PIN', () => {
    expect(seedOut).toContain(`Demo data seeded: ${CASES} 个案 cases`);
    for (const no of ['M001', 'S001', 'D001', 'C001', 'U001', 'U002']) expect(seedOut).toContain(no);
    expect(seedOut).toMatch(/Demo only.*123456/);
    expect(scalar(store, 'SELECT count(*) FROM cases')).toBe(CASES);
  });

  it('populates every status, every channel and the special cases the screens need', () => {
    const statuses = query<{ status: string }>(store, 'SELECT DISTINCT status FROM cases').map((r) => r.status);
    expect(statuses.sort()).toEqual([...CASE_STATUSES].sort());
    const channels = query<{ channel: string }>(store, 'SELECT DISTINCT channel FROM cases').map((r) => r.channel);
    expect(channels.sort()).toEqual([...CHANNELS].sort());
    expect(
      scalar(store, "SELECT count(*) FROM cases WHERE gov_body = '12315' AND gov_reference_no LIKE '12315-%'"),
    ).toBeGreaterThan(0);
    expect(
      scalar(store, "SELECT count(*) FROM cases WHERE gov_body_name LIKE '%消委会%' OR gov_body_name LIKE '%消保委%'"),
    ).toBeGreaterThan(0);
    expect(scalar(store, 'SELECT count(*) FROM cases WHERE anonymous = 1')).toBeGreaterThan(0);
    expect(scalar(store, "SELECT count(*) FROM cases WHERE severity = 'major'")).toBeGreaterThan(0);
    expect(scalar(store, 'SELECT count(*) FROM follow_ups WHERE done_at IS NULL')).toBeGreaterThan(0);
    expect(scalar(store, 'SELECT count(*) FROM case_escalations')).toBeGreaterThan(0);
    expect(scalar(store, 'SELECT count(*) FROM cases WHERE reopen_count > 0')).toBeGreaterThan(0);
    expect(scalar(store, "SELECT count(*) FROM cases WHERE customer_name GLOB '*[旻堃喆]*'")).toBeGreaterThan(0);
    // Spread over the last two months, so reports have more than one month.
    expect(scalar(store, 'SELECT count(DISTINCT substr(number, 9, 6)) FROM cases')).toBeGreaterThanOrEqual(2);
    // One repeat customer has three or more unfounded findings: the intake check flags them.
    const top = scalar(
      store,
      "SELECT max(n) FROM (SELECT count(*) AS n FROM cases WHERE finding = 'unfounded' GROUP BY customer_id)",
    );
    expect(top).toBeGreaterThanOrEqual(3);
    expect(seedOut).toMatch(/flagged at intake/);
  });

  it('is deterministic for a given seed and end time', () => {
    const a = join(dir, 'a.sqlite');
    const b = join(dir, 'b.sqlite');
    for (const f of [a, b])
      expect(
        cli('seed-demo', '--db', f, '--cases', '40', '--seed', '42', '--now', '2026-11-24T18:00:00+08:00').code,
      ).toBe(0);
    const rows = (f: string) =>
      query(f, 'SELECT id, number, status, content, customer_name, received_at FROM cases ORDER BY number');
    expect(rows(a)).toEqual(rows(b));
  });
});

describe('check', () => {
  it('passes on the seeded store and prints counts that match the database', () => {
    const r = cli('check', '--db', store);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('完整性检查 Integrity check: ok');
    expect(r.out).toMatch(/0001 0001_init/);
    expect(num(r.out, '个案 Cases')).toBe(CASES);
    for (const { status, n } of query<{ status: string; n: number }>(
      store,
      'SELECT status, count(*) AS n FROM cases GROUP BY status',
    )) {
      expect(num(r.out, ` ${status}`), status).toBe(n);
    }
    expect(num(r.out, '人员 Users')).toBe(scalar(store, 'SELECT count(*) FROM users'));
    expect(num(r.out, '顾客 Customers')).toBe(scalar(store, 'SELECT count(*) FROM customers'));
    expect(num(r.out, '审计记录 Audit rows')).toBe(scalar(store, 'SELECT count(*) FROM audit_log'));
    expect(num(r.out, '待同步记录 Outbox rows')).toBe(scalar(store, 'SELECT count(*) FROM outbox'));
  });

  it('refuses a file that is not a database with exit code 2 and a message in both languages', () => {
    const junk = join(dir, 'notes.sqlite');
    writeFileSync(junk, '这不是数据库 this is not a database\n'.repeat(20));
    const r = cli('check', '--db', junk);
    expect(r.code).toBe(2);
    expect(r.err).toContain('不是本系统的数据库');
    expect(r.err).toContain('is not a Branch Desk database');
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace

    // Shorter than a database header: SQLite's own refusal, same treatment.
    const tiny = join(dir, 'tiny.sqlite');
    writeFileSync(tiny, 'hello');
    const t = cli('check', '--db', tiny);
    expect(t.code).toBe(2);
    expect(t.err).toMatch(/不是本系统的数据库.*\n.*not a Branch Desk database/);
  });

  it('refuses a missing file without creating it', () => {
    const missing = join(dir, 'nowhere.sqlite');
    const r = cli('check', '--db', missing);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Database file');
    expect(existsSync(missing)).toBe(false);
  });
});

describe('backup', () => {
  it('writes a checked copy with the same cases, and check finds a lost number in a damaged copy', () => {
    const r = cli('backup', '--db', store, '--to', join(dir, 'backups'));
    expect(r.code, r.err).toBe(0);
    const path = /Backup file: (.+)/.exec(r.out)?.[1]?.trim() as string;
    expect(existsSync(path)).toBe(true);
    expect(r.out).toContain('Integrity check: ok');
    expect(scalar(path, 'SELECT count(*) FROM cases')).toBe(CASES);
    expect(scalar(path, "SELECT count(*) FROM cases WHERE status = 'filed'")).toBe(
      scalar(store, "SELECT count(*) FROM cases WHERE status = 'filed'"),
    );

    // A counter ahead of its cases means a number was handed out and lost: check exits 1.
    const db = new Database(path);
    db.prepare(
      "INSERT INTO number_counters (branch_code, kind, period, last_serial) VALUES ('SH01', 'YY', '209912', 1)",
    ).run();
    db.close();
    const c = cli('check', '--db', path);
    expect(c.code).toBe(1);
    expect(c.err).toMatch(/Problems found: 1/);
  });
});
