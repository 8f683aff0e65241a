// Failed sign-ins of unknown usernames as sign-in counts them: on PostgreSQL in the database (table unknown_sign_ins), shared by every head-office instance; on SQLite (one process) the in-memory tally of unknown-sign-ins.ts.
import type { HqStore } from '../store';
import { LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS } from './api-contract';
import { type UnknownAttempt, unknownSignIns } from './unknown-sign-ins';

export interface UnknownSignInCounts {
  lockedFor(name: string, now: number): Promise<number | null>;
  fail(name: string, now: number): Promise<UnknownAttempt>;
}

const LOCK_MS = LOCKOUT_MINUTES * 60_000;

class DbUnknownSignIns implements UnknownSignInCounts {
  private lastSweep = 0;

  constructor(private readonly db: HqStore) {}

  async lockedFor(name: string, now: number): Promise<number | null> {
    const row = await this.db.get<{ locked_until: number }>(
      'SELECT locked_until FROM unknown_sign_ins WHERE name = ? AND locked_until > ?',
      [name, now],
    );
    return row ? row.locked_until - now : null;
  }

  /** Counted in one statement, so guesses sent to several instances at once cannot slip past the limit. */
  async fail(name: string, now: number): Promise<UnknownAttempt> {
    if (now - this.lastSweep >= LOCK_MS) {
      this.lastSweep = now;
      // A name neither locked nor tried within a lockout's length is forgotten.
      await this.db.run(
        'DELETE FROM unknown_sign_ins WHERE tried_at < ? AND (locked_until IS NULL OR locked_until < ?)',
        [now - LOCK_MS, now],
      );
    }
    const lockUntil = now + LOCK_MS;
    const row = await this.db.get<{ locked_until: number | null; failed_attempts: number }>(
      `INSERT INTO unknown_sign_ins (name, failed_attempts, locked_until, tried_at) VALUES (?, 1, NULL, ?)
       ON CONFLICT (name) DO UPDATE SET
         failed_attempts = CASE WHEN unknown_sign_ins.failed_attempts + 1 >= ? THEN 0 ELSE unknown_sign_ins.failed_attempts + 1 END,
         locked_until = CASE WHEN unknown_sign_ins.failed_attempts + 1 >= ? THEN ? ELSE unknown_sign_ins.locked_until END,
         tried_at = ?
       RETURNING failed_attempts, locked_until`,
      [name, now, MAX_FAILED_SIGN_INS, MAX_FAILED_SIGN_INS, lockUntil, now],
    );
    return row && row.failed_attempts === 0 && row.locked_until === lockUntil
      ? { kind: 'locked', retryAfterMs: LOCK_MS }
      : { kind: 'wrong' };
  }
}

const byStore = new WeakMap<HqStore, UnknownSignInCounts>();

export function unknownSignInCounts(store: HqStore): UnknownSignInCounts {
  let c = byStore.get(store);
  if (!c) {
    const memory = unknownSignIns(store);
    c =
      store.kind === 'pg'
        ? new DbUnknownSignIns(store)
        : { lockedFor: async (n, now) => memory.lockedFor(n, now), fail: async (n, now) => memory.fail(n, now) };
    byStore.set(store, c);
  }
  return c;
}
