// The reviewer's session: probed with GET /session (401 means signed out), created by
// POST /session, ended by DELETE /session. The CSRF token of each answer is remembered by
// api.ts for the state-changing requests that follow.
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { CONSOLE_PATHS, type SessionInfo, type SignInBody } from '../../src-headoffice/console/api-contract';
import { ConsoleApiError, getQuiet, postQuiet, request, setCsrfToken } from './api';

export const SESSION_KEY = ['console', 'session'] as const;

async function probe(): Promise<SessionInfo | null> {
  try {
    const s = await getQuiet<SessionInfo>(CONSOLE_PATHS.session);
    setCsrfToken(s.csrfToken);
    return s;
  } catch (e) {
    if (e instanceof ConsoleApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export const useSession = () => useQuery({ queryKey: SESSION_KEY, queryFn: probe, staleTime: Infinity });

export async function signIn(body: SignInBody): Promise<SessionInfo> {
  const s = await postQuiet<SessionInfo>(CONSOLE_PATHS.session, body);
  setCsrfToken(s.csrfToken);
  return s;
}

export function useSignOut(): () => Promise<void> {
  const qc = useQueryClient();
  return useCallback(async () => {
    await request('DELETE', CONSOLE_PATHS.session, undefined, true).catch(() => undefined);
    setCsrfToken(null);
    signedOut(qc);
  }, [qc]);
}

/**
 * Signed out (by the reviewer or because head office ended the session): the session query
 * says so, which shows the sign-in screen, and nothing else of this reviewer stays in the
 * cache for the next one at this PC. (clear() would also drop the session query that the
 * mounted screen observes, and it would not hear of the change.)
 */
export function signedOut(qc: QueryClient): void {
  qc.setQueryData(SESSION_KEY, null);
  qc.removeQueries({ predicate: (q) => q.queryKey[1] !== SESSION_KEY[1] });
}
