import { defineConfig } from 'vitest/config';

// End to end: Debian's Chromium (playwright-core) against the dev server on a free port.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/console-demo-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
