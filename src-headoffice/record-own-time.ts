// The branch's own time of a record it sent (its clock, not head office's): a snapshot's
// updatedAt, else its createdAt, else an audit entry's at. The newest per branch is shown in the
// console's sync health beside the import time, so an old USB export does not read as fresh.

/** A branch clock more than this ahead of head office is not believed (it would hide stale data). */
export const OWN_TIME_AHEAD_MS = 24 * 3_600_000;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null);

/** The snapshot fields recordOwnTime reads (the importer's snapshot facts must hold them). */
export const OWN_TIME_FIELDS: readonly string[] = ['updatedAt', 'createdAt', 'at'];

export function recordOwnTime(value: unknown): number | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  return num(v.updatedAt) ?? num(v.createdAt) ?? num(v.at);
}

/** The newest believable own time of a batch's records, or null when none carries one. */
export function newestOwnTime(values: readonly unknown[], now: number): number | null {
  let top: number | null = null;
  for (const value of values) {
    const t = recordOwnTime(value);
    if (t !== null && t <= now + OWN_TIME_AHEAD_MS && (top === null || t > top)) top = t;
  }
  return top;
}
