// Request windows per key that every head-office instance on one PostgreSQL shares (table rate_windows); on SQLite (one process) the in-memory WindowCounter.
import { WindowCounter } from './request-throttle';
import type { HqStore } from './store';

/** Counts requests of a key in a window; answers ms until its window ends when over the limit, else null. */
export interface RequestWindows {
  hit(key: string, now: number): Promise<number | null>;
  exceeded(key: string, now: number): Promise<number | null>;
}

class DbWindows implements RequestWindows {
  private lastSweep = 0;

  constructor(
    private readonly db: HqStore,
    private readonly scope: string,
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  private async sweep(now: number): Promise<void> {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    await this.db.run('DELETE FROM rate_windows WHERE key LIKE ? AND start_at <= ?', [
      `${this.scope}:%`,
      now - this.windowMs,
    ]);
  }

  async hit(key: string, now: number): Promise<number | null> {
    await this.sweep(now);
    // One statement: a window that has ended starts again at this request (atomic across instances).
    const w = await this.db.get<{ start_at: number; n: number }>(
      `INSERT INTO rate_windows (key, start_at, n) VALUES (?, ?, 1)
       ON CONFLICT (key) DO UPDATE SET
         n = CASE WHEN ? - rate_windows.start_at >= ? THEN 1 ELSE rate_windows.n + 1 END,
         start_at = CASE WHEN ? - rate_windows.start_at >= ? THEN ? ELSE rate_windows.start_at END
       RETURNING start_at, n`,
      [`${this.scope}:${key}`, now, now, this.windowMs, now, this.windowMs, now],
    );
    return w && w.n > this.max ? w.start_at + this.windowMs - now : null;
  }

  async exceeded(key: string, now: number): Promise<number | null> {
    const w = await this.db.get<{ start_at: number; n: number }>(
      'SELECT start_at, n FROM rate_windows WHERE key = ? AND start_at > ?',
      [`${this.scope}:${key}`, now - this.windowMs],
    );
    return w && w.n >= this.max ? w.start_at + this.windowMs - now : null;
  }
}

class ProcessWindows implements RequestWindows {
  private readonly counter: WindowCounter;

  constructor(max: number, windowMs: number) {
    this.counter = new WindowCounter(max, windowMs);
  }

  async hit(key: string, now: number): Promise<number | null> {
    return this.counter.hit(key, now);
  }

  async exceeded(key: string, now: number): Promise<number | null> {
    return this.counter.exceeded(key, now);
  }
}

/** `scope` names the counter in the shared table ("branch", "address"). */
export function requestWindows(db: HqStore, scope: string, max: number, windowMs: number): RequestWindows {
  return db.kind === 'pg' ? new DbWindows(db, scope, max, windowMs) : new ProcessWindows(max, windowMs);
}
