// PIN hashing cost (issue 20 §4): new hashes at PIN_SCRYPT (scrypt N = 2^16, r = 8), older hashes
// (N = 2^14) still verify and are re-hashed at the new cost on the next successful sign-in (not on a
// wrong PIN); a forged cost in a stored hash is refused without running it; every PIN someone sets
// (first manager, added user, reset, change) has at least 6 digits.
import { afterEach, describe, expect, it } from 'vitest';
import { updateRow } from '../../src-main/db/statements';
import { hashCost, hashPin, PIN_SCRYPT, verifyPin, weakerThan } from '../../src-main/services/pin-hash';
import { resetPin } from '../../src-main/services/pin-admin';
import { changePin, createUser, findById, signIn } from '../../src-main/services/users';
import { AppError } from '../../src-main/shared/errors';
import { openTestStore, PIN, tempDir, type TestStore } from '../helpers/store';
import { openDatabase } from '../../src-main/db/connection';
import { createContext } from '../../src-main/services/context';
import { join } from 'node:path';

let s: TestStore | undefined;
afterEach(() => s?.close());

const refusal = (f: () => unknown): AppError => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('not refused');
};

const OLD = { N: 16384, r: 8, p: 1 };

describe('PIN hashes', () => {
  it('are made at N = 2^16, r = 8 by default and verify only the right PIN', () => {
    expect(PIN_SCRYPT).toEqual({ N: 65536, r: 8, p: 1 });
    const h = hashPin('471100');
    expect(h.startsWith('scrypt$65536$8$1$')).toBe(true);
    expect(hashCost(h)).toEqual(PIN_SCRYPT);
    expect(verifyPin('471100', h)).toBe(true);
    expect(verifyPin('471101', h)).toBe(false);
    // Two hashes of one PIN differ (salt per hash).
    expect(hashPin('471100', OLD)).not.toBe(hashPin('471100', OLD));
  });

  it('refuse a stored cost that is not one this module writes, without running it', () => {
    const h = hashPin('471100', OLD);
    const parts = h.split('$');
    const forged = (n: string, r = parts[2]) => [parts[0], n, r, parts[3], parts[4], parts[5]].join('$');
    const t = Date.now();
    expect(verifyPin('471100', forged(String(2 ** 30)))).toBe(false);
    expect(verifyPin('471100', forged('12345'))).toBe(false);
    expect(verifyPin('471100', forged('16384', '999'))).toBe(false);
    expect(Date.now() - t).toBeLessThan(100);
    expect(verifyPin('471100', 'bcrypt$whatever')).toBe(false);
    expect(weakerThan(h, PIN_SCRYPT)).toBe(true);
    expect(weakerThan(hashPin('471100', PIN_SCRYPT), PIN_SCRYPT)).toBe(false);
  });

  it('made before the cost was raised still sign in, and are re-hashed at the new cost then', () => {
    s = openTestStore();
    const clerk = s.users.clerk;
    // The app's own cost (tests lower it on their context: see TEST_PIN_COST).
    delete s.ctx.pinCost;
    updateRow(s.db, 'users', clerk.id, { pinHash: hashPin(PIN, OLD) });
    expect(refusal(() => signIn(s!.ctx, { staffNo: 'C001', pin: '000000' })).code).toBe('AUTH_FAILED');
    expect(hashCost(findById(s.ctx, clerk.id)!.pinHash)).toEqual(OLD);
    const version = findById(s.ctx, clerk.id)!.version;
    expect(signIn(s.ctx, { staffNo: 'C001', pin: PIN }).id).toBe(clerk.id);
    const after = findById(s.ctx, clerk.id)!;
    expect(hashCost(after.pinHash)).toEqual(PIN_SCRYPT);
    expect(after.version).toBe(version + 1);
    expect(verifyPin(PIN, after.pinHash)).toBe(true);
    // Signing in again changes nothing more.
    signIn(s.ctx, { staffNo: 'C001', pin: PIN });
    expect(findById(s.ctx, clerk.id)!.version).toBe(version + 1);
  });

  it('are made at the app cost when the context sets none (the app, CLI and browser mode)', () => {
    const { db } = openDatabase(join(tempDir(), 'a.sqlite'));
    const ctx = createContext(db);
    const m = createUser(ctx, null, { staffNo: 'M001', name: '王店长', role: 'manager', pin: '471100' });
    expect(hashCost(findById(ctx, m.id)!.pinHash)).toEqual(PIN_SCRYPT);
    db.close();
  });
});

describe('a PIN of at least 6 digits', () => {
  it('for the first manager, a new user, a reset and a change', () => {
    const { db } = openDatabase(join(tempDir(), 'b.sqlite'));
    const ctx = createContext(db, { pinCost: OLD });
    for (const pin of ['1234', '12345', '12a456', '123456789'])
      expect(refusal(() => createUser(ctx, null, { staffNo: 'M001', name: '王店长', role: 'manager', pin })).code).toBe(
        'VALIDATION',
      );
    db.close();

    s = openTestStore();
    const { manager, clerk } = s.users;
    const added = refusal(() =>
      createUser(s!.ctx, manager, { staffNo: 'C009', name: '新人', role: 'clerk', pin: '4711' }),
    );
    expect(added.code).toBe('VALIDATION');
    expect(added.issues[0]?.field).toBe('pin');
    expect(added.issues[0]?.message.zh).toContain('6–8 位数字');
    expect(refusal(() => resetPin(s!.ctx, manager, { userId: clerk.id, temporaryPin: '47110' })).code).toBe(
      'VALIDATION',
    );
    expect(
      refusal(() => changePin(s!.ctx, clerk, { currentPin: PIN, newPin: '47110', confirmPin: '47110' })).code,
    ).toBe('VALIDATION');
  });
});
