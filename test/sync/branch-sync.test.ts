// Branch and head office end to end over loopback: the scheduler's refusals, clocks, schema
// versions, gaps, instructions (批示) back to the branch, and a branch restored from an old backup.
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/connection';
import { addNote } from '../../src-main/services/case-details';
import { createContext } from '../../src-main/services/context';
import { fileCase, forwardCase, recordFeedback, resolveCase, submitCase } from '../../src-main/services/case-workflow';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { SyncScheduler } from '../../src-main/sync/scheduler';
import { syncOnce } from '../../src-main/sync/sync-run';
import {
  ackedSeq,
  instructionCursor,
  lastSuccessAt,
  pendingInstructions,
  setAckedSeq,
  waitingCount,
} from '../../src-main/sync/sync-state';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';
import { ADMIN_TOKEN, branchFold, foldEntries, type Hq, hqFold, startHq } from './sync-harness';
import { HQ_BACKENDS, scalar } from '../helpers/hq-backends';

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('head office on %s', (_backendName, backend) => {
  let hq: Hq;
  let s: TestStore;
  let key: string;
  beforeEach(async () => {
    hq = await startHq({ backend });
    key = await hq.addBranch('SH01');
    s = openTestStore();
  });
  afterEach(async () => {
    s.close();
    await hq.close();
  });

  function scheduler(transport: HttpTransport, store: TestStore = s) {
    return new SyncScheduler({
      run: (onProgress) =>
        syncOnce({ ctx: store.ctx, branch: 'SH01', transport, caps: { maxRecords: 7, maxBytes: 1e6 }, onProgress }),
      waiting: () => waitingCount(store.db),
      lastSuccessAt: () => lastSuccessAt(store.db),
      timers: { setTimeout: () => 0, clearTimeout: () => undefined },
    });
  }

  const instruct = async (caseNumber: string) => {
    const res = await fetch(`${hq.url}/v1/instructions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ caseNumber, text: '同意处理意见,可以建档', reviewerName: '部本部 李审核' }),
    });
    expect(res.status).toBe(201);
  };

  describe('branch sync end to end', () => {
    it('a wrong key gives one 401 and a message in words, never a retry storm', async () => {
      phoneCase(s);
      let requests = 0;
      const counting: typeof fetch = (input, init) => {
        requests++;
        return fetch(input, init);
      };
      const sched = scheduler(
        new HttpTransport({ url: hq.url, branch: 'SH01', key: 'not-the-key-0123456789', fetch: counting }),
      );
      await sched.start();
      for (let i = 0; i < 5; i++) await sched.trigger(i % 2 ? 'interval' : 'network');
      sched.stop();
      expect(requests).toBe(1);
      expect(sched.status()).toMatchObject({
        state: 'stopped',
        lastError: { zh: expect.stringContaining('签名不符') },
      });
      expect(sched.status().waiting).toBeGreaterThan(0);
      expect(await scalar(hq.db, 'SELECT count(*) FROM records')).toBe(0);
    });

    it('two triggers at once run one sync; progress, waiting count and last success are reported', async () => {
      for (let i = 0; i < 6; i++) phoneCase(s);
      const transport = new HttpTransport({ url: hq.url, branch: 'SH01', key });
      const seen: { sent: number; total: number }[] = [];
      const sched = new SyncScheduler({
        run: (onProgress) =>
          syncOnce({
            ctx: s.ctx,
            branch: 'SH01',
            transport,
            caps: { maxRecords: 7, maxBytes: 1e6 },
            onProgress: (p) => (onProgress(p), seen.push({ ...p, ...sched.status().progress })),
          }),
        waiting: () => waitingCount(s.db),
        lastSuccessAt: () => lastSuccessAt(s.db),
      });
      const total = waitingCount(s.db);
      await Promise.all([sched.trigger('now'), sched.trigger('network')]);
      expect(seen.length).toBeGreaterThan(1);
      expect(seen.at(-1)).toEqual({ sent: total, total });
      expect(seen.map((p) => p.sent)).toEqual([...seen.map((p) => p.sent)].sort((a, b) => a - b));
      expect(sched.history).toEqual([{ trigger: 'now', ok: true }]);
      expect(sched.status()).toMatchObject({ state: 'idle', waiting: 0, lastError: null, lastSuccessAt: s.clock.t });
      expect(foldEntries(await hqFold(hq.db, 'SH01'))).toEqual(foldEntries(branchFold(s.db)));
      expect(await scalar(hq.db, 'SELECT count(*) FROM batches')).toBeGreaterThan(1);
    });

    it('syncs with the branch clock a year fast and then jumping back two years', async () => {
      const skew = { ms: 365 * 24 * 3600 * 1000 };
      const t = new HttpTransport({ url: hq.url, branch: 'SH01', key, now: () => Date.now() + skew.ms });
      phoneCase(s);
      await syncOnce({ ctx: s.ctx, branch: 'SH01', transport: t });
      skew.ms = -skew.ms;
      phoneCase(s);
      await syncOnce({ ctx: s.ctx, branch: 'SH01', transport: t });
      expect(waitingCount(s.db)).toBe(0);
      expect(foldEntries(await hqFold(hq.db, 'SH01'))).toEqual(foldEntries(branchFold(s.db)));
    });

    it('stops with a clear message on a schema head office does not know, and an older schema is accepted', async () => {
      phoneCase(s);
      s.db
        .prepare(
          "INSERT INTO outbox (record_type, record_id, version, schema_version, payload, created_at) VALUES ('case', 'z', 1, 2, '{}', 0)",
        )
        .run();
      const sched = scheduler(new HttpTransport({ url: hq.url, branch: 'SH01', key }));
      await sched.trigger('start');
      expect(sched.status().state).toBe('stopped');
      expect(sched.status().lastError?.zh).toContain('总部系统须先升级');
      expect(sched.status().lastError?.en).toContain('head office must be updated first');
      const newer = await startHq({ backend, maxSchema: 2 });
      try {
        const k = await newer.addBranch('SH01');
        await syncOnce({
          ctx: s.ctx,
          branch: 'SH01',
          transport: new HttpTransport({ url: newer.url, branch: 'SH01', key: k }),
        });
        expect(foldEntries(await hqFold(newer.db, 'SH01'))).toEqual(foldEntries(branchFold(s.db)));
      } finally {
        await newer.close();
      }
    });

    it('a 429 from the rate limit is a retryable error carrying Retry-After', async () => {
      const limited = await startHq({ backend, limits: { rateMax: 1, rateWindowMs: 60_000 } });
      try {
        const t = new HttpTransport({ url: limited.url, branch: 'SH01', key: await limited.addBranch('SH01') });
        await t.pull(0);
        const e = await t.pull(0).catch((x: unknown) => x);
        expect(e).toMatchObject({ status: 429, retryable: true });
        expect((e as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
      } finally {
        await limited.close();
      }
    });

    it('follows head office when it holds less than the branch believes (gap)', async () => {
      for (let i = 0; i < 3; i++) phoneCase(s);
      setAckedSeq(s.db, 10);
      await syncOnce({
        ctx: s.ctx,
        branch: 'SH01',
        transport: new HttpTransport({ url: hq.url, branch: 'SH01', key }),
        caps: { maxRecords: 5, maxBytes: 1e6 },
      });
      expect(foldEntries(await hqFold(hq.db, 'SH01'))).toEqual(foldEntries(branchFold(s.db)));
    });

    it('brings instructions back and applies each once with its cursor', async () => {
      const c = phoneCase(s);
      const t = new HttpTransport({ url: hq.url, branch: 'SH01', key });
      await syncOnce({ ctx: s.ctx, branch: 'SH01', transport: t });
      await instruct(c.number);
      const r = await syncOnce({ ctx: s.ctx, branch: 'SH01', transport: t });
      expect(r.instructionsApplied).toBe(1);
      expect(instructionCursor(s.db)).toBe(1);
      const again = await syncOnce({ ctx: s.ctx, branch: 'SH01', transport: t });
      expect(again.instructionsApplied).toBe(0);
      const rows = s.db.prepare('SELECT text, reviewer_name FROM case_instructions WHERE case_id = ?').all(c.id);
      expect(rows).toEqual([{ text: '同意处理意见,可以建档', reviewer_name: '部本部 李审核' }]);
      // The instruction's own change travels back to head office like any other.
      expect(foldEntries(await hqFold(hq.db, 'SH01'))).toEqual(foldEntries(branchFold(s.db)));
    });

    it('a case awaiting its instruction can be filed once the instruction has come back', async () => {
      const m = s.users.manager;
      const c = phoneCase(s, { categoryCode: 'price' });
      forwardCase(s.ctx, m, { caseId: c.id, handlingUnitId: s.units.shoes });
      resolveCase(s.ctx, m, { caseId: c.id, type: 'explanation', summary: '已向顾客解释' });
      recordFeedback(s.ctx, m, { caseId: c.id, satisfaction: 'satisfied', disputed: false });
      submitCase(s.ctx, m, { caseId: c.id });
      expect(() => fileCase(s.ctx, m, { caseId: c.id })).toThrow();
      const t = new HttpTransport({ url: hq.url, branch: 'SH01', key });
      await syncOnce({ ctx: s.ctx, branch: 'SH01', transport: t });
      await instruct(c.number);
      await syncOnce({ ctx: s.ctx, branch: 'SH01', transport: t });
      expect(fileCase(s.ctx, m, { caseId: c.id }).status).toBe('filed');
    });

    it('a branch restored from an old backup stops before pushing and says it is behind (recovery: test/sync/recovery.test.ts)', async () => {
      const t = new HttpTransport({ url: hq.url, branch: 'SH01', key });
      phoneCase(s);
      await syncOnce({ ctx: s.ctx, branch: 'SH01', transport: t });
      const backup = join(s.dir, 'old.sqlite');
      s.db.exec(`VACUUM INTO '${backup}'`);
      const later = phoneCase(s);
      addNote(s.ctx, s.users.secretary, { caseId: later.id, text: '已联系顾客' });
      await syncOnce({ ctx: s.ctx, branch: 'SH01', transport: t });
      const before = foldEntries(await hqFold(hq.db, 'SH01'));
      await instruct(later.number);
      // Restore: the old file replaces the store.
      s.db.close();
      for (const ext of ['', '-wal', '-shm']) rmSync(s.file + ext, { force: true });
      copyFileSync(backup, s.file);
      const db = openDatabase(s.file).db;
      s.db = db;
      s.ctx = createContext(db, { now: () => s.clock.t, settings: () => s.settings });
      phoneCase(s);
      const sched = scheduler(t);
      await sched.trigger('now');
      expect(sched.status()).toMatchObject({ state: 'stopped', lastError: { zh: expect.stringContaining('旧备份') } });
      expect(pendingInstructions(s.db)).toEqual([]);
      expect(await scalar(hq.db, "SELECT count(*) FROM alerts WHERE branch = 'SH01' AND kind = 'rewound'")).toBe(0);
      expect(foldEntries(await hqFold(hq.db, 'SH01'))).toEqual(before);
      expect(ackedSeq(s.db)).toBeLessThan(
        s.db.prepare('SELECT max(seq) FROM outbox').pluck().get() as number as number,
      );
    });
  });
});
