// The branch's side of the sync ledger, in the sync_state key/value table: the sequence head
// office confirmed, the store's epoch, the instruction cursor, and instructions waiting for
// a case this store does not have (yet).
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';

const get = (db: Db, key: string): string | undefined =>
  (stmt(db, 'SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined)?.value;
const put = (db: Db, key: string, value: string): void =>
  void stmt(
    db,
    'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);

/** Highest outbox sequence head office confirmed after its commit. */
export const ackedSeq = (db: Db): number => Number(get(db, 'acked_seq') ?? 0);
export const setAckedSeq = (db: Db, seq: number): void => put(db, 'acked_seq', String(seq));

/** Created once per store; a store built anew starts a new sequence at head office. */
export function epochOf(db: Db): string {
  const e = get(db, 'epoch');
  if (e) return e;
  const fresh = randomUUID();
  put(db, 'epoch', fresh);
  return fresh;
}

export const instructionCursor = (db: Db): number => Number(get(db, 'instruction_cursor') ?? 0);
export const setInstructionCursor = (db: Db, cursor: number): void => put(db, 'instruction_cursor', String(cursor));

export const lastSuccessAt = (db: Db): number | null => {
  const v = get(db, 'last_success_at');
  return v === undefined ? null : Number(v);
};
export const setLastSuccessAt = (db: Db, at: number): void => put(db, 'last_success_at', String(at));

export const waitingCount = (db: Db): number =>
  (stmt(db, 'SELECT count(*) AS n FROM outbox WHERE seq > ?').get(ackedSeq(db)) as { n: number }).n;

const PENDING = 'pending_instruction:';
export const putPendingInstruction = (db: Db, id: string, json: string): void => put(db, PENDING + id, json);
export const dropPendingInstruction = (db: Db, id: string): void =>
  void stmt(db, 'DELETE FROM sync_state WHERE key = ?').run(PENDING + id);
export const pendingInstructions = (db: Db): string[] =>
  (
    stmt(db, 'SELECT value FROM sync_state WHERE key >= ? AND key < ? ORDER BY key').all(
      PENDING,
      `${PENDING.slice(0, -1)};`,
    ) as { value: string }[]
  ).map((r) => r.value);

/** The reminder (催办) cursor: head office's reminders up to it are held here. */
export const reminderCursor = (db: Db): number => Number(get(db, 'reminder_cursor') ?? 0);
export const setReminderCursor = (db: Db, cursor: number): void => put(db, 'reminder_cursor', String(cursor));

const PENDING_REMINDER = 'pending_reminder:';
export const putPendingReminder = (db: Db, id: string, json: string): void => put(db, PENDING_REMINDER + id, json);
export const dropPendingReminder = (db: Db, id: string): void =>
  void stmt(db, 'DELETE FROM sync_state WHERE key = ?').run(PENDING_REMINDER + id);
export const pendingReminders = (db: Db): string[] =>
  (
    stmt(db, 'SELECT value FROM sync_state WHERE key >= ? AND key < ? ORDER BY key').all(
      PENDING_REMINDER,
      `${PENDING_REMINDER.slice(0, -1)};`,
    ) as { value: string }[]
  ).map((r) => r.value);
