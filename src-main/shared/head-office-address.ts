// Whether the head-office address sends customer data in clear: plain http:// to a host that is not this PC.
import { type FieldIssue, refuse } from './errors';
import { UNENCRYPTED_WORDS } from './i18n/vocabulary-connection';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for an http:// address whose host is not loopback (127.0.0.1, ::1, localhost). */
export function isUnencryptedRemote(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'http:') return false;
  const host = u.hostname.toLowerCase();
  return !(LOOPBACK.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host));
}

/** The field issue of an unencrypted remote address the manager has not allowed, or null. */
export function unencryptedIssue(s: { headOfficeUrl: string; allowUnencrypted: boolean }): FieldIssue | null {
  return isUnencryptedRemote(s.headOfficeUrl) && !s.allowUnencrypted
    ? { field: 'headOfficeUrl', message: UNENCRYPTED_WORDS.fieldIssue }
    : null;
}

/** Refuses settings that would send data in clear to another computer without the manager's consent. */
export function assertEncryptedOrAllowed(s: { headOfficeUrl: string; allowUnencrypted: boolean }): void {
  const issue = unencryptedIssue(s);
  if (issue) throw refuse('VALIDATION', UNENCRYPTED_WORDS.refused.zh, UNENCRYPTED_WORDS.refused.en, [issue]);
}
