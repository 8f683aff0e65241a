import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Component tests are .tsx; the React 17+ automatic runtime needs no React import.
  esbuild: { jsx: 'automatic' },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // The end-to-end tests drive Chromium against the dev server: `npm run test:e2e`.
    exclude: ['test/e2e/**', 'node_modules/**'],
    // Real SQLite files with synchronous=FULL and child processes: give slow disks room.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Two files at once: on CI's two cores vitest would run one (cores − 1), yet most files wait on
    // fsync, child processes and sockets rather than the CPU. Each file keeps its own temp dir,
    // ports from the OS and its own PostgreSQL schema (test/helpers/hq-backends.ts), so they do not meet.
    maxWorkers: 2,
  },
});
