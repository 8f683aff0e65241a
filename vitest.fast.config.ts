// The fast part of `npm test` (`npm run test:fast`): everything but the suites listed here, and head office on SQLite only.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/** Left out of the fast run; `npm test` (vitest.config.ts) still runs every one of them. */
export const SLOW_SUITES = [
  // jsdom component tests (.tsx): antd in jsdom takes seconds per test. (A plain .ts test there, like the vocabulary drift check, stays.)
  'test/renderer/**/*.test.tsx',
  // SIGKILL crash tests: child processes killed mid-write, then recovery.
  'test/db/crash.test.ts',
  'test/sync/hq-kill.test.ts',
  // Child-process CLI tests (each spawns node with tsx).
  'test/cli/**',
  'test/sync/batch-file.test.ts',
  'test/headoffice/console-serve.test.ts',
];

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [...(base.test?.exclude ?? []), ...SLOW_SUITES],
      // PostgreSQL is the slow half of the head-office suites: SQLite only here.
      env: { HQ_TEST_BACKENDS: 'sqlite', HQ_TEST_DATABASE_URL: '' },
    },
  }),
);
