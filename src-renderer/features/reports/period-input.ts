// The report's period as the pickers answer it (an ISO week 2026-W47, a month 2026-11), and the local date main's
// report takes (any day inside the period).
import { mondayOfIsoWeek } from '../../lib/iso-week';

/** The date main needs for a week or month value; null while the value is incomplete. */
export function dateOfPeriodInput(type: 'week' | 'month', value: string): string | null {
  if (type === 'week') return mondayOfIsoWeek(value);
  return /^\d{4}-\d{2}$/.test(value) ? `${value}-01` : null;
}
