// The sync channels through `dispatch`, as the UI calls them: status, sync now, batch file.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/handlers';
import type { AppContext } from '../../src-main/handlers/types';
import { openPart } from '../../src-main/sync/batch-container';
import { unsealFile } from '../../src-main/sync/batch-seal';
import { decodeBatchFile } from '../../src-main/sync/batch-file';
import { createSyncService, type SyncConfig } from '../../src-main/sync/sync-service';
import { attach, fakeJpeg } from '../helpers/attachments';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';
import { branchFold, foldEntries, type Hq, hqFold, startHq } from './sync-harness';
import { HQ_BACKENDS } from '../helpers/hq-backends';

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('head office on %s', (_backendName, backend) => {
  let hq: Hq;
  let s: TestStore;
  let config: SyncConfig | null;
  beforeEach(async () => {
    hq = await startHq({ backend });
    s = openTestStore();
    config = { branch: 'SH01', url: hq.url, key: await hq.addBranch('SH01') };
  });
  afterEach(async () => {
    s.close();
    await hq.close();
  });

  const noTimers = { setTimeout: () => 0, clearTimeout: () => undefined };

  describe('sync channels', () => {
    it('status without a sync service still counts what is waiting', async () => {
      phoneCase(s);
      const r = await dispatch(s.ctx, { user: s.users.clerk }, 'sync.status', {});
      expect(r).toMatchObject({ ok: true, value: { configured: false, state: 'idle', lastSuccessAt: null } });
      if (r.ok) expect(r.value.waiting).toBeGreaterThan(0);
      expect(await dispatch(s.ctx, { user: s.users.clerk }, 'sync.now', {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    });

    it('"sync now" pushes everything and reports success; without settings it says what to set', async () => {
      phoneCase(s);
      const ctx: AppContext = { ...s.ctx, sync: createSyncService(s.ctx, { config: () => config, timers: noTimers }) };
      const r = await dispatch(ctx, { user: s.users.clerk }, 'sync.now', {});
      expect(r).toMatchObject({
        ok: true,
        value: { configured: true, state: 'idle', waiting: 0, lastError: null, lastSuccessAt: s.clock.t },
      });
      expect(foldEntries(await hqFold(hq.db, 'SH01'))).toEqual(foldEntries(branchFold(s.db)));
      config = null;
      phoneCase(s);
      const off = await dispatch(ctx, { user: s.users.clerk }, 'sync.now', {});
      expect(off).toMatchObject({
        ok: true,
        value: { configured: false, state: 'stopped', lastError: { zh: expect.stringContaining('总部地址') } },
      });
    });

    it('exports the batch file through the shell dialog, for those who submit to head office only', async () => {
      phoneCase(s);
      const target = join(s.dir, 'usb', 'batch.json');
      const asked: string[] = [];
      const ctx: AppContext = {
        ...s.ctx,
        sync: createSyncService(s.ctx, {
          config: () => config,
          timers: noTimers,
          choosePath: async (name) => (asked.push(name), target),
        }),
      };
      expect(await dispatch(ctx, { user: s.users.clerk }, 'sync.exportBatch', {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      const r = await dispatch(ctx, { user: s.users.secretary }, 'sync.exportBatch', {});
      expect(r).toMatchObject({ ok: true, value: { path: target, batches: 1 } });
      expect(asked[0]).toMatch(/^同步批次-SH01-\d{4}-\d{2}-\d{2}\.json$/);
      expect(existsSync(target)).toBe(true);
      // Sealed for head office with the branch's sync key (batch-seal.ts).
      expect(readFileSync(target).includes(Buffer.from('"batches"'))).toBe(false);
      await unsealFile(target, `${target}.plain`, async () => config?.key ?? '');
      expect(decodeBatchFile(readFileSync(`${target}.plain`, 'utf8')).branch).toBe('SH01');
    });

    it('carries attachment bytes head office has not confirmed in the signed USB container', async () => {
      const c = phoneCase(s);
      const a = attach(s, c.id, { bytes: fakeJpeg(40_000), thumb: null });
      const target = join(s.dir, 'usb', 'batch.bdx');
      const asked: string[] = [];
      const ctx: AppContext = {
        ...s.ctx,
        sync: createSyncService(s.ctx, {
          config: () => config,
          timers: noTimers,
          choosePath: async (name) => (asked.push(name), target),
        }),
      };
      const r = await dispatch(ctx, { user: s.users.secretary }, 'sync.exportBatch', {});
      expect(asked[0]).toMatch(/^同步批次-SH01-\d{4}-\d{2}-\d{2}\.bdx$/);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      expect(r.value.batches).toBe(1);
      await unsealFile(r.value.path ?? '', `${target}.plain`, async () => config?.key ?? '');
      const part = openPart(`${target}.plain`);
      try {
        expect(part.body.branch).toBe('SH01');
        const chunk = part.body.chunks.find((x) => x.sha256 === a.snapshot.sha256);
        if (!chunk) throw new Error('the attachment is not in the part');
        expect(part.readChunk(chunk).equals(a.bytes)).toBe(true);
      } finally {
        part.close();
      }
    });
  });
});
