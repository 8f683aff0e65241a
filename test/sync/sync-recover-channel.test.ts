// "Restore from head office" through `dispatch`, as the sync line calls it (issue 15 §2): the
// status says the store is behind; only the manager may restore; afterwards it syncs again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/handlers';
import type { AppContext } from '../../src-main/handlers/types';
import { createSyncService, type SyncConfig } from '../../src-main/sync/sync-service';
import { HQ_BACKENDS, scalar } from '../helpers/hq-backends';
import { openTestStore, phoneCase, storeCounts, type TestStore } from '../helpers/store';
import { type Hq, startHq } from './sync-harness';

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('head office on %s', (_backendName, backend) => {
  let hq: Hq;
  let old: TestStore;
  let fresh: TestStore;
  let config: SyncConfig;
  beforeEach(async () => {
    hq = await startHq({ backend });
    old = openTestStore();
    fresh = openTestStore();
    config = { branch: 'SH01', url: hq.url, key: await hq.addBranch('SH01') };
  });
  afterEach(async () => {
    old.close();
    fresh.close();
    await hq.close();
  });

  const noTimers = { setTimeout: () => 0, clearTimeout: () => undefined };

  it('a new PC is behind; a clerk may not restore; the manager restores and the line is idle again', async () => {
    for (let i = 0; i < 3; i++) phoneCase(old);
    const oldCtx: AppContext = {
      ...old.ctx,
      sync: createSyncService(old.ctx, { config: () => config, timers: noTimers }),
    };
    expect(await dispatch(oldCtx, { user: old.users.clerk }, 'sync.now', {})).toMatchObject({
      ok: true,
      value: { waiting: 0, recovery: null },
    });

    const ctx: AppContext = {
      ...fresh.ctx,
      sync: createSyncService(fresh.ctx, { config: () => config, timers: noTimers }),
    };
    const behind = await dispatch(ctx, { user: fresh.users.clerk }, 'sync.now', {});
    expect(behind).toMatchObject({
      ok: true,
      value: { state: 'stopped', recovery: 'behind', lastError: { zh: expect.stringContaining('落后于总部') } },
    });
    const before = storeCounts(fresh.db);
    for (const who of ['clerk', 'secretary', 'supervisor'] as const)
      expect(await dispatch(ctx, { user: fresh.users[who] }, 'sync.recover', {})).toMatchObject({
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: { zh: expect.stringContaining('店长'), en: expect.stringContaining('manager') },
        },
      });
    expect(storeCounts(fresh.db)).toEqual(before);

    // Two clicks at once: one recovery, one new epoch at head office.
    const [r, again] = await Promise.all([
      dispatch(ctx, { user: fresh.users.manager }, 'sync.recover', {}),
      dispatch(ctx, { user: fresh.users.manager }, 'sync.recover', {}),
    ]);
    for (const x of [r, again])
      expect(x).toMatchObject({ ok: true, value: { state: 'idle', recovery: null, waiting: 0, lastError: null } });
    expect(await scalar(hq.db, "SELECT count(*) FROM cursors WHERE branch = 'SH01'")).toBe(2);
    expect(fresh.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(3);
  });

  it('without a sync service the status still says the store is behind, and restoring is refused in words', async () => {
    fresh.db
      .prepare("INSERT INTO sync_state (key, value) VALUES ('recovery', ?)")
      .run(JSON.stringify({ state: 'behind', reason: 'epoch', cursor: 0 }));
    expect(await dispatch(fresh.ctx, { user: fresh.users.clerk }, 'sync.status', {})).toMatchObject({
      ok: true,
      value: { recovery: 'behind' },
    });
    expect(await dispatch(fresh.ctx, { user: fresh.users.manager }, 'sync.recover', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
