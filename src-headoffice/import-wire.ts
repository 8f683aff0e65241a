// The messages between the head office's main thread and its import workers (import-pool.ts ↔ import-worker.ts), and
// refusals as plain data both ways: a SyncError or AppError crosses the thread and is rebuilt as the same class, so
// http-errors.ts answers the branch with the same status and body as an import on the main thread would.
import { AppError, type Bilingual, type ErrorCode, type FieldIssue, isAppError } from '../src-main/shared/errors';
import { isSyncError, SyncError, type SyncRefusal } from '../src-main/sync/batch-errors';
import type { BranchHolding, PushAnswer } from '../src-main/sync/protocol';
import type { ImportOptions } from './importer';
import type { NonceRow } from './nonce-ledger';

export interface WorkerData {
  /** The store to open (a SQLite file, or a postgres:// URL with its schema). */
  target: string;
  schema?: string;
  poolSize: number;
  /** Test hook: this thread exits inside its first import's transaction, before commit. */
  crash: 'before-commit' | null;
}

export type WorkerJob =
  | { id: number; op: 'import'; gz: ArrayBuffer; options: ImportOptions }
  | { id: number; op: 'nonces'; rows: NonceRow[]; pruneBefore: number | null };

export type WireError =
  | { kind: 'sync'; why: SyncRefusal; messages: Bilingual; detail: Record<string, unknown> }
  | { kind: 'app'; code: ErrorCode; messages: Bilingual; issues: FieldIssue[]; retryAfterMs?: number }
  | { kind: 'other'; message: string };

export type WorkerReply =
  | { id: number; ok: true; answer: PushAnswer; holding: BranchHolding }
  | { id: number; ok: true; fresh: string[] }
  | { id: number; ok: false; error: WireError };

export function wireError(e: unknown): WireError {
  if (isSyncError(e)) return { kind: 'sync', why: e.why, messages: e.messages, detail: e.detail };
  if (isAppError(e)) {
    const retry: unknown = Reflect.get(e, 'retryAfterMs');
    return {
      kind: 'app',
      code: e.code,
      messages: e.messages,
      issues: e.issues,
      ...(typeof retry === 'number' ? { retryAfterMs: retry } : {}),
    };
  }
  return { kind: 'other', message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}

/** The error as the importer threw it (an unexpected one stays unexpected: 500 INTERNAL, as before). */
export function rebuiltError(w: WireError): Error {
  if (w.kind === 'sync') return new SyncError(w.why, w.messages.zh, w.messages.en, w.detail);
  if (w.kind === 'app') {
    const e = new AppError(w.code, w.messages, w.issues);
    if (w.retryAfterMs !== undefined) Object.assign(e, { retryAfterMs: w.retryAfterMs });
    return e;
  }
  return new Error(`import worker: ${w.message}`);
}
