// The scheduler with a manual clock: one sync at a time, backoff that honours Retry-After,
// and a refusal that stops instead of retrying.
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src-main/sync/backoff';
import { SyncScheduler, type Timers } from '../../src-main/sync/scheduler';
import type { SyncRunResult } from '../../src-main/sync/sync-run';
import { TransportError } from '../../src-main/sync/transport';

const OK: SyncRunResult = {
  sentRecords: 0,
  batches: 0,
  quarantined: 0,
  instructionsApplied: 0,
  instructionsPending: 0,
};

function manualTimers() {
  const pending: { fn: () => void; ms: number; id: number }[] = [];
  let n = 0;
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      pending.push({ fn, ms, id: ++n });
      return n;
    },
    clearTimeout: (h) => {
      const i = pending.findIndex((p) => p.id === h);
      if (i >= 0) pending.splice(i, 1);
    },
  };
  return { timers, pending };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('backoff', () => {
  it('is full jitter under an exponential ceiling capped at 10 minutes, and honours Retry-After', () => {
    expect(backoffDelay(0, () => 0.999)).toBeLessThan(2_000);
    expect(backoffDelay(3, () => 0.999)).toBeLessThan(16_000);
    expect(backoffDelay(3, () => 0.999)).toBeGreaterThan(15_000);
    expect(backoffDelay(40, () => 0.999)).toBeLessThanOrEqual(600_000);
    expect(backoffDelay(40, () => 0)).toBe(0);
    expect(backoffDelay(0, () => 0.5, undefined, 30_000)).toBe(30_000);
  });
});

describe('sync scheduler', () => {
  it('runs one sync at a time: two triggers at once share one run', async () => {
    let runs = 0;
    let release!: () => void;
    const { timers } = manualTimers();
    const s = new SyncScheduler({
      run: async () => {
        runs++;
        await new Promise<void>((r) => (release = r));
        return OK;
      },
      waiting: () => 0,
      lastSuccessAt: () => null,
      timers,
    });
    const a = s.trigger('network');
    const b = s.trigger('interval');
    expect(s.status().state).toBe('syncing');
    release();
    await Promise.all([a, b]);
    expect(runs).toBe(1);
  });

  it('retries a 503 and a network error with backoff, honouring Retry-After, then succeeds', async () => {
    const { timers, pending } = manualTimers();
    const errors = [
      new TransportError(503, { zh: '维护中', en: 'maintenance' }, { retryAfterMs: 45_000 }),
      new TransportError(null, { zh: '连不上总部', en: 'Cannot reach head office' }),
    ];
    let runs = 0;
    const s = new SyncScheduler({
      run: async () => {
        runs++;
        const e = errors.shift();
        if (e) throw e;
        return OK;
      },
      waiting: () => 3,
      lastSuccessAt: () => 42,
      timers,
      random: () => 0.1,
      now: () => 1000,
    });
    await s.trigger('start');
    expect(s.status()).toMatchObject({
      state: 'retrying',
      waiting: 3,
      lastSuccessAt: 42,
      lastError: { zh: '维护中' },
      nextRetryAt: 46_000,
    });
    expect(pending.map((p) => p.ms)).toEqual([45_000]);
    pending.shift()?.fn();
    await tick();
    expect(s.status().lastError?.en).toContain('Cannot reach');
    pending.shift()?.fn();
    await tick();
    expect(runs).toBe(3);
    expect(s.status()).toMatchObject({ state: 'idle', lastError: null });
  });

  it('stops on a 401: no retry, interval and network triggers ignored until "sync now"', async () => {
    const { timers, pending } = manualTimers();
    let runs = 0;
    const s = new SyncScheduler({
      run: async () => {
        runs++;
        throw new TransportError(401, { zh: '签名不符', en: 'Bad signature' }, { why: 'BAD_SIGNATURE' });
      },
      waiting: () => 1,
      lastSuccessAt: () => null,
      timers,
    });
    await s.trigger('start');
    expect(s.status()).toMatchObject({ state: 'stopped', lastError: { zh: '签名不符' } });
    expect(pending).toHaveLength(0);
    await s.trigger('interval');
    await s.trigger('network');
    expect(runs).toBe(1);
    await s.trigger('now');
    expect(runs).toBe(2);
  });
});
