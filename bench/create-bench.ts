// createCase through the full service path against a bare one-row commit, on real files in
// the same directory with the same pragmas. The two are interleaved, one case then one raw
// commit, so that both see the same disk and the same background load; the ratio is then
// the cost of the service path in units of "one fsync'd commit" on this machine.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { applyPragmas, openDatabase } from '../src-main/db/connection';
import { createCase } from '../src-main/services/case-intake';
import { createContext } from '../src-main/services/context';
import { DATASET_NOW } from './dataset';
import { intakeForms } from './intake-inputs';
import { createRng } from '../src-main/cli/prng';
import { seedStaff } from './staff';
import { median, percentile, timeMs } from './timing';

export interface CreateResult {
  caseMedianMs: number;
  caseP90Ms: number;
  rawMedianMs: number;
  rawP90Ms: number;
  samples: number;
  warmup: number;
}

/** With `key`, the branch store is encrypted at rest (issue 20 §4); the raw commit stays plain, the same anchor. */
export function benchCreate(dir: string, samples: number, warmup: number, key: Buffer | null = null): CreateResult {
  const clock = { t: DATASET_NOW };
  const tag = key ? '-encrypted' : '';
  const { db } = openDatabase(join(dir, `branch${tag}.sqlite`), { now: () => clock.t, key });
  const raw = new Database(join(dir, `raw${tag}.sqlite`));
  try {
    const ctx = createContext(db, { now: () => clock.t });
    const staff = seedStaff(ctx, 1);
    applyPragmas(raw);
    raw.exec('CREATE TABLE raw_commit (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, note TEXT NOT NULL)');
    const rawInsert = raw.prepare('INSERT INTO raw_commit (at, note) VALUES (?, ?)');

    // Forms are drawn before timing: generating them is not part of the service path.
    const rng = createRng(42);
    const next = intakeForms(rng, staff);
    const plan = Array.from({ length: warmup + samples }, (_, i) => {
      const at = DATASET_NOW + i * 3 * 60_000 + rng.int(0, 120_000);
      return { at, form: next(at) };
    });

    const caseMs: number[] = [];
    const rawMs: number[] = [];
    plan.forEach(({ at, form }, i) => {
      clock.t = at;
      const c = timeMs(() => createCase(ctx, form.actor, form.input));
      const r = timeMs(() => rawInsert.run(at, '一行'));
      if (i >= warmup) {
        caseMs.push(c);
        rawMs.push(r);
      }
    });
    return {
      caseMedianMs: median(caseMs),
      caseP90Ms: percentile(caseMs, 0.9),
      rawMedianMs: median(rawMs),
      rawP90Ms: percentile(rawMs, 0.9),
      samples,
      warmup,
    };
  } finally {
    db.close();
    raw.close();
  }
}
