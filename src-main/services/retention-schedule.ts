// Retention in the background (issue 20 §2): the running app (Electron main and browser mode, both
// through createBranchApp.start) looks every hour whether a day has passed since the last run and, if
// so, runs it. The log gets counts only — never a name or phone (issue 20 §5).
import { stmt } from '../db/statements';
import type { ServiceContext } from './context';
import { type RetentionRun, runRetention } from './retention';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const RETENTION_LAST_RUN_KEY = 'retention_last_run';

export interface RetentionLog {
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

function lastRun(ctx: ServiceContext): number | null {
  const row = stmt(ctx.db, 'SELECT value FROM store_meta WHERE key = ?').get(RETENTION_LAST_RUN_KEY) as
    { value: string } | undefined;
  return row ? Number(row.value) : null;
}

/** Runs retention when the last run is a day old or more (or never happened); null when not due. */
export function dailyRetention(ctx: ServiceContext): RetentionRun | null {
  const now = ctx.now();
  const last = lastRun(ctx);
  if (last !== null && now - last < DAY) return null;
  const run = runRetention(ctx, { now, dryRun: false });
  stmt(
    ctx.db,
    'INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(RETENTION_LAST_RUN_KEY, String(now));
  return run;
}

/** Starts the hourly look (the first a minute after start, off the start-up path); answers the stop. */
export function scheduleDailyRetention(ctx: ServiceContext, log: RetentionLog, firstAfterMs = 60_000): () => void {
  const look = () => {
    try {
      const r = dailyRetention(ctx);
      if (r?.result?.recordId)
        log.warn('retention anonymised', {
          cases: r.result.cases.length,
          slips: r.result.slips.length,
          files: r.result.filesDeleted,
        });
    } catch (e) {
      log.error('retention failed', e);
    }
  };
  const first = setTimeout(look, firstAfterMs);
  first.unref();
  const every = setInterval(look, HOUR);
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
