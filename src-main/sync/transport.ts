// What the sync run needs from a connection to head office, and how failures are told apart:
// a network error, a 5xx or a 429 is worth retrying later; any other refusal is not.
import type { Bilingual } from '../shared/errors';
import type { SyncRefusal } from './batch-errors';
import type { CrossBranchFlags } from '../shared/cross-branch-protocol';
import type { BranchHolding, PullAnswer, PushAnswer, RecoveryPage } from './protocol';
import type { ChunkStatus } from './protocol-attachments';

export interface Transport {
  /** `backlog`: outbox records still waiting after this batch, reported to head office (its console shows it). */
  push(body: Buffer, info?: { backlog?: number }): Promise<PushAnswer>;
  /** `reminders`: the reminder cursor; given, the answer carries the reminders (催办) after it. */
  /** `notices`: the notice cursor; given, the answer carries head office's notices (通知) after it. */
  /** `reference`: the reference cursor (issue 21 §1); given, the answer carries the reference records after it. */
  /** `matters`: the matter notice cursor (issue 22 §4); given, the answer carries the cross-branch matter notices after it. */
  pull(since: number, reminders?: number, notices?: number, reference?: number, matters?: number): Promise<PullAnswer>;
  /** What head office holds of this branch; null from a head office that predates it (404). */
  holding?(): Promise<BranchHolding | null>;
  /** One page of head office's records of this branch after `after` (recovery). */
  recoveryPage?(after: number, limit: number): Promise<RecoveryPage>;
  /** The bytes head office holds of an attachment blob (GET /v1/attachments/{sha256}); null when it holds none. */
  attachmentGet?(sha256: string): Promise<Buffer | null>;
  /** Repeat complainants and double refunds at other branches; null from a head office that predates them (404). */
  crossBranch?(): Promise<CrossBranchFlags | null>;
  /** How much of an attachment blob head office holds (GET /v1/attachments/{sha256}/status). */
  attachmentStatus?(sha256: string): Promise<ChunkStatus>;
  /** Sends one chunk of a blob of `total` bytes at `offset` (PUT /v1/attachments/{sha256}). */
  putAttachmentChunk?(sha256: string, offset: number, total: number, chunk: Buffer): Promise<ChunkStatus>;
}

export class TransportError extends Error {
  /** null: no answer at all (network down, connection reset, timeout). */
  readonly status: number | null;
  readonly why: SyncRefusal | null;
  readonly messages: Bilingual;
  readonly retryAfterMs: number | null;
  readonly detail: Record<string, unknown>;
  constructor(
    status: number | null,
    messages: Bilingual,
    opts: { why?: SyncRefusal | null; retryAfterMs?: number | null; detail?: Record<string, unknown> } = {},
  ) {
    super(messages.en);
    this.name = 'TransportError';
    this.status = status;
    this.messages = messages;
    this.why = opts.why ?? null;
    this.retryAfterMs = opts.retryAfterMs ?? null;
    this.detail = opts.detail ?? {};
  }

  get retryable(): boolean {
    return this.status === null || this.status >= 500 || this.status === 429;
  }
}

export const networkError = (cause: unknown): TransportError =>
  new TransportError(null, {
    zh: `连不上总部:${String((cause as Error)?.message ?? cause).slice(0, 120)}`,
    en: `Cannot reach head office: ${String((cause as Error)?.message ?? cause).slice(0, 120)}`,
  });

/** Retry-After as seconds or an HTTP date, in milliseconds from now. */
export function parseRetryAfter(v: string | null, now: number): number | null {
  if (!v) return null;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}
