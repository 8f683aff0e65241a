// Head office's reference records through the channels the screens use (issue 21 §1): the sync status carries
// the last update (the sync line's "话术库已更新" / "日历已更新 2027") after a real sync against a real head office,
// and the manager's 导入总部文件 (sync.importReference) applies a signed file once; a clerk, a missing key, bad
// base64 and a file for another branch are refused in words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceFileFor } from '../../src-headoffice/reference-export';
import { publishReference } from '../../src-headoffice/reference-store';
import { SHIPPED_CALENDAR, SHIPPED_PHRASE_LIBRARY } from '../../src-main/db/repositories/reference-repo';
import { dispatch } from '../../src-main/handlers';
import type { AppContext } from '../../src-main/handlers/types';
import { createSyncService, type SyncConfig } from '../../src-main/sync/sync-service';
import { openTestStore, type TestStore } from '../helpers/store';
import { type Hq, startHq } from './sync-harness';

const noTimers = { setTimeout: () => 0, clearTimeout: () => undefined };
const LI = { reviewerId: 'li', name: '李审核' };

describe('reference records through the sync channels', () => {
  let hq: Hq;
  let keys: Record<string, string>;
  beforeAll(async () => {
    hq = await startHq();
    keys = { SH01: await hq.addBranch('SH01'), SH02: await hq.addBranch('SH02') };
    const lib = SHIPPED_PHRASE_LIBRARY;
    await publishReference(
      hq.db,
      { kind: 'phrases', key: 'library', body: { ...lib, phrases: lib.phrases.slice(1) } },
      LI,
    );
    const y2026 = SHIPPED_CALENDAR.find((y) => y.year === 2026);
    await publishReference(
      hq.db,
      { kind: 'calendar', key: '2026', body: { ...y2026, source: `${y2026?.source}(修订)` } },
      LI,
    );
  }, 60_000);
  afterAll(() => hq.close());

  const withSync = (s: TestStore, config: SyncConfig | null): AppContext => ({
    ...s.ctx,
    sync: createSyncService(s.ctx, { config: () => config, timers: noTimers }),
  });

  it('a sync brings them; the status tells the sync line for 7 days', async () => {
    const s = openTestStore();
    try {
      const ctx = withSync(s, { branch: 'SH01', url: hq.url, key: keys.SH01 as string });
      const before = await dispatch(ctx, { user: s.users.clerk }, 'sync.status', {});
      expect(before.ok && before.value.referenceUpdate).toBeNull();
      const r = await dispatch(ctx, { user: s.users.clerk }, 'sync.now', {});
      expect(r.ok && r.value.referenceUpdate).toEqual({
        at: s.clock.t,
        via: 'network',
        calendarYears: [2026],
        phrases: true,
      });
      s.clock.t += 7 * 24 * 3_600_000;
      const later = await dispatch(s.ctx, { user: s.users.clerk }, 'sync.status', {});
      expect(later.ok && later.value.referenceUpdate).toBeNull();
    } finally {
      s.close();
    }
  }, 60_000);

  it("the manager's import applies the file once; refusals in words", async () => {
    const s = openTestStore();
    try {
      const ctx = withSync(s, { branch: 'SH01', url: hq.url, key: keys.SH01 as string });
      const file = await referenceFileFor(hq.db, 'SH01', Date.now());
      const dataBase64 = Buffer.from(file.text).toString('base64');
      const clerk = await dispatch(ctx, { user: s.users.clerk }, 'sync.importReference', { dataBase64 });
      expect(clerk).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: { zh: '只有店长可以导入总部文件' } },
      });
      const first = await dispatch(ctx, { user: s.users.manager }, 'sync.importReference', { dataBase64 });
      expect(first.ok && first.value).toEqual({
        inFile: 2,
        stored: [
          { kind: 'phrases', key: 'library', version: 2 },
          { kind: 'calendar', key: '2026', version: 2 },
        ],
      });
      const again = await dispatch(ctx, { user: s.users.manager }, 'sync.importReference', { dataBase64 });
      expect(again.ok && again.value).toEqual({ inFile: 2, stored: [] });
      const status = await dispatch(ctx, { user: s.users.clerk }, 'sync.status', {});
      expect(status.ok && status.value.referenceUpdate).toMatchObject({
        via: 'file',
        calendarYears: [2026],
        phrases: true,
      });

      const other = await referenceFileFor(hq.db, 'SH02', Date.now());
      const foreign = await dispatch(ctx, { user: s.users.manager }, 'sync.importReference', {
        dataBase64: Buffer.from(other.text).toString('base64'),
      });
      expect(foreign).toMatchObject({
        ok: false,
        error: { message: { zh: expect.stringContaining('写给门店 SH02') } },
      });
      const empty = await dispatch(ctx, { user: s.users.manager }, 'sync.importReference', { dataBase64: '' });
      expect(empty).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      const noKey = await dispatch(s.ctx, { user: s.users.manager }, 'sync.importReference', { dataBase64 });
      expect(noKey).toMatchObject({
        ok: false,
        error: { message: { zh: expect.stringContaining('import-reference') } },
      });
      const notConfigured = withSync(s, null);
      const unset = await dispatch(notConfigured, { user: s.users.manager }, 'sync.importReference', { dataBase64 });
      expect(unset).toMatchObject({ ok: false, error: { message: { zh: expect.stringContaining('同步密钥') } } });
    } finally {
      s.close();
    }
  }, 60_000);
});
