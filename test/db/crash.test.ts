// Durability (the store must survive the process dying at any moment): a writer registers
// cases until it is SIGKILLed, 30 times over on the same store. Every creation that returned
// must be there, numbers must stay gapless, and no case may lack its audit or outbox row.
import Database from 'better-sqlite3';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src-main/cli/prng';
import { tempDir } from '../helpers/store';

const ROOT = resolve(import.meta.dirname, '../..');
const WRITER = join(ROOT, 'test/helpers/crash-writer.ts');
const ROUNDS = 30;
// A fresh seed each run explores new kill moments; CRASH_SEED replays a failing run.
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 32);

const dir = tempDir('branch-desk-crash-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startWriter(
  file: string,
  side: string,
): {
  child: ChildProcess;
  ready: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
} {
  // node --import tsx, not the tsx CLI: the CLI is a wrapper process and SIGKILL would miss the writer.
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, side], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
    child.on('exit', (code, signal) => res({ code, signal })),
  );
  const ready = new Promise<void>((res, rej) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready\n')) res();
    });
    void exited.then(({ code, signal }) =>
      rej(new Error(`writer exited before ready (code ${code}, signal ${signal}): ${err}`)),
    );
  });
  return { child, ready, exited, stderr: () => err };
}

/** Lines the writer finished writing; a line cut by the kill has no newline and is ignored. */
function returnedCreations(side: string): { id: string; number: string }[] {
  if (!existsSync(side)) return [];
  const text = readFileSync(side, 'utf8');
  return text
    .slice(0, text.lastIndexOf('\n') + 1)
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [id, number] = l.split(' ');
      return { id: id as string, number: number as string };
    });
}

describe('crash durability (SIGKILL during intake)', () => {
  it(
    `keeps every returned case, gapless numbers, audit and outbox through ${ROUNDS} kills (seed ${SEED})`,
    // 30 writers started and killed: about 60 s alone, 120 s beside another test file (vitest runs two),
    // more on a loaded machine. The limit guards against a hang, not for speed.
    { timeout: 600_000 },
    async () => {
      const rng = createRng(SEED);
      const file = join(dir, 'branch.sqlite');
      const side = join(dir, 'returned.txt');
      for (let round = 0; round < ROUNDS; round++) {
        const w = startWriter(file, side);
        await w.ready;
        await sleep(rng.int(50, 400));
        w.child.kill('SIGKILL');
        const { signal, code } = await w.exited;
        // A writer that stopped by itself (an error) would make the kill meaningless.
        expect({ round, signal, code, stderr: w.stderr() }).toMatchObject({ round, signal: 'SIGKILL', code: null });
      }

      const returned = returnedCreations(side);
      expect(returned.length, `seed ${SEED}`).toBeGreaterThan(ROUNDS);

      const db = new Database(file);
      try {
        expect(db.pragma('integrity_check', { simple: true }), `seed ${SEED}`).toBe('ok');

        const cases = db.prepare('SELECT id, number FROM cases').all() as { id: string; number: string }[];
        const numberOf = new Map(cases.map((c) => [c.id, c.number]));
        const missing = returned.filter((r) => numberOf.get(r.id) !== r.number);
        expect(missing, `seed ${SEED}`).toEqual([]);
        // At most one commit per round can land between the commit and the side-file write.
        expect(cases.length - returned.length).toBeLessThanOrEqual(ROUNDS);

        // Gapless per branch and month: serials 1..n, and the counter stands at n.
        const byPeriod = new Map<string, number[]>();
        for (const c of cases) {
          const m = /^([A-Z0-9]+)-YY-(\d{6})-(\d+)$/.exec(c.number);
          expect(m, c.number).not.toBeNull();
          const key = `${m?.[1]}|${m?.[2]}`;
          byPeriod.set(key, [...(byPeriod.get(key) ?? []), Number(m?.[3])]);
        }
        for (const [key, serials] of byPeriod) {
          serials.sort((a, b) => a - b);
          expect(serials, `serials of ${key}`).toEqual(serials.map((_, i) => i + 1));
          const [branch, period] = key.split('|');
          const counter = db
            .prepare("SELECT last_serial FROM number_counters WHERE branch_code = ? AND kind = 'YY' AND period = ?")
            .get(branch, period) as { last_serial: number };
          expect(counter.last_serial, `counter of ${key}`).toBe(serials.length);
        }

        const audited = new Set(
          (
            db.prepare("SELECT entity_id FROM audit_log WHERE entity = 'case' AND action = 'case.create'").all() as {
              entity_id: string;
            }[]
          ).map((r) => r.entity_id),
        );
        const queued = new Set(
          (db.prepare("SELECT record_id FROM outbox WHERE record_type = 'case'").all() as { record_id: string }[]).map(
            (r) => r.record_id,
          ),
        );
        const timeline = new Set(
          (db.prepare("SELECT case_id FROM case_events WHERE kind = 'intake'").all() as { case_id: string }[]).map(
            (r) => r.case_id,
          ),
        );
        expect(
          cases.filter((c) => !audited.has(c.id)).map((c) => c.number),
          'cases without audit row',
        ).toEqual([]);
        expect(
          cases.filter((c) => !queued.has(c.id)).map((c) => c.number),
          'cases without outbox row',
        ).toEqual([]);
        expect(
          cases.filter((c) => !timeline.has(c.id)).map((c) => c.number),
          'cases without intake event',
        ).toEqual([]);
      } finally {
        db.close();
      }
    },
  );
});
