// Failed sign-ins counted for usernames no active reviewer has, so an unknown name is locked after
// the same number of wrong attempts as a real one; held in memory per store, bounded in size. Sign-in
// uses it on SQLite; on PostgreSQL the counts are in the database (unknown-sign-ins-shared.ts).
import type { HqStore } from '../store';
import { LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS } from './api-contract';

/** At most this many unknown names are remembered; the least recently tried is forgotten first. */
export const MAX_UNKNOWN_NAMES = 10_000;

type Tally = { failedAttempts: number; lockedUntil: number | null };

export type UnknownAttempt = { kind: 'locked'; retryAfterMs: number } | { kind: 'wrong' };

class UnknownSignIns {
  private readonly names = new Map<string, Tally>();

  /** The lock still running for this name, if any (the same question a reviewer's row answers). */
  lockedFor(name: string, now: number): number | null {
    const t = this.names.get(name);
    return t && t.lockedUntil !== null && t.lockedUntil > now ? t.lockedUntil - now : null;
  }

  /** Counts one wrong attempt, as `verifyReviewer` counts one on a reviewer's row. */
  fail(name: string, now: number): UnknownAttempt {
    const t = this.names.get(name) ?? { failedAttempts: 0, lockedUntil: null };
    this.names.delete(name);
    t.failedAttempts += 1;
    let result: UnknownAttempt = { kind: 'wrong' };
    if (t.failedAttempts >= MAX_FAILED_SIGN_INS) {
      t.failedAttempts = 0;
      t.lockedUntil = now + LOCKOUT_MINUTES * 60_000;
      result = { kind: 'locked', retryAfterMs: LOCKOUT_MINUTES * 60_000 };
    }
    this.names.set(name, t);
    while (this.names.size > MAX_UNKNOWN_NAMES) {
      const oldest = this.names.keys().next();
      if (oldest.done) break;
      this.names.delete(oldest.value);
    }
    return result;
  }

  size(): number {
    return this.names.size;
  }
}

const byStore = new WeakMap<HqStore, UnknownSignIns>();

export function unknownSignIns(store: HqStore): UnknownSignIns {
  let tally = byStore.get(store);
  if (!tally) {
    tally = new UnknownSignIns();
    byStore.set(store, tally);
  }
  return tally;
}
