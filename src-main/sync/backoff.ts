// Full-jitter exponential backoff (a random wait between 0 and base·2^attempt, capped), so
// many branches coming back at once do not hammer head office in step. Retry-After wins
// when the server asks for longer.
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 10 * 60_000 };

export function backoffDelay(
  attempt: number,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  retryAfterMs: number | null = null,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  const jittered = Math.floor(random() * ceiling);
  return retryAfterMs === null
    ? jittered
    : Math.min(Math.max(jittered, retryAfterMs), Math.max(policy.capMs, retryAfterMs));
}
