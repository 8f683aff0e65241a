// PINs are stored as scrypt hashes with a per-user salt; comparison is constant-time. The cost
// is stored in each hash (scrypt$N$r$p$salt$hash), so older hashes keep verifying and are
// re-hashed at the current cost on the next successful sign-in (users.ts).
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/**
 * N = 2^16, r = 8 (64 MiB): the largest power of two whose sign-in stays within 300 ms on an
 * office i5 (measured on this project's build machine, see README "How the store keeps its
 * promises"); 2^17 took over 300 ms. Was 2^14 before issue 20.
 */
export const PIN_SCRYPT: ScryptCost = { N: 65536, r: 8, p: 1 };
const KEYLEN = 32;
/** Bounds on a stored hash's cost: a damaged or forged row cannot make a sign-in allocate GBs. */
const MAX_N = 2 ** 20;

/** scrypt needs 128·N·r bytes; Node's default limit (32 MiB) is below what N = 2^16 asks. */
const maxmem = (c: ScryptCost) => 128 * c.N * c.r * c.p + 16 * 1024 * 1024;

export function hashPin(pin: string, cost: ScryptCost = PIN_SCRYPT): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, KEYLEN, { ...cost, maxmem: maxmem(cost) });
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** The cost a stored hash was made with; null for a hash this module did not write. */
export function hashCost(stored: string): ScryptCost | null {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  const c = { N: Number(n), r: Number(r), p: Number(p) };
  const pow2 = Number.isInteger(c.N) && c.N >= 2 && c.N <= MAX_N && (c.N & (c.N - 1)) === 0;
  if (scheme !== 'scrypt' || !salt || !hash || !pow2) return null;
  if (!Number.isInteger(c.r) || c.r < 1 || c.r > 32 || !Number.isInteger(c.p) || c.p < 1 || c.p > 4) return null;
  return c;
}

export function verifyPin(pin: string, stored: string): boolean {
  const cost = hashCost(stored);
  if (!cost) return false;
  const [, , , , salt, hash] = stored.split('$') as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, { ...cost, maxmem: maxmem(cost) });
  return timingSafeEqual(actual, expected);
}

/** True when a stored hash is cheaper than `cost` (made before the cost was raised): re-hash it on sign-in. */
export function weakerThan(stored: string, cost: ScryptCost): boolean {
  const c = hashCost(stored);
  return c !== null && c.N * c.r * c.p < cost.N * cost.r * cost.p;
}
