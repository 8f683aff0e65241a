// What every createCase bench starts from: a fresh branch store (seeded staff, the bench's clock)
// beside a fresh one-table raw store with the same pragmas, and intake forms drawn up front.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { applyPragmas, openDatabase, type Db } from '../src-main/db/connection';
import { createCase } from '../src-main/services/case-intake';
import { createContext, type ServiceContext } from '../src-main/services/context';
import { createRng } from '../src-main/cli/prng';
import { DATASET_NOW } from './dataset';
import { intakeForms, type IntakeForm } from './intake-inputs';
import { seedStaff } from './staff';

export type Synchronous = 'FULL' | 'OFF';

export interface CreateRig {
  db: Db;
  ctx: ServiceContext;
  raw: Db;
  /** One case through the full service path, at the plan's next time. */
  createNext: () => void;
  /** One autocommitted one-row insert into the raw store: the anchor. */
  rawCommit: () => void;
  close: () => void;
}

/**
 * `name` tells the files apart in `dir`; with `key` the branch store is encrypted (the raw one
 * stays plain, the same anchor); `synchronous` is set on both stores after the usual pragmas.
 * Forms are drawn before anything is timed (`planned` of them): generating them is not part of the service path.
 */
export function createRig(
  dir: string,
  name: string,
  planned: number,
  opts: { key?: Buffer | null; synchronous?: Synchronous } = {},
): CreateRig {
  const clock = { t: DATASET_NOW };
  const { db } = openDatabase(join(dir, `branch-${name}.sqlite`), { now: () => clock.t, key: opts.key ?? null });
  const raw = new Database(join(dir, `raw-${name}.sqlite`));
  const ctx = createContext(db, { now: () => clock.t });
  const staff = seedStaff(ctx, 1);
  applyPragmas(raw);
  const sync = opts.synchronous ?? 'FULL';
  db.pragma(`synchronous = ${sync}`);
  raw.pragma(`synchronous = ${sync}`);
  raw.exec('CREATE TABLE raw_commit (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, note TEXT NOT NULL)');
  const rawInsert = raw.prepare('INSERT INTO raw_commit (at, note) VALUES (?, ?)');

  const rng = createRng(42);
  const next = intakeForms(rng, staff);
  const plan: { at: number; form: IntakeForm }[] = Array.from({ length: planned }, (_, i) => {
    const at = DATASET_NOW + i * 3 * 60_000 + rng.int(0, 120_000);
    return { at, form: next(at) };
  });
  let i = 0;
  return {
    db,
    ctx,
    raw,
    createNext: () => {
      const p = plan[i++];
      if (!p) throw new Error(`the rig planned ${planned} cases only`);
      clock.t = p.at;
      createCase(ctx, p.form.actor, p.form.input);
    },
    rawCommit: () => rawInsert.run(clock.t, '一行'),
    close: () => {
      db.close();
      raw.close();
    },
  };
}
