// Logs hold no personal data (issue 20 §5): an unexpected error is logged by the app's one incident
// logger with its kind, code and stack frames, never its message, which may quote what was typed (here
// JSON.parse's own message quoting a phone and a name); SQLite's own messages (constraint and column
// names, no values) are kept. The log is written to a real file and grepped.
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBranchApp } from '../../src-main/app';
import { loggableError, loggableLine } from '../../src-main/shared/loggable-error';
import { openTestStore, type TestStore } from '../helpers/store';

let s: TestStore | undefined;
afterEach(() => s?.close());

const PHONE = '13987654321';
const NAME = '钱多多';

describe('the incident log', () => {
  it('keeps the kind and frames of an error that quotes a phone and a name, not its message', async () => {
    s = openTestStore();
    const logFile = join(s.dir, 'main.log');
    const write = (level: string) => (message: string, detail?: unknown) =>
      appendFileSync(logFile, `[${level}] ${message} ${JSON.stringify(detail)}\n`);
    const app = createBranchApp({
      db: s.db,
      settings: { branch: () => s!.settings },
      log: { warn: write('warn'), error: write('error') },
    });
    let quoting: unknown;
    try {
      JSON.parse(`${NAME} ${PHONE}`);
    } catch (e) {
      quoting = e;
    }
    expect(String((quoting as Error).message)).toContain(PHONE);
    app.logIncident('ab12cd34', 'cases.create', quoting);
    app.logIncident('ef56ab78', 'cases.create', new Error(`customer ${NAME} ${PHONE} not saved`));
    // A real unexpected failure through dispatch: the store closed under the handler.
    s.db.close();
    const r = await app.dispatch({ user: s.users.clerk }, 'queues.counts', {});
    expect(r.ok).toBe(false);

    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('incident ab12cd34 on cases.create');
    expect(log).toContain('SyntaxError');
    expect(log).toMatch(/incident \w{8} on queues\.counts/);
    expect(log).toMatch(/"frames":\["at /);
    expect(log).not.toContain(PHONE);
    expect(log).not.toContain(PHONE.slice(-4) + '"');
    expect(log).not.toContain(NAME);
  });

  it("keeps SQLite's own message, which names constraints, never values", () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (phone TEXT UNIQUE)');
    db.prepare('INSERT INTO t VALUES (?)').run(PHONE);
    let e: unknown;
    try {
      db.prepare('INSERT INTO t VALUES (?)').run(PHONE);
    } catch (x) {
      e = x;
    }
    db.close();
    expect(loggableError(e)).toMatchObject({
      name: 'SqliteError',
      code: 'SQLITE_CONSTRAINT_UNIQUE',
      message: 'UNIQUE constraint failed: t.phone',
    });
    expect(loggableLine(e)).not.toContain(PHONE);
    expect(loggableLine('a string thrown')).toBe('string');
  });
});
