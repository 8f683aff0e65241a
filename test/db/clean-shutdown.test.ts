// quick_check at open only after an unclean shutdown (issue 16 §4): a real store file, a child
// process that writes cases until it is SIGKILLed (no clean close), a clean close in process, a
// copy restored over the file, and the background check on its own thread.
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanMarkerPath, quickCheckInBackground } from '../../src-main/db/clean-shutdown';
import { openDatabase } from '../../src-main/db/connection';
import { tempDir } from '../helpers/store';

const ROOT = resolve(import.meta.dirname, '../..');
const WRITER = join(ROOT, 'test/helpers/crash-writer.ts');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The crash writer on `file` (it never closes the store), killed with SIGKILL after it has written a while. */
async function killedWriter(file: string, side: string): Promise<void> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', WRITER, file, side], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_c, signal) => res(signal)));
  await new Promise<void>((res, rej) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready\n')) res();
    });
    void exited.then(() => rej(new Error('the writer exited before it was ready')));
  });
  await sleep(300);
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
}

describe('quick_check after an unclean shutdown only', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = tempDir('branch-desk-clean-');
    file = join(dir, 'branch.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a new store is not checked; a clean close leaves the marker and the next open skips the check', () => {
    const first = openDatabase(file);
    expect(first.checked).toBe(false);
    expect(existsSync(cleanMarkerPath(file))).toBe(false);
    first.db.close();
    expect(existsSync(cleanMarkerPath(file))).toBe(true);

    const second = openDatabase(file);
    expect(second.checked).toBe(false);
    // Open means not yet closed cleanly: the marker is gone until this connection closes.
    expect(existsSync(cleanMarkerPath(file))).toBe(false);
    second.db.close();
    second.db.close();
    expect(existsSync(cleanMarkerPath(file))).toBe(true);
    const asked = openDatabase(file, { quickCheck: 'always' });
    expect(asked.checked).toBe(true);
    asked.db.close();
  });

  it(
    'a process killed while writing leaves no marker: the next open runs quick_check, and after its clean close the one after does not',
    { timeout: 60_000 },
    async () => {
      const side = join(dir, 'returned.txt');
      await killedWriter(file, side);
      expect(existsSync(cleanMarkerPath(file))).toBe(false);
      const afterCrash = openDatabase(file);
      expect(afterCrash.checked).toBe(true);
      expect(afterCrash.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBeGreaterThan(0);
      afterCrash.db.close();

      const afterClean = openDatabase(file);
      expect(afterClean.checked).toBe(false);
      afterClean.db.close();

      // Cleanly closed, then killed again on the next run: the stale marker of the earlier close is not trusted.
      await killedWriter(file, side);
      const again = openDatabase(file);
      expect(again.checked).toBe(true);
      again.db.close();
    },
  );

  it('a copy restored over a cleanly closed store is checked (the marker no longer matches the file)', () => {
    const a = openDatabase(file);
    a.db.exec('CREATE TABLE scratch (x)');
    const copy = join(dir, 'copy.sqlite');
    a.db.prepare('VACUUM INTO ?').run(copy);
    a.db.exec("INSERT INTO scratch VALUES ('more than the copy holds')");
    a.db.close();
    expect(existsSync(cleanMarkerPath(file))).toBe(true);
    copyFileSync(copy, file);
    const restored = openDatabase(file);
    expect(restored.checked).toBe(true);
    restored.db.close();
  });

  it('the background check runs quick_check on its own read-only connection while the store is open', async () => {
    const { db } = openDatabase(file);
    db.exec('CREATE TABLE scratch (x); INSERT INTO scratch VALUES (1)');
    await expect(quickCheckInBackground(file)).resolves.toBe('ok');
    db.close();
    await expect(quickCheckInBackground(join(dir, 'missing.sqlite'))).rejects.toThrow();
  });
});
