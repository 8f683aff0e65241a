// The chain-wide retention head office may impose (issue 20 §2): set by the CLI, carried on every
// pull answer (`retentionYears`: a number, or null when head office imposes nothing).
import { RETENTION_YEARS_MAX, RETENTION_YEARS_MIN } from '../src-main/shared/anonymisation';
import { refuse } from '../src-main/shared/errors';
import type { HqQuery } from './store';

const KEY = 'retention_years';

export async function chainRetentionYears(db: HqQuery): Promise<number | null> {
  const row = await db.get<{ value: string }>('SELECT value FROM hq_chain_settings WHERE key = ?', [KEY]);
  const n = row ? Number(row.value) : NaN;
  return Number.isInteger(n) ? n : null;
}

/** `years` from the command line: a whole number 1–30, or "off" (null). */
export function parseRetentionYears(v: string): number | null {
  if (v.trim() === 'off') return null;
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n < RETENTION_YEARS_MIN || n > RETENTION_YEARS_MAX)
    throw refuse(
      'VALIDATION',
      `保留年限须为 ${RETENTION_YEARS_MIN}–${RETENTION_YEARS_MAX} 的整数或 off`,
      `The retention must be a whole number of years from ${RETENTION_YEARS_MIN} to ${RETENTION_YEARS_MAX}, or off`,
      [{ field: 'years', message: { zh: '1–30 或 off', en: '1–30 or off' } }],
    );
  return n;
}

export async function setChainRetentionYears(db: HqQuery, years: number | null): Promise<void> {
  if (years === null) await db.run('DELETE FROM hq_chain_settings WHERE key = ?', [KEY]);
  else
    await db.run(
      'INSERT INTO hq_chain_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [KEY, String(years)],
    );
}
