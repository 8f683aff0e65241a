// Every refusal as an HTTP status and a bilingual body the branch shows as is. The status
// decides the branch's behaviour: 5xx and 429 are retried, any other 4xx stops and is shown.
import { isAppError } from '../src-main/shared/errors';
import { isSyncError, type SyncRefusal } from '../src-main/sync/batch-errors';
import type { ErrorBody } from '../src-main/sync/protocol';

const STATUS: Record<SyncRefusal, number> = {
  BAD_SIGNATURE: 401,
  UNKNOWN_BRANCH: 401,
  CLOCK_SKEW: 401,
  NONCE_REUSED: 401,
  FOREIGN_BRANCH: 403,
  DAMAGED: 422,
  SCHEMA_TOO_NEW: 422,
  PROTOCOL: 422,
  GAP: 409,
  REWOUND: 409,
  NUMBER_TAKEN: 409,
  TOO_LARGE: 413,
};

const APP_STATUS: Record<string, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  AUTH_FAILED: 401,
  NOT_SIGNED_IN: 401,
  ACCOUNT_LOCKED: 423,
};

export function httpError(e: unknown): { status: number; body: ErrorBody } {
  if (isSyncError(e)) return { status: STATUS[e.why], body: { code: e.why, message: e.messages, ...e.detail } };
  if (isAppError(e)) {
    const retry = (e as { retryAfterMs?: unknown }).retryAfterMs;
    return {
      status: APP_STATUS[e.code] ?? 400,
      body: {
        code: e.code,
        message: e.messages,
        issues: e.issues,
        ...(typeof retry === 'number' ? { retryAfterMs: retry } : {}),
      },
    };
  }
  const err = e as { statusCode?: number; code?: string; rateLimited?: boolean; after?: string };
  if (err.rateLimited) {
    return {
      status: 429,
      body: {
        code: 'RATE_LIMITED',
        message: { zh: `请求太频繁,请 ${err.after} 后再试`, en: `Too many requests; retry in ${err.after}` },
      },
    };
  }
  if (err.statusCode === 413)
    return {
      status: 413,
      body: { code: 'TOO_LARGE', message: { zh: '请求体过大,已拒收', en: 'The request body is too large; refused' } },
    };
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return {
      status: err.statusCode,
      body: { code: err.code ?? 'BAD_REQUEST', message: { zh: '请求格式不对', en: 'Malformed request' } },
    };
  }
  return {
    status: 500,
    body: {
      code: 'INTERNAL',
      message: { zh: '总部内部错误,稍后会自动重试', en: 'Head office internal error; the branch will retry' },
    },
  };
}
