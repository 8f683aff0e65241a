// `npm run cli -- print`: the form of a case or slip, found by its number, written to a file.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/connection';
import type { Actor } from '../../src-main/domain/case-machine';
import { createContext } from '../../src-main/services/context';
import { voidSlip } from '../../src-main/services/slips';
import { readPdf, squash } from '../helpers/pdf-text';
import { tempDir } from '../helpers/store';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = tempDir('branch-desk-print-');
const store = join(dir, 'branch.sqlite');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/index.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const one = <T>(sql: string): T => {
  const db = new Database(store, { readonly: true });
  try {
    return db.prepare(sql).get() as T;
  } finally {
    db.close();
  }
};

beforeAll(() => {
  // A fixed end of the simulated period: the demo data is then the same on every run.
  expect(
    cli('seed-demo', '--db', store, '--cases', '120', '--seed', '3', '--now', '2026-11-24T18:00:00+08:00').code,
  ).toBe(0);
  // The test needs one voided slip whatever the demo drew: void the first slip if none is.
  const { db } = openDatabase(store);
  try {
    if (!db.prepare("SELECT 1 FROM slips WHERE status = 'void'").get()) {
      const supervisor = db
        .prepare("SELECT id, staff_no AS staffNo, name, role, unit_id AS unitId FROM users WHERE role = 'supervisor'")
        .get() as Actor;
      const slip = db
        .prepare("SELECT id FROM slips WHERE settlement_status = 'unsettled' ORDER BY rid LIMIT 1")
        .get() as { id: string };
      voidSlip(createContext(db), supervisor, { slipId: slip.id, reason: '测试:作废一张单据' });
    }
  } finally {
    db.close();
  }
});

describe('cli print', () => {
  it('writes the record form of a case found by its number', async () => {
    const c = one<{ number: string; customer_name: string | null; content: string }>(
      "SELECT number, customer_name, content FROM cases WHERE status = 'filed' AND anonymous = 0 LIMIT 1",
    );
    const out = join(dir, 'case.pdf');
    const r = cli('print', '--db', store, '--number', c.number, '--out', out);
    expect(r.code, r.err).toBe(0);
    const text = squash((await readPdf(readFileSync(out))).map((p) => p.text).join(''));
    expect(text).toContain('顾客异议处理记录表');
    expect(text).toContain(c.number);
    expect(text).toContain(squash(c.content));
  });

  it('writes a voided slip with its three copies and 作废, on A5 when asked', async () => {
    const s = one<{ number: string }>("SELECT number FROM slips WHERE status = 'void' LIMIT 1");
    const out = join(dir, 'slip.pdf');
    expect(cli('print', '--db', store, '--number', s.number, '--out', out, '--paper', 'A5').code).toBe(0);
    const pages = await readPdf(readFileSync(out));
    expect(pages[0]!.width).toBeCloseTo(419.53, 1);
    for (const label of ['存根联', '顾客联', '财务联']) expect(pages.some((p) => p.text.includes(label))).toBe(true);
    expect(pages.every((p) => p.text.includes('作废'))).toBe(true);
  });

  it('refuses an unknown or malformed number in both languages, exit code 2', () => {
    const missing = cli('print', '--db', store, '--number', 'SH01-YY-209901-0001', '--out', join(dir, 'x.pdf'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('找不到个案');
    expect(missing.err).toContain('No case numbered');
    const bad = cli('print', '--db', store, '--number', 'hello', '--out', join(dir, 'x.pdf'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/格式不正确/);
  });
});
