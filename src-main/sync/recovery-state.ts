// Whether this store is behind head office (src-main/sync/README.md) and the persisted state of
// its recovery: `behind` or `recovering` with the page cursor, and the epochs it recovered from.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { type AppError, refuse } from '../shared/errors';
import {
  BEHIND_REASON_LABELS,
  type BehindReason,
  RECOVERY_HINT,
  RECOVERY_STATE_LABELS,
  type RecoveryState,
} from '../shared/i18n/vocabulary-recovery';
import { newestOutboxSeq } from './outbox-archive';
import type { BranchHolding } from './protocol';

export interface Recovery {
  state: RecoveryState;
  reason: BehindReason | null;
  /** The rid of head office's last record merged (recovering only). */
  cursor: number;
}

const read = (db: Db, key: string): string | undefined =>
  (stmt(db, 'SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined)?.value;
const write = (db: Db, key: string, value: string): void =>
  void stmt(
    db,
    'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
const drop = (db: Db, key: string): void => void stmt(db, 'DELETE FROM sync_state WHERE key = ?').run(key);

const isState = (v: unknown): v is RecoveryState => v === 'behind' || v === 'recovering';
const isReason = (v: unknown): v is BehindReason => typeof v === 'string' && Object.hasOwn(BEHIND_REASON_LABELS, v);

export function recoveryOf(db: Db): Recovery | null {
  const raw = read(db, 'recovery');
  if (!raw) return null;
  const v: unknown = JSON.parse(raw);
  if (typeof v !== 'object' || v === null) return null;
  const o: Record<string, unknown> = { ...v };
  if (!isState(o.state)) return null;
  return {
    state: o.state,
    reason: isReason(o.reason) ? o.reason : null,
    cursor: typeof o.cursor === 'number' ? o.cursor : 0,
  };
}

export const setRecovery = (db: Db, r: Recovery): void => write(db, 'recovery', JSON.stringify(r));
export const clearRecovery = (db: Db): void => drop(db, 'recovery');

/** Epochs of head office this store recovered from (their records are merged here). */
export function knownEpochs(db: Db): string[] {
  const raw = read(db, 'known_epochs');
  const v: unknown = raw ? JSON.parse(raw) : [];
  return Array.isArray(v) ? v.filter((e): e is string => typeof e === 'string') : [];
}

/** After a recovery: the old epochs are known, this store starts a new sequence at head office. */
export function startNewEpoch(db: Db, recoveredFrom: string[]): string {
  write(db, 'known_epochs', JSON.stringify([...new Set([...knownEpochs(db), ...recoveredFrom])]));
  const epoch = randomUUID();
  write(db, 'epoch', epoch);
  write(db, 'acked_seq', '0');
  return epoch;
}

const localSerial = (db: Db, branch: string, kind: string, period: string): number =>
  (
    stmt(db, 'SELECT last_serial FROM number_counters WHERE branch_code = ? AND kind = ? AND period = ?').get(
      branch,
      kind,
      period,
    ) as { last_serial: number } | undefined
  )?.last_serial ?? 0;

/** Why this store is behind what head office holds, or null when it is not. */
export function behindReason(db: Db, branch: string, holding: BranchHolding): BehindReason | null {
  if (holding.numbers.some((n) => n.last > localSerial(db, branch, n.kind, n.period))) return 'numbers';
  const epoch = read(db, 'epoch');
  const newest = newestOutboxSeq(db);
  const known = new Set(knownEpochs(db));
  for (const e of holding.epochs) {
    if (e.lastSeq === 0) continue;
    if (e.epoch === epoch) {
      if (e.lastSeq > newest) return 'sequence';
    } else if (!known.has(e.epoch)) return 'epoch';
  }
  return null;
}

/** The refusal a sync gives while the store is behind or recovering (not retried automatically). */
export function behindError(r: Recovery): AppError {
  const words = RECOVERY_STATE_LABELS[r.state];
  if (r.state !== 'behind') return refuse('CONFLICT', words.zh, words.en);
  const why = r.reason ? BEHIND_REASON_LABELS[r.reason] : null;
  const zh = `${words.zh}:${why ? `${why.zh};` : ''}${RECOVERY_HINT.zh}`;
  const en = `${words.en}: ${why ? `${why.en}; ` : ''}${RECOVERY_HINT.en}`;
  return refuse('CONFLICT', zh, en);
}

/** Marks the store behind and refuses, when head office holds what this store does not. */
export function stopIfBehind(db: Db, branch: string, holding: BranchHolding | null | undefined): void {
  if (!holding) return;
  const reason = behindReason(db, branch, holding);
  if (!reason) return;
  const r: Recovery = { state: 'behind', reason, cursor: 0 };
  setRecovery(db, r);
  throw behindError(r);
}
