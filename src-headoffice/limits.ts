// Limits of the receiver, in one place so the server, the importer and the tests agree.
export const BRANCH_CODE_PATTERN = /^[A-Z0-9]{2,16}$/;

export interface ServerLimits {
  /** Largest request body, checked before it is read or parsed (413). */
  bodyLimitBytes: number;
  /** Requests per verified branch per window before 429 (and per source address on the other routes). */
  rateMax: number;
  rateWindowMs: number;
  /** Unverified requests (unsigned, bad signature, …) to the branch routes per source address per window before 429. */
  unverifiedRateMax: number;
  /** Bytes of request bodies not yet verified held at once across the server; beyond it 503 + Retry-After. */
  unverifiedInflightBytes: number;
  /** Retry-After (s) of that 503. */
  busyRetryAfterS: number;
  /** A request body not received whole within this is dropped with its connection. */
  unverifiedBodyTimeoutMs: number;
  /** Batches decoded or imported at once; beyond it 503 + Retry-After. null: per store (import-admission.ts). */
  importSlots: number | null;
  /** Retry-After (s) of that 503. */
  importBusyRetryAfterS: number;
  /**
   * Largest push once decompressed (a branch sends at most 4 MB of record lines per batch, outbox-batches.ts): an import
   * worker's heap is bounded (import-pool.ts WORKER_HEAP_LIMITS), so a bigger batch is refused for good (TOO_LARGE)
   * instead of failing the worker and being retried forever.
   */
  pushDecodedBytes: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  bodyLimitBytes: 16 * 1024 * 1024,
  rateMax: 120,
  rateWindowMs: 60_000,
  unverifiedRateMax: 60,
  unverifiedInflightBytes: 64 * 1024 * 1024,
  busyRetryAfterS: 5,
  unverifiedBodyTimeoutMs: 120_000,
  importSlots: null,
  importBusyRetryAfterS: 2,
  pushDecodedBytes: 32 * 1024 * 1024,
};
