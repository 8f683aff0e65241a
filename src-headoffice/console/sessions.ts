// Console sessions: a random token in an HttpOnly cookie, only its sha256 in the store; a
// CSRF token bound to the session. A session ends IDLE_MINUTES after its last request or
// ABSOLUTE_HOURS after sign-in, whichever comes first.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { HqStore } from '../store';
import { ABSOLUTE_HOURS, IDLE_MINUTES, type SessionInfo } from './api-contract';

const IDLE_MS = IDLE_MINUTES * 60_000;
const ABSOLUTE_MS = ABSOLUTE_HOURS * 3_600_000;
const sha = (token: string) => createHash('sha256').update(token).digest('hex');

export interface Session extends SessionInfo {
  tokenHash: string;
}

export async function openSession(
  store: HqStore,
  reviewer: { username: string; name: string },
  now: number,
): Promise<{ token: string; session: Session }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const tokenHash = sha(token);
  await store.run(
    'INSERT INTO reviewer_sessions (token_hash, username, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    [tokenHash, reviewer.username, csrfToken, now, now, now + ABSOLUTE_MS],
  );
  // Expired sessions of anyone are cleared as new ones open.
  await store.run('DELETE FROM reviewer_sessions WHERE expires_at <= ? OR last_seen_at <= ?', [now, now - IDLE_MS]);
  return {
    token,
    session: {
      tokenHash,
      reviewer,
      csrfToken,
      expiresAt: now + ABSOLUTE_MS,
      idleExpiresAt: Math.min(now + IDLE_MS, now + ABSOLUTE_MS),
    },
  };
}

/** The live session of a cookie token (its idle clock restarted), or null. */
export async function findSession(store: HqStore, token: string | undefined, now: number): Promise<Session | null> {
  if (!token || token.length > 100) return null;
  const tokenHash = sha(token);
  const row = await store.get<{
    username: string;
    name: string;
    csrf_token: string;
    last_seen_at: number;
    expires_at: number;
    active: number;
  }>(
    'SELECT s.username, r.name, s.csrf_token, s.last_seen_at, s.expires_at, r.active FROM reviewer_sessions s JOIN reviewers r ON r.username = s.username WHERE s.token_hash = ?',
    [tokenHash],
  );
  if (!row || row.active !== 1 || row.expires_at <= now || row.last_seen_at + IDLE_MS <= now) {
    if (row) await store.run('DELETE FROM reviewer_sessions WHERE token_hash = ?', [tokenHash]);
    return null;
  }
  await store.run('UPDATE reviewer_sessions SET last_seen_at = ? WHERE token_hash = ?', [now, tokenHash]);
  return {
    tokenHash,
    reviewer: { username: row.username, name: row.name },
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
    idleExpiresAt: Math.min(now + IDLE_MS, row.expires_at),
  };
}

export async function closeSession(store: HqStore, tokenHash: string): Promise<void> {
  await store.run('DELETE FROM reviewer_sessions WHERE token_hash = ?', [tokenHash]);
}

export function csrfMatches(session: Session, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  const a = Buffer.from(header);
  const b = Buffer.from(session.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const publicSession = (s: Session): SessionInfo => ({
  reviewer: s.reviewer,
  csrfToken: s.csrfToken,
  expiresAt: s.expiresAt,
  idleExpiresAt: s.idleExpiresAt,
});
