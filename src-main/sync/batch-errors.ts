// Refusals of a batch or a sync request, in both languages. Each carries a sync reason
// (`why`) so head office can pick the HTTP status and the branch can decide whether to retry.
import { AppError, type ErrorCode } from '../shared/errors';

export type SyncRefusal =
  | 'BAD_SIGNATURE'
  | 'UNKNOWN_BRANCH'
  | 'CLOCK_SKEW'
  | 'NONCE_REUSED'
  | 'FOREIGN_BRANCH'
  | 'DAMAGED'
  | 'SCHEMA_TOO_NEW'
  | 'PROTOCOL'
  | 'GAP'
  | 'REWOUND'
  | 'NUMBER_TAKEN'
  | 'TOO_LARGE';

const CODE: Record<SyncRefusal, ErrorCode> = {
  BAD_SIGNATURE: 'AUTH_FAILED',
  UNKNOWN_BRANCH: 'AUTH_FAILED',
  CLOCK_SKEW: 'AUTH_FAILED',
  NONCE_REUSED: 'AUTH_FAILED',
  FOREIGN_BRANCH: 'FORBIDDEN',
  DAMAGED: 'VALIDATION',
  SCHEMA_TOO_NEW: 'VALIDATION',
  PROTOCOL: 'VALIDATION',
  GAP: 'CONFLICT',
  REWOUND: 'CONFLICT',
  NUMBER_TAKEN: 'CONFLICT',
  TOO_LARGE: 'VALIDATION',
};

/** An AppError that also says which sync rule refused, plus data the other side needs. */
export class SyncError extends AppError {
  readonly why: SyncRefusal;
  readonly detail: Record<string, unknown>;
  constructor(why: SyncRefusal, zh: string, en: string, detail: Record<string, unknown> = {}) {
    super(CODE[why], { zh, en });
    this.why = why;
    this.detail = detail;
  }
}

export const syncRefuse = (why: SyncRefusal, zh: string, en: string, detail: Record<string, unknown> = {}): SyncError =>
  new SyncError(why, zh, en, detail);

/** Whether a refusal code of head office names a sync rule (the others are application errors). */
export const isSyncRefusal = (code: string): code is SyncRefusal => Object.hasOwn(CODE, code);

export const isSyncError = (e: unknown): e is SyncError => e instanceof SyncError;
