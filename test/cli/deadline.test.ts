// `npm run cli -- deadline` (issue 21 §2) as a child process on a real store: the 12315 example in working and
// calendar days, a same-day limit on the manager's local closure, and refusals in words.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlineCommand } from '../../src-main/cli/deadline';
import { reportError } from '../../src-main/cli/output';
import { addLocalClosure } from '../../src-main/services/working-calendar';
import { openTestStore, type TestStore } from '../helpers/store';

const ROOT = resolve(import.meta.dirname, '../..');
let s: TestStore;
let store: string;

function cli(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src-main/cli/index.ts', 'deadline', '--db', store, ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  const lines = r.stdout.trim().split('\n');
  return { code: r.status, out: r.stdout, err: r.stderr, json: r.status === 0 ? JSON.parse(lines.at(-1) ?? '') : null };
}

/** The command's function with captured output (one child process above is enough for the wiring). */
function run(...args: string[]) {
  const o: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2)
    o[(args[i] ?? '').replace(/^--/, '').replace('next-day', 'nextDay')] = args[i + 1] ?? '';
  const out: string[] = [];
  const err: string[] = [];
  const io = { line: (t = '') => void out.push(t), err: (t: string) => void err.push(t) };
  let code: number;
  try {
    code = deadlineCommand(
      {
        db: store,
        channel: o.channel ?? '',
        received: o.received ?? '',
        ...('nextDay' in o ? { nextDay: true } : {}),
        ...(o.count ? { count: o.count } : {}),
      },
      io,
    );
  } catch (e) {
    code = reportError(io, e, store);
  }
  return { code, out: out.join('\n'), err: err.join('\n'), json: code === 0 ? JSON.parse(out.at(-1) ?? '') : null };
}

beforeAll(() => {
  s = openTestStore({ at: Date.parse('2026-11-20T10:00:00+08:00') });
  addLocalClosure(s.ctx, s.users.manager, { date: '2026-11-24', reason: '店内装修' });
  store = join(s.dir, 'branch.sqlite');
  s.db.close();
});
afterAll(() => s.close());

describe('cli deadline', () => {
  it('12315 received 2026-09-30 10:00: working days → 10-13 21:00, calendar days → 10-08 21:00, with the reasons', () => {
    const w = cli('--channel', 'government', '--received', '2026-09-30T10:00');
    expect(w.code).toBe(0);
    expect(w.out).toContain('截止:2026-10-13 21:00');
    expect(w.out).toContain('不计国庆节休息、周末');
    expect(w.out).toContain('Due: 2026-10-13 21:00');
    // zh-CN first, then English, then JSON.
    expect(w.out.indexOf('截止')).toBeLessThan(w.out.indexOf('Due:'));
    expect(w.json).toMatchObject({ due: '2026-10-13T21:00:00+08:00', calendarDayRule: '2026-10-05', count: 'working' });
    const c = run('--channel', 'government', '--received', '2026-09-30T10:00', '--count', 'calendar');
    expect(c.out).toContain('原因:国庆节休息,顺延至 10月8日');
    expect(c.out).toContain('Why: National Day holiday; moved to 8 Oct');
    expect(c.json).toMatchObject({ due: '2026-10-08T21:00:00+08:00', dueDay: '2026-10-08' });
  });

  it("reads the store's local closures: a same-day limit moves, next-day one further", () => {
    const r = run('--channel', 'phone', '--received', '2026-11-24T10:00');
    expect(r.out).toContain('原因:本店停业(店内装修),顺延至 11月25日');
    expect(r.json).toMatchObject({
      due: '2026-11-25T21:00:00+08:00',
      skipped: [{ date: '2026-11-24', kind: 'local_closure' }],
    });
    expect(run('--channel', 'in_store', '--received', '2026-11-24T10:00', '--next-day', '').json?.due).toBe(
      '2026-11-26T21:00:00+08:00',
    );
  });

  it('refuses an unknown channel, a bad time, a bad count, in words', () => {
    const ch = cli('--channel', 'fax', '--received', '2026-09-30T10:00');
    expect(ch.code).toBe(2);
    expect(ch.err).toContain('没有渠道 fax');
    expect(ch.err).toContain('There is no channel fax');
    const t = run('--channel', 'phone', '--received', '2026-09-31T10:00');
    expect(t.code).toBe(2);
    expect(t.err).toContain('受理时间 2026-09-31T10:00 无效');
    expect(run('--channel', 'phone', '--received', 'yesterday').code).toBe(2);
    expect(run('--channel', 'government', '--received', '2026-09-30T10:00', '--count', 'lunar').code).toBe(2);
  });
});
