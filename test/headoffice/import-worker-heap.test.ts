// The import worker's V8 heap is bounded (issue 16, head office's memory under 200 branches): a started worker runs
// with WORKER_HEAP_LIMITS, and still imports (its nonce group commit answers) within them.
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { ImportPool, WORKER_HEAP_LIMITS } from '../../src-headoffice/import-pool';
import { type HqStore, openHqStore } from '../../src-headoffice/store';
import { tempDir } from '../helpers/store';

let db: HqStore | null = null;
let pool: ImportPool | null = null;
afterEach(async () => {
  await pool?.close();
  await db?.close();
  pool = null;
  db = null;
});

it('starts each import worker with its heap bounded, and the bounded worker answers', async () => {
  db = await openHqStore(join(tempDir(), 'hq.sqlite'));
  pool = ImportPool.for(db, { workers: 1, slots: 1, retryAfterS: 1 });
  expect(pool).not.toBeNull();
  expect(pool?.heapLimits()).toEqual([]);
  const fresh = await pool?.writeNonces([{ branch: 'SH01', nonce: 'n-1', now: Date.now() }], null);
  expect(fresh ? [...fresh] : []).toHaveLength(1);
  const [limits] = pool?.heapLimits() ?? [];
  expect(limits).toMatchObject(WORKER_HEAP_LIMITS);
});
