import { afterEach, describe, expect, it } from 'vitest';
import { changePin, createUser, setUserActive, signIn } from '../../src-main/services/users';
import { AppError } from '../../src-main/shared/errors';
import { openTestStore, PIN, tempDir, type TestStore } from '../helpers/store';
import { openDatabase } from '../../src-main/db/connection';
import { createContext } from '../../src-main/services/context';
import { join } from 'node:path';

let s: TestStore;
afterEach(() => s?.close());

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : 'OTHER';
  }
  return undefined;
};

describe('staff sign-in', () => {
  it('stores the PIN as a salted scrypt hash and signs in with staff number and PIN', () => {
    s = openTestStore();
    const rows = s.db.prepare('SELECT pin_hash FROM users').all() as { pin_hash: string }[];
    expect(new Set(rows.map((r) => r.pin_hash)).size).toBe(rows.length); // salted: equal PINs, different hashes
    for (const r of rows) expect(r.pin_hash).not.toContain(PIN);
    expect(signIn(s.ctx, { staffNo: 'c001', pin: PIN })).toMatchObject({ staffNo: 'C001', role: 'clerk' });
    expect(codeOf(() => signIn(s.ctx, { staffNo: 'C001', pin: '000000' }))).toBe('AUTH_FAILED');
    expect(codeOf(() => signIn(s.ctx, { staffNo: 'NOBODY', pin: PIN }))).toBe('AUTH_FAILED');
  });

  it('locks the account for 5 minutes after 5 wrong PINs, even against the right PIN', () => {
    s = openTestStore();
    for (let i = 0; i < 4; i++)
      expect(codeOf(() => signIn(s.ctx, { staffNo: 'C001', pin: '999999' }))).toBe('AUTH_FAILED');
    expect(codeOf(() => signIn(s.ctx, { staffNo: 'C001', pin: '999999' }))).toBe('ACCOUNT_LOCKED');
    expect(codeOf(() => signIn(s.ctx, { staffNo: 'C001', pin: PIN }))).toBe('ACCOUNT_LOCKED');
    s.clock.t += 4 * 60_000 + 59_000;
    expect(codeOf(() => signIn(s.ctx, { staffNo: 'C001', pin: PIN }))).toBe('ACCOUNT_LOCKED');
    s.clock.t += 2_000;
    expect(signIn(s.ctx, { staffNo: 'C001', pin: PIN }).staffNo).toBe('C001');
    const actions = (
      s.db
        .prepare(
          "SELECT action FROM audit_log WHERE entity = 'user' AND action LIKE 'user.%sign%' OR action = 'user.locked' ORDER BY seq",
        )
        .all() as { action: string }[]
    ).map((r) => r.action);
    expect(actions).toEqual([
      'user.sign_in_failed',
      'user.sign_in_failed',
      'user.sign_in_failed',
      'user.sign_in_failed',
      'user.locked',
      'user.sign_in',
    ]);
  });

  it('a successful sign-in resets the count of wrong PINs', () => {
    s = openTestStore();
    for (let i = 0; i < 4; i++) codeOf(() => signIn(s.ctx, { staffNo: 'C001', pin: '999999' }));
    signIn(s.ctx, { staffNo: 'C001', pin: PIN });
    for (let i = 0; i < 4; i++)
      expect(codeOf(() => signIn(s.ctx, { staffNo: 'C001', pin: '999999' }))).toBe('AUTH_FAILED');
  });

  it('changes a PIN only with the current one; a disabled account cannot sign in', () => {
    s = openTestStore();
    const { clerk, manager } = s.users;
    expect(
      codeOf(() => changePin(s.ctx, clerk, { currentPin: '000000', newPin: '135790', confirmPin: '135790' })),
    ).toBe('AUTH_FAILED');
    expect(codeOf(() => changePin(s.ctx, clerk, { currentPin: PIN, newPin: '12', confirmPin: '12' }))).toBe(
      'VALIDATION',
    );
    changePin(s.ctx, clerk, { currentPin: PIN, newPin: '135790', confirmPin: '135790' });
    expect(signIn(s.ctx, { staffNo: 'C001', pin: '135790' }).id).toBe(clerk.id);
    expect(codeOf(() => setUserActive(s.ctx, clerk, { userId: clerk.id, active: false }))).toBe('FORBIDDEN');
    expect(codeOf(() => setUserActive(s.ctx, manager, { userId: manager.id, active: false }))).toBe('CONFLICT');
    setUserActive(s.ctx, manager, { userId: clerk.id, active: false });
    expect(codeOf(() => signIn(s.ctx, { staffNo: 'C001', pin: '135790' }))).toBe('AUTH_FAILED');
  });

  it('only a manager adds users; the first account of an empty store must be a manager', () => {
    s = openTestStore();
    expect(
      codeOf(() =>
        createUser(s.ctx, s.users.supervisor, { staffNo: 'X1', name: '新人', role: 'clerk', pin: '135790' }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(() => createUser(s.ctx, s.users.manager, { staffNo: 'c001', name: '重复', role: 'clerk', pin: '135790' })),
    ).toBe('CONFLICT');
    expect(
      codeOf(() =>
        createUser(s.ctx, s.users.manager, { staffNo: 'U9', name: '无单位', role: 'unit_staff', pin: '135790' }),
      ),
    ).toBe('VALIDATION');
    const { db } = openDatabase(join(tempDir(), 'empty.sqlite'));
    const ctx = createContext(db);
    expect(codeOf(() => createUser(ctx, null, { staffNo: 'C1', name: '店员', role: 'clerk', pin: '135790' }))).toBe(
      'FORBIDDEN',
    );
    expect(createUser(ctx, null, { staffNo: 'M1', name: '店长', role: 'manager', pin: '135790' }).role).toBe('manager');
    db.close();
  });
});
