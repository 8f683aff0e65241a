// Records the nonces of authenticated requests by group commit: requests arriving while one write is under way wait for the next, which writes all of them in one transaction; each learns whether its nonce was new.
import { MAX_SKEW_MS } from '../src-main/sync/batch-sign';
import type { HqQuery, HqStore } from './store';

/** Rows per INSERT statement (3 parameters each; well below both stores' limits). */
const ROWS_PER_INSERT = 300;

type Waiting = {
  branch: string;
  nonce: string;
  now: number;
  done: (fresh: boolean) => void;
  fail: (e: unknown) => void;
};

const keyOf = (branch: string, nonce: string): string => `${branch}\u0000${nonce}`;

/** Inserts each nonce once; answers the keys that were new (not already stored). */
export async function insertNonces(
  q: HqQuery,
  rows: readonly { branch: string; nonce: string; now: number }[],
): Promise<Set<string>> {
  const fresh = new Set<string>();
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const part = rows.slice(i, i + ROWS_PER_INSERT);
    const stored = await q.all<{ branch: string; nonce: string }>(
      `INSERT INTO nonces (branch, nonce, seen_at) VALUES ${part.map(() => '(?, ?, ?)').join(', ')} ON CONFLICT DO NOTHING RETURNING branch, nonce`,
      part.flatMap((r) => [r.branch, r.nonce, r.now]),
    );
    for (const s of stored) fresh.add(keyOf(s.branch, s.nonce));
  }
  return fresh;
}

export type NonceRow = { branch: string; nonce: string; now: number };
/** Writes one group (pruning nonces older than `pruneBefore` first when given); answers the keys that were new. */
export type NonceWriter = (rows: NonceRow[], pruneBefore: number | null) => Promise<Set<string>>;

/** One group commit on this connection. */
export const writeNonces = (db: HqStore, rows: NonceRow[], pruneBefore: number | null): Promise<Set<string>> =>
  db.tx(async (t) => {
    if (pruneBefore !== null) await t.run('DELETE FROM nonces WHERE seen_at < ?', [pruneBefore]);
    return insertNonces(t, rows);
  });

export class NonceLedger {
  private queue: Waiting[] = [];
  private writing = false;
  private lastPrune = 0;
  /** Where the group commits go: this connection, or (SQLite with import workers) the writer thread (import-pool.ts). */
  writer: NonceWriter;

  constructor(private readonly db: HqStore) {
    this.writer = (rows, pruneBefore) => writeNonces(this.db, rows, pruneBefore);
  }

  /** True when the nonce was never seen before (now stored, committed); false for a replay. */
  take(branch: string, nonce: string, now: number): Promise<boolean> {
    return new Promise((done, fail) => {
      this.queue.push({ branch, nonce, now, done, fail });
      if (!this.writing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.writing = true;
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      // The same nonce twice in one write: the first is new, the second a replay.
      const first = new Map<string, Waiting>();
      for (const w of batch) if (!first.has(keyOf(w.branch, w.nonce))) first.set(keyOf(w.branch, w.nonce), w);
      try {
        const newest = Math.max(...batch.map((w) => w.now));
        // Nonces older than twice the window can never pass the timestamp check again.
        const prune = newest - this.lastPrune > MAX_SKEW_MS;
        if (prune) this.lastPrune = newest;
        const rows = [...first.values()].map((w) => ({ branch: w.branch, nonce: w.nonce, now: w.now }));
        const fresh = await this.writer(rows, prune ? newest - 2 * MAX_SKEW_MS : null);
        for (const w of batch) w.done(first.get(keyOf(w.branch, w.nonce)) === w && fresh.has(keyOf(w.branch, w.nonce)));
      } catch (e) {
        for (const w of batch) w.fail(e);
      }
    }
    this.writing = false;
  }
}

const byStore = new WeakMap<HqStore, NonceLedger>();

/** The one ledger of a store in this process (every server on it shares the group commit). */
export function nonceLedger(db: HqStore): NonceLedger {
  let l = byStore.get(db);
  if (!l) byStore.set(db, (l = new NonceLedger(db)));
  return l;
}
