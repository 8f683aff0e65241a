// The chain-wide retention head office imposes (issue 20 §2), as the pull answer last carried it:
// kept in sync_state; absent means the branch's own setting applies (services/retention.ts).
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';

export const CHAIN_RETENTION_KEY = 'chain_retention_years';

export function chainRetentionYears(db: Db): number | null {
  const row = stmt(db, 'SELECT value FROM sync_state WHERE key = ?').get(CHAIN_RETENTION_KEY) as
    { value: string } | undefined;
  const n = row ? Number(row.value) : NaN;
  return Number.isInteger(n) && n >= 1 ? n : null;
}

/** Stores what the pull carried: a number of years, or null when head office imposes nothing. */
export function setChainRetentionYears(db: Db, years: number | null): void {
  if (years === null) stmt(db, 'DELETE FROM sync_state WHERE key = ?').run(CHAIN_RETENTION_KEY);
  else
    stmt(
      db,
      'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(CHAIN_RETENTION_KEY, String(years));
}
