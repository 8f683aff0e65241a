// The envelope every call across the process boundary returns: errors thrown across IPC lose
// their type, so they travel as data with a code and a message a clerk can read.
import type { Bilingual, ErrorCode, FieldIssue } from './errors';
import { isAppError } from './errors';

export type Result<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: ErrorCode; message: Bilingual; issues: FieldIssue[]; incidentId?: string } };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Converts a thrown value to an error envelope; unknown errors get a generic message and the incident id. */
export function toErrorResult(e: unknown, incidentId?: string): Result<never> {
  if (isAppError(e)) {
    return { ok: false, error: { code: e.code, message: e.messages, issues: e.issues } };
  }
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      message: {
        zh: `系统内部错误,请联系管理员并提供编号 ${incidentId ?? '-'}`,
        en: `Internal error. Please contact support and quote ${incidentId ?? '-'}`,
      },
      issues: [],
      ...(incidentId ? { incidentId } : {}),
    },
  };
}
