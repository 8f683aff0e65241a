// Builds a demo head-office store the way a real one fills up: demo branch stores seeded by
// `cli seed-demo`, their outboxes exported as signed batch files (`cli export-batch`), the
// branches registered and the files imported at head office (`headoffice branch add`,
// `headoffice import`), and a demo reviewer. Each step runs the real CLI in a child process.
// Used by `npm run dev:console` and the console's end-to-end tests.
import { execFileSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** The demo reviewer (demo data only; named in the README). */
export const DEMO_REVIEWER = { username: 'reviewer', password: 'review-demo-2026', name: '周审核' } as const;

/**
 * The demo branches. SH01 and SH02 share a PRNG seed, so their pools of regular customers
 * overlap: the same people complain at both (the cross-branch repeat complainants). SH04 is
 * registered but has never sent anything (sync health shows it as a problem).
 */
export const DEMO_BRANCHES = [
  { code: 'SH01', cases: 160, seed: 20261124 },
  { code: 'SH02', cases: 120, seed: 20261124 },
  { code: 'SH03', cases: 80, seed: 7 },
] as const;
export const SILENT_BRANCH = 'SH04';
/** Restored from an old backup after its first sync: head office refuses its batch (REWOUND alert). */
export const REWOUND_BRANCH = 'SH03';

/** End of the simulated period for tests: fixed, so a test shows the same cases every time. */
export const DEMO_NOW = '2026-11-20T18:00:00+08:00';

/** Runs a CLI; `input` is its standard input (the reviewer's password is read from there). */
function run(script: string, args: string[], input = ''): string {
  return execFileSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

const cli = (args: string[]) => run('src-main/cli/index.ts', args);
export const headoffice = (hqDb: string, args: string[], input = '') =>
  run('src-headoffice/cli.ts', ['--db', hqDb, ...args], input);

function exportAndImport(dir: string, hqDb: string, db: string, code: string, key: string, name: string): string {
  const file = join(dir, `${name}-batches.json`);
  cli(['export-batch', '--db', db, '--out', file, '--branch', code, '--key', key]);
  return headoffice(hqDb, ['import', file, '--insecure-keys']).trim();
}

/**
 * A branch restored from a backup: the backup is taken, the live store works on and syncs,
 * then the backup comes back and records other work under the same sequence numbers.
 * Head office refuses that batch whole and keeps an alert for a person to look at.
 */
function rewind(dir: string, hqDb: string, code: string, key: string, now: string, log: (s: string) => void): void {
  const live = join(dir, `${code.toLowerCase()}.sqlite`);
  const backup = join(dir, `${code.toLowerCase()}-backup.sqlite`);
  copyFileSync(live, backup);
  const more = (db: string, seed: number) =>
    cli([
      'seed-demo',
      '--db',
      db,
      '--cases',
      '4',
      '--branch',
      code,
      '--seed',
      String(seed),
      '--days',
      '2',
      '--now',
      now,
    ]);
  more(live, 8);
  log(exportAndImport(dir, hqDb, live, code, key, `${code.toLowerCase()}-more`));
  more(backup, 9);
  try {
    exportAndImport(dir, hqDb, backup, code, key, `${code.toLowerCase()}-restored`);
    throw new Error(`head office accepted the rewound batch of ${code}`);
  } catch (e) {
    const stderr = String((e as { stderr?: string }).stderr ?? '');
    if (!stderr) throw e;
    log(stderr.trim());
  }
}

export interface DemoHq {
  hqDb: string;
  /** Branch code → sync key (what the branch would hold). */
  keys: Record<string, string>;
  branchDbs: Record<string, string>;
}

/**
 * Builds the demo head office in `dir`. `now` ends the simulated period (ISO with offset): tests pass
 * DEMO_NOW; `npm run dev:console` passes the moment it is built, so its data is fresh, not stale.
 */
export function buildConsoleDemo(dir: string, log: (s: string) => void = () => {}, now = DEMO_NOW): DemoHq {
  const hqDb = join(dir, 'headoffice.sqlite');
  const keys: Record<string, string> = {};
  const branchDbs: Record<string, string> = {};
  for (const b of DEMO_BRANCHES) {
    const db = join(dir, `${b.code.toLowerCase()}.sqlite`);
    branchDbs[b.code] = db;
    cli([
      'seed-demo',
      '--db',
      db,
      '--cases',
      String(b.cases),
      '--branch',
      b.code,
      '--seed',
      String(b.seed),
      '--now',
      now,
    ]);
    const key = /\n([A-Za-z0-9_-]{32,})\s*$/.exec(headoffice(hqDb, ['branch', 'add', b.code, '--insecure-keys']))?.[1];
    if (!key) throw new Error(`no sync key printed for ${b.code}`);
    keys[b.code] = key;
    log(exportAndImport(dir, hqDb, db, b.code, key, b.code.toLowerCase()));
  }
  rewind(dir, hqDb, REWOUND_BRANCH, keys[REWOUND_BRANCH] ?? '', now, log);
  headoffice(hqDb, ['branch', 'add', SILENT_BRANCH, '--insecure-keys']);
  log(
    headoffice(
      hqDb,
      ['reviewer', 'add', DEMO_REVIEWER.username, '--name', DEMO_REVIEWER.name],
      `${DEMO_REVIEWER.password}\n`,
    ).trim(),
  );
  // The keys a branch would hold, for signing as that branch in tests (demo data only).
  writeFileSync(join(dir, 'keys.json'), JSON.stringify(keys));
  return { hqDb, keys, branchDbs };
}
