// Limits of the receiver, in one place so the server, the importer and the tests agree.
export const BRANCH_CODE_PATTERN = /^[A-Z0-9]{2,16}$/;

export interface ServerLimits {
  /** Largest request body, checked before it is read or parsed (413). */
  bodyLimitBytes: number;
  /** Requests per branch per window before 429. */
  rateMax: number;
  rateWindowMs: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  bodyLimitBytes: 16 * 1024 * 1024,
  rateMax: 120,
  rateWindowMs: 60_000,
};
