// A store for @fastify/rate-limit in the rate_windows table, so every head-office instance on one PostgreSQL counts the same source address together (server.ts uses it on PostgreSQL only).
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { HqStore } from './store';

type Result = { current: number; ttl: number };

async function incr(db: HqStore, key: string, windowMs: number, now: number): Promise<Result> {
  const w = await db.get<{ start_at: number; n: number }>(
    `INSERT INTO rate_windows (key, start_at, n) VALUES (?, ?, 1)
     ON CONFLICT (key) DO UPDATE SET
       n = CASE WHEN ? - rate_windows.start_at >= ? THEN 1 ELSE rate_windows.n + 1 END,
       start_at = CASE WHEN ? - rate_windows.start_at >= ? THEN ? ELSE rate_windows.start_at END
     RETURNING start_at, n`,
    [key, now, now, windowMs, now, windowMs, now],
  );
  return w ? { current: w.n, ttl: w.start_at + windowMs - now } : { current: 1, ttl: windowMs };
}

/** The store class @fastify/rate-limit constructs; each route with its own limit counts under its own scope. */
export function databaseRateLimitStore(db: HqStore): FastifyRateLimitStoreCtor {
  class DatabaseStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly scope = 'http',
    ) {}

    incr(key: string, callback: (error: Error | null, result?: Result) => void, timeWindow: number): void {
      incr(db, `${this.scope}:${key}`, timeWindow, Date.now()).then(
        (r) => callback(null, r),
        (e: unknown) => callback(e instanceof Error ? e : new Error(String(e))),
      );
    }

    child(routeOptions: { method?: string | string[]; path: string; prefix: string }): FastifyRateLimitStore {
      const method = Array.isArray(routeOptions.method) ? routeOptions.method.join(',') : (routeOptions.method ?? '');
      return new DatabaseStore(undefined, `http:${method}:${routeOptions.path}`);
    }
  }
  return DatabaseStore;
}
