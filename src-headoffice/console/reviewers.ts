// Head-office reviewers (部本部): password hashed with scrypt and a salt of its own per user
// (as the branch's PINs in src-main/services/users.ts), and locked for LOCKOUT_MINUTES after
// MAX_FAILED_SIGN_INS wrong passwords in a row. A wrong username and a wrong password answer
// the same, after the same work, and an unknown username is locked after as many attempts
// (unknown-sign-ins.ts), so neither reveals which usernames exist.
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';
import { AppError, refuse } from '../../src-main/shared/errors';
import { parseInput } from '../../src-main/shared/validation';
import type { HqStore } from '../store';
import { LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS, type Reviewer } from './api-contract';
import { unknownSignInCounts } from './unknown-sign-ins-shared';

const scrypt = promisify(scryptCb) as (
  password: string,
  salt: Buffer,
  keylen: number,
  o: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;
const PARAMS = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, PARAMS);
  return `scrypt$${PARAMS.N}$${salt.toString('base64')}$${key.toString('base64')}`;
}

async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [kind, n, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !n || !salt || !key) return false;
  const want = Buffer.from(key, 'base64');
  const got = await scrypt(password, Buffer.from(salt, 'base64'), want.length, { ...PARAMS, N: Number(n) });
  return timingSafeEqual(got, want);
}

// Hashed once: the work done for an unknown username.
let dummy: Promise<string> | null = null;

export const NewReviewer = z.strictObject({
  username: z
    .string()
    .trim()
    .refine((s) => /^[a-z0-9._-]{2,32}$/i.test(s), {
      params: { zh: '须为 2–32 位字母、数字或 . _ -', en: 'must be 2–32 letters, digits or . _ -' },
    }),
  name: z.string().trim().min(1).max(50),
  password: z.string().min(10).max(200),
});

export async function addReviewer(store: HqStore, raw: unknown, now: number): Promise<Reviewer> {
  const input = parseInput(NewReviewer, raw);
  const username = input.username.toLowerCase();
  const hash = await hashPassword(input.password);
  const added = await store.run(
    'INSERT INTO reviewers (username, name, password_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    [username, input.name, hash, now],
  );
  if (added === 0) throw refuse('CONFLICT', `审核人员 ${username} 已存在`, `Reviewer ${username} already exists`);
  return { username, name: input.name };
}

type Row = {
  username: string;
  name: string;
  password_hash: string;
  failed_attempts: number;
  locked_until: number | null;
  active: number;
};

export class LockedError extends AppError {
  constructor(readonly retryAfterMs: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
    super('ACCOUNT_LOCKED', {
      zh: `密码错误次数过多,账号已锁定,请 ${minutes} 分钟后再试`,
      en: `Too many wrong passwords; the account is locked, try again in ${minutes} minutes`,
    });
  }
}

const wrong = () => refuse('AUTH_FAILED', '用户名或密码不正确', 'Wrong username or password');

/** Checks a sign-in; counts failures and locks the account after too many. */
export async function verifyReviewer(
  store: HqStore,
  username: string,
  password: string,
  now: number,
): Promise<Reviewer> {
  const u = username.trim().toLowerCase();
  const row = await store.get<Row>(
    'SELECT username, name, password_hash, failed_attempts, locked_until, active FROM reviewers WHERE username = ?',
    [u],
  );
  if (!row || row.active !== 1) {
    // Answered as a reviewer's row would be: locked without hashing, else hashed and counted.
    const unknown = unknownSignInCounts(store);
    const lockedFor = await unknown.lockedFor(u, now);
    if (lockedFor !== null) throw new LockedError(lockedFor);
    await passwordMatches(password, await (dummy ??= hashPassword('not-a-password-anyone-has')));
    const attempt = await unknown.fail(u, now);
    if (attempt.kind === 'locked') throw new LockedError(attempt.retryAfterMs);
    throw wrong();
  }
  if (row.locked_until !== null && row.locked_until > now) throw new LockedError(row.locked_until - now);
  if (await passwordMatches(password, row.password_hash)) {
    if (row.failed_attempts > 0 || row.locked_until !== null)
      await store.run('UPDATE reviewers SET failed_attempts = 0, locked_until = NULL WHERE username = ?', [u]);
    return { username: row.username, name: row.name };
  }
  // Counted in one statement, so parallel guesses cannot slip past the limit.
  const after = await store.get<{ failed_attempts: number }>(
    `UPDATE reviewers SET failed_attempts = failed_attempts + 1,
       locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END
     WHERE username = ? RETURNING failed_attempts`,
    [MAX_FAILED_SIGN_INS, now + LOCKOUT_MINUTES * 60_000, u],
  );
  if ((after?.failed_attempts ?? 0) >= MAX_FAILED_SIGN_INS) {
    await store.run('UPDATE reviewers SET failed_attempts = 0 WHERE username = ?', [u]);
    throw new LockedError(LOCKOUT_MINUTES * 60_000);
  }
  throw wrong();
}
