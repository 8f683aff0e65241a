// Runs syncs one at a time on start, on an interval, when the OS says the network is back
// (the shell passes that event in) and on "sync now". Network errors, 5xx and 429 are
// retried with backoff; any other refusal stops automatic syncing until the user asks again,
// so a wrong key produces one request and a message, never a retry storm.
import type { Bilingual } from '../shared/errors';
import type { SyncStatusView } from '../shared/ipc/contract';
import { isAppError } from '../shared/errors';
import { backoffDelay, type BackoffPolicy, DEFAULT_BACKOFF } from './backoff';
import type { SyncProgress, SyncRunResult } from './sync-run';
import { TransportError } from './transport';

export type SyncTrigger = 'start' | 'interval' | 'network' | 'now';

/** The UI's view of sync (the contract's shape), less `configured`, which the service adds. */
export type SyncStatus = Omit<SyncStatusView, 'configured'>;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerOptions {
  run: (onProgress: (p: SyncProgress) => void) => Promise<SyncRunResult>;
  waiting: () => number;
  lastSuccessAt: () => number | null;
  intervalMs?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  now?: () => number;
  timers?: Timers;
}

const nodeTimers: Timers = {
  setTimeout: (fn, ms) => {
    const h = setTimeout(fn, ms);
    h.unref?.();
    return h;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

function describe(e: unknown): Bilingual {
  if (e instanceof TransportError || isAppError(e)) return e.messages;
  return {
    zh: `同步出错:${String((e as Error)?.message ?? e)}`,
    en: `Sync failed: ${String((e as Error)?.message ?? e)}`,
  };
}

export class SyncScheduler {
  private running: Promise<void> | null = null;
  private again = false;
  private attempt = 0;
  private retryTimer: unknown = null;
  private intervalTimer: unknown = null;
  private st: Omit<SyncStatus, 'waiting' | 'lastSuccessAt'> = {
    state: 'idle',
    lastError: null,
    progress: null,
    nextRetryAt: null,
  };
  private readonly timers: Timers;
  /** Every finished run, for tests and logs. */
  readonly history: { trigger: SyncTrigger; ok: boolean }[] = [];

  constructor(private readonly o: SchedulerOptions) {
    this.timers = o.timers ?? nodeTimers;
  }

  status(): SyncStatus {
    return { ...this.st, waiting: this.o.waiting(), lastSuccessAt: this.o.lastSuccessAt() };
  }

  start(): Promise<void> {
    const tick = () => {
      this.intervalTimer = this.timers.setTimeout(
        () => {
          void this.trigger('interval');
          tick();
        },
        this.o.intervalMs ?? 5 * 60_000,
      );
    };
    tick();
    return this.trigger('start');
  }

  stop(): void {
    if (this.intervalTimer) this.timers.clearTimeout(this.intervalTimer);
    if (this.retryTimer) this.timers.clearTimeout(this.retryTimer);
    this.intervalTimer = this.retryTimer = null;
  }

  /** Joins the sync in progress instead of starting a second one. */
  trigger(why: SyncTrigger): Promise<void> {
    // A stopped sync waits for a person: only "sync now" (or a restart) tries again.
    if (this.st.state === 'stopped' && why !== 'now' && why !== 'start') return Promise.resolve();
    if (this.running) {
      if (why === 'now') this.again = true;
      return this.running;
    }
    if (why === 'now' || why === 'network') this.attempt = 0;
    if (this.retryTimer) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.running = this.runOnce(why).finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.trigger('now');
      }
    });
    return this.running;
  }

  private async runOnce(why: SyncTrigger): Promise<void> {
    this.st = { state: 'syncing', lastError: this.st.lastError, progress: null, nextRetryAt: null };
    try {
      await this.o.run((p) => (this.st.progress = p));
      this.attempt = 0;
      this.st = { state: 'idle', lastError: null, progress: null, nextRetryAt: null };
      this.history.push({ trigger: why, ok: true });
    } catch (e) {
      this.history.push({ trigger: why, ok: false });
      const retryable = e instanceof TransportError && e.retryable;
      if (!retryable) {
        this.st = { state: 'stopped', lastError: describe(e), progress: null, nextRetryAt: null };
        return;
      }
      const delay = backoffDelay(
        this.attempt++,
        this.o.random ?? Math.random,
        this.o.backoff ?? DEFAULT_BACKOFF,
        e.retryAfterMs,
      );
      const now = (this.o.now ?? Date.now)();
      this.st = { state: 'retrying', lastError: describe(e), progress: null, nextRetryAt: now + delay };
      this.retryTimer = this.timers.setTimeout(() => {
        this.retryTimer = null;
        void this.trigger('interval');
      }, delay);
    }
  }
}
