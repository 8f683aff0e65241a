// Global setup of the e2e run: one folder for the console's demo head office, built by the first
// console test file that needs it and copied by every other (building it takes about a minute; the
// copy, a moment). Removed at the end of the run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the run's demo head office is (empty until the first console test file builds it). */
    consoleDemoDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'branch-desk-console-demo-'));
  project.provide('consoleDemoDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
