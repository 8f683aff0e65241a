// Authenticates a signed branch request: known branch, valid HMAC, timestamp within ±300 s
// of head office's clock, and a nonce never seen before (kept in the store, so a restart
// does not reopen the replay window; written by group commit, or in a push's import transaction).
import { isSyncError, type SyncError, syncRefuse } from '../src-main/sync/batch-errors';
import { readSignature, verifySignature } from '../src-main/sync/batch-sign';
import { branchKey } from './branches';
import { nonceLedger } from './nonce-ledger';
import type { HqStore } from './store';

export interface SignedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer | string;
}

/**
 * Returns the branch code the request is signed by, or throws a SyncError. `quiet`: a bad
 * signature is not kept as the branch's last error (its source address is already throttled).
 * `nonceInImport`: the caller writes the nonce in its own transaction (a push); others are group-committed (nonce-ledger.ts).
 */
export async function authenticate(
  db: HqStore,
  req: SignedRequest,
  now: number,
  o: { quiet?: boolean; nonceInImport?: boolean } = {},
): Promise<string> {
  const parts = readSignature(req.headers);
  const key = await branchKey(db, parts.branch);
  if (key === null)
    throw syncRefuse(
      'UNKNOWN_BRANCH',
      `总部没有登记门店 ${parts.branch.slice(0, 20)}`,
      `Branch ${parts.branch.slice(0, 20)} is not registered at head office`,
    );
  try {
    verifySignature(key, parts, { method: req.method, path: req.url, body: req.body }, now);
  } catch (e) {
    // A bad signature of a known branch is shown in the console's sync health (a clock skew is routine).
    if (isSyncError(e) && e.why === 'BAD_SIGNATURE' && !o.quiet) await refusedAs(db, parts.branch, e, now);
    throw e;
  }
  // A push's nonce is written in its import's transaction (importer.ts): here only a stored one is refused.
  const fresh = o.nonceInImport
    ? (await db.get('SELECT 1 AS seen FROM nonces WHERE branch = ? AND nonce = ?', [parts.branch, parts.nonce])) ===
      undefined
    : await nonceLedger(db).take(parts.branch, parts.nonce, now);
  if (!fresh) {
    const e = replayed();
    await refusedAs(db, parts.branch, e, now);
    throw e;
  }
  return parts.branch;
}

/** The refusal of a request whose nonce is already stored. */
export const replayed = (): SyncError =>
  syncRefuse(
    'NONCE_REUSED',
    '重复的请求(一次性随机数已用过),已拒绝',
    'Replayed request (the nonce was already used); refused',
  );

/** Keeps a refusal as the branch's last error, as the importer does for a refused batch. */
async function refusedAs(db: HqStore, branch: string, e: SyncError, now: number): Promise<void> {
  await db.run('UPDATE branches SET last_error = ?, last_error_at = ? WHERE code = ?', [
    JSON.stringify({ code: e.why, zh: e.messages.zh, en: e.messages.en }),
    now,
    branch,
  ]);
}
