// When a report's period is still running (its month or week not over when the report was made), the
// instant the figures stand at — printed as 截至 11-18 15:20 — in the branch's time zone; shared by the
// printed report, the exports and the report screen so that all three say the same.
import { DateTime } from 'luxon';

import type { Period } from './summary-types';

/** True while `generatedAt` falls before the period's end: the figures can still change. */
export const periodRunning = (period: Pick<Period, 'to'>, generatedAt: number): boolean => generatedAt < period.to;

/** "MM-dd HH:mm" in the time zone when the period is running at `generatedAt`; null for a closed period. */
export function asOfLabel(period: Pick<Period, 'to'>, generatedAt: number, timeZone: string): string | null {
  if (!periodRunning(period, generatedAt)) return null;
  return DateTime.fromMillis(generatedAt, { zone: timeZone }).toFormat('LL-dd HH:mm');
}
