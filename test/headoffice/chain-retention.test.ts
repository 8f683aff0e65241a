// The chain-wide retention (issue 20 §2): `npm run headoffice -- retention set YEARS|off` stores it,
// every pull carries it, the branch uses it over its own setting and forgets it when set off; a bad
// value is refused in words. Real CLI process, real HTTP, SQLite and PostgreSQL.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectiveRetentionYears } from '../../src-main/services/retention';
import { pullInstructions } from '../../src-main/sync/instructions-pull';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { openTestStore, type TestStore } from '../helpers/store';
import { type Hq, startHq, transportFor } from '../sync/sync-harness';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const hqCli = (args: string[], env: Record<string, string>) =>
  run(process.execPath, ['--import', 'tsx', join(ROOT, 'src-headoffice/cli.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('chain-wide retention on %s', (_n, backend) => {
  let hq: Hq;
  let s: TestStore;
  let key = '';
  beforeAll(async () => {
    hq = await startHq({ backend });
    key = await hq.addBranch('SH01');
    s = openTestStore({ settings: { retentionYears: 4 } });
  }, 120_000);
  afterAll(async () => {
    s.close();
    await hq.close();
  });
  const pull = () => pullInstructions(s.ctx, transportFor(hq, 'SH01', key));
  const cli = (...args: string[]) => {
    const c = hq.backend.cli(hq.dir);
    return hqCli(['--db', c.db, ...args], c.env);
  };

  it('set, carried by the pull, used over the branch setting; off gives the branch its own back', async () => {
    await pull();
    expect(effectiveRetentionYears(s.ctx)).toEqual({ years: 4, imposed: false });
    const set = await cli('retention', 'set', '2');
    expect(set.code).toBe(0);
    expect(set.out).toContain('各门店的保留期限:建档后 2 年');
    await pull();
    expect(effectiveRetentionYears(s.ctx)).toEqual({ years: 2, imposed: true });
    const bad = await cli('retention', 'set', '31');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('保留年限须为 1–30 的整数或 off');
    await pull();
    expect(effectiveRetentionYears(s.ctx)).toEqual({ years: 2, imposed: true });
    expect((await cli('retention', 'set', 'off')).code).toBe(0);
    await pull();
    expect(effectiveRetentionYears(s.ctx)).toEqual({ years: 4, imposed: false });
  }, 180_000);
});
