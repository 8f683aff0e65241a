// The import worker's entry (import-pool.ts starts it): plain JavaScript, so it loads in a new thread that inherits
// no TypeScript loader (under vitest); tsx's API then loads import-worker.ts and what it imports, under tsx alike.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.boot, import.meta.url);
