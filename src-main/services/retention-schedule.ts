// Retention in the background (issue 20 §2): the running app (Electron main and browser mode, both
// through createBranchApp.start) looks every hour whether a day has passed since the last run and, if
// so, runs it. The log gets counts only — never a name or phone (issue 20 §5).
import type { ServiceContext } from './context';
import { type RetentionRun, runRetention } from './retention';
import { readMeta, writeMeta } from './store-meta';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const RETENTION_LAST_RUN_KEY = 'retention_last_run';

export interface RetentionLog {
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

function lastRun(ctx: ServiceContext): number | null {
  const last = readMeta(ctx.db, RETENTION_LAST_RUN_KEY);
  return last === null ? null : Number(last);
}

/**
 * A look's bite: the main process is blocked while a run writes (better-sqlite3 is synchronous), so a
 * store with years past the limit at its first run (5,400 records: 98 s) catches up 50 cases and 50
 * slips an hour (about a second each) instead of all at once; a day's worth is one bite.
 */
export const RETENTION_BITE = 50;

/** Runs retention when the last complete run is a day old or more (or never happened); null when not due. */
export function dailyRetention(ctx: ServiceContext, bite = RETENTION_BITE): RetentionRun | null {
  const now = ctx.now();
  const last = lastRun(ctx);
  if (last !== null && now - last < DAY) return null;
  const run = runRetention(ctx, { now, dryRun: false, limit: bite });
  // Not done until nothing due is left: the next hourly look takes the next bite.
  if (run.more) return run;
  writeMeta(ctx.db, RETENTION_LAST_RUN_KEY, String(now));
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
