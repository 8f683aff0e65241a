// The values of <input type="week"> (2026-W47) and <input type="month"> (2026-11), and the
// local date main's report takes (any day inside the period).

/** ISO week of a local date (yyyy-mm-dd): the week with the date's Thursday decides the year. */
export function isoWeekOf(localDate: string): string {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const dow = (date.getUTCDay() + 6) % 7; // Monday 0
  date.setUTCDate(date.getUTCDate() - dow + 3); // that week's Thursday
  const year = date.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((date.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday (yyyy-mm-dd) of an ISO week value; null when the value is not one. */
export function mondayOfIsoWeek(value: string): string | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (week - 1) * 7 * 86_400_000);
  return monday.toISOString().slice(0, 10);
}

/** The date main needs for a week or month input value; null while the value is incomplete. */
export function dateOfPeriodInput(type: 'week' | 'month', value: string): string | null {
  if (type === 'week') return mondayOfIsoWeek(value);
  return /^\d{4}-\d{2}$/.test(value) ? `${value}-01` : null;
}
