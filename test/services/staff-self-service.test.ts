// Staff self-service (issue 12 §11): own PIN change with its rules, the manager's reset and
// unlock (all audited), the demo-store flag, and unit staff scoped to their unit's cases.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/handlers';
import type { Session } from '../../src-main/handlers/types';
import { resetPin, unlockUser } from '../../src-main/services/pin-admin';
import { listQueue, queueCounts } from '../../src-main/services/queues';
import { searchCases } from '../../src-main/services/search';
import { isDemoStore, markDemoStore } from '../../src-main/services/store-meta';
import { changePin, createUser, listUsers, pinStatus, signIn } from '../../src-main/services/users';
import { AppError } from '../../src-main/shared/errors';
import { openTestStore, phoneCase, PIN, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}
const audit = (st: TestStore, action: string) =>
  st.db.prepare('SELECT actor_staff_no AS who, entity_id AS id FROM audit_log WHERE action = ?').all(action);

describe('changing one’s own PIN', () => {
  it.each([
    ['12345', 'newPin', '须为 6–8 位数字'],
    ['123456', 'newPin', '太容易猜到'],
    ['777777', 'newPin', '太容易猜到'],
    ['12a456', 'newPin', '须为 6–8 位数字'],
  ])('refuses %j as a new PIN, with a message on %s, changing nothing', (pin, field, words) => {
    s = openTestStore();
    const e = refusal(() => changePin(s.ctx, s.users.clerk, { currentPin: PIN, newPin: pin, confirmPin: pin }));
    expect(e.code).toBe('VALIDATION');
    expect(e.issues.find((i) => i.field === field)?.message.zh).toContain(words);
    expect(signIn(s.ctx, { staffNo: 'C001', pin: PIN }).id).toBe(s.users.clerk.id);
  });

  it('needs the new PIN twice, different from the current one, and the right current PIN', () => {
    s = openTestStore();
    const c = s.users.clerk;
    const mismatch = refusal(() => changePin(s.ctx, c, { currentPin: PIN, newPin: '135790', confirmPin: '135791' }));
    expect(mismatch.issues.map((i) => i.field)).toEqual(['confirmPin']);
    expect(mismatch.issues[0]?.message).toEqual({
      zh: '再次输入新 PIN:两次输入的新 PIN 不一致',
      en: 'New PIN again does not match the new PIN',
    });
    const same = refusal(() => changePin(s.ctx, c, { currentPin: PIN, newPin: PIN, confirmPin: PIN }));
    expect(same.issues.map((i) => i.field)).toEqual(['newPin']);
    const wrong = refusal(() => changePin(s.ctx, c, { currentPin: '000000', newPin: '135790', confirmPin: '135790' }));
    expect(wrong.code).toBe('AUTH_FAILED');
    expect(audit(s, 'user.pin_changed')).toEqual([]);
    changePin(s.ctx, c, { currentPin: PIN, newPin: '135790', confirmPin: '135790' });
    expect(signIn(s.ctx, { staffNo: 'C001', pin: '135790' }).id).toBe(c.id);
    expect(audit(s, 'user.pin_changed')).toEqual([{ who: 'C001', id: c.id }]);
  });
});

describe('the manager resets a PIN and unlocks an account', () => {
  it('a reset PIN signs in but must be changed first; changing it clears the flag', () => {
    s = openTestStore();
    const { manager, clerk, secretary } = s.users;
    expect(refusal(() => resetPin(s.ctx, secretary, { userId: clerk.id, temporaryPin: '471100' })).code).toBe(
      'FORBIDDEN',
    );
    expect(refusal(() => resetPin(s.ctx, manager, { userId: manager.id, temporaryPin: '471100' })).code).toBe(
      'CONFLICT',
    );
    expect(refusal(() => resetPin(s.ctx, manager, { userId: clerk.id, temporaryPin: 'x' })).code).toBe('VALIDATION');
    resetPin(s.ctx, manager, { userId: clerk.id, temporaryPin: '471100' });
    expect(audit(s, 'user.pin_reset')).toEqual([{ who: 'M001', id: clerk.id }]);
    expect(refusal(() => signIn(s.ctx, { staffNo: 'C001', pin: PIN })).code).toBe('AUTH_FAILED');
    expect(signIn(s.ctx, { staffNo: 'C001', pin: '471100' }).id).toBe(clerk.id);
    expect(pinStatus(s.ctx, clerk)).toEqual({ mustChangePin: true });
    expect(listUsers(s.ctx).find((u) => u.id === clerk.id)).toMatchObject({ mustChangePin: true, locked: false });
    changePin(s.ctx, clerk, { currentPin: '471100', newPin: '802468', confirmPin: '802468' });
    expect(pinStatus(s.ctx, clerk)).toEqual({ mustChangePin: false });
    const hash = s.db.prepare("SELECT before, after FROM audit_log WHERE action = 'user.pin_reset'").get();
    expect(JSON.stringify(hash)).not.toContain('scrypt');
  });

  it('main refuses everything but the PIN change to a user whose PIN was reset, until it is changed', async () => {
    s = openTestStore();
    resetPin(s.ctx, s.users.manager, { userId: s.users.clerk.id, temporaryPin: '471100' });
    const session: Session = { user: null };
    expect(await dispatch(s.ctx, session, 'auth.signIn', { staffNo: 'C001', pin: '471100' })).toMatchObject({
      ok: true,
    });
    expect(await dispatch(s.ctx, session, 'queues.counts', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: { zh: '店长已重置您的 PIN,请先设置新的 PIN' } },
    });
    expect(await dispatch(s.ctx, session, 'auth.pinStatus', {})).toEqual({ ok: true, value: { mustChangePin: true } });
    const changed = await dispatch(s.ctx, session, 'auth.changePin', {
      currentPin: '471100',
      newPin: '802468',
      confirmPin: '802468',
    });
    expect(changed).toMatchObject({ ok: true });
    expect(await dispatch(s.ctx, session, 'queues.counts', {})).toMatchObject({ ok: true });
  });

  it('unlocks an account locked by wrong PINs; an unlocked one is refused', () => {
    s = openTestStore();
    const { manager, clerk } = s.users;
    expect(refusal(() => unlockUser(s.ctx, manager, { userId: clerk.id })).code).toBe('CONFLICT');
    for (let i = 0; i < 5; i++) refusal(() => signIn(s.ctx, { staffNo: 'C001', pin: '999999' }));
    expect(refusal(() => signIn(s.ctx, { staffNo: 'C001', pin: PIN })).code).toBe('ACCOUNT_LOCKED');
    expect(listUsers(s.ctx).find((u) => u.id === clerk.id)?.locked).toBe(true);
    expect(refusal(() => unlockUser(s.ctx, clerk, { userId: clerk.id })).code).toBe('FORBIDDEN');
    unlockUser(s.ctx, manager, { userId: clerk.id });
    expect(audit(s, 'user.unlock')).toEqual([{ who: 'M001', id: clerk.id }]);
    expect(signIn(s.ctx, { staffNo: 'C001', pin: PIN }).id).toBe(clerk.id);
  });
});

describe('an account the manager creates', () => {
  it('has an initial PIN of 6–8 digits that its owner must change at the first sign-in', () => {
    s = openTestStore();
    const short = refusal(() =>
      createUser(s.ctx, s.users.manager, { staffNo: 'C9', name: '新店员', role: 'clerk', pin: '4711' }),
    );
    expect(short.issues).toEqual([
      { field: 'pin', message: { zh: 'PIN 码:须为 6–8 位数字', en: 'PIN must be 6–8 digits' } },
    ]);
    const u = createUser(s.ctx, s.users.manager, { staffNo: 'C9', name: '新店员', role: 'clerk', pin: '471100' });
    expect(signIn(s.ctx, { staffNo: 'C9', pin: '471100' }).id).toBe(u.id);
    expect(pinStatus(s.ctx, { ...u })).toEqual({ mustChangePin: true });
    changePin(s.ctx, { ...u }, { currentPin: '471100', newPin: '802468', confirmPin: '802468' });
    expect(pinStatus(s.ctx, { ...u })).toEqual({ mustChangePin: false });
  });
});

describe('the demo-store flag', () => {
  it('is off in a real store and on once seed-demo marks it', () => {
    s = openTestStore();
    expect(isDemoStore(s.db)).toBe(false);
    markDemoStore(s.db);
    expect(isDemoStore(s.db)).toBe(true);
  });
});

describe('unit staff see their own unit’s cases', () => {
  it('in queues, counts and search, unless the manager widens it', () => {
    s = openTestStore();
    const shoes = phoneCase(s, { customer: { name: '鞋客', phone: '13800138001' } });
    const food = phoneCase(s, {
      customer: { name: '食客', phone: '13800138002' },
      complainedUnitId: s.units.food,
    });
    const { staff, secretary } = s.users;
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
    expect(ids(listQueue(s.ctx, staff, { queue: 'open', limit: 50 }).rows)).toEqual([shoes.id]);
    expect(ids(listQueue(s.ctx, s.users.otherStaff, { queue: 'open', limit: 50 }).rows)).toEqual([food.id]);
    expect(ids(listQueue(s.ctx, secretary, { queue: 'open', limit: 50 }).rows)).toEqual(ids([shoes, food]));
    expect(ids(searchCases(s.ctx, staff, { query: '1380013800', limit: 50 }).rows)).toEqual([]);
    expect(ids(searchCases(s.ctx, staff, { query: '13800138002', limit: 50 }).rows)).toEqual([]);
    expect(ids(searchCases(s.ctx, staff, { query: '13800138001', limit: 50 }).rows)).toEqual([shoes.id]);
    expect(queueCounts(s.ctx, staff).due_soon + queueCounts(s.ctx, staff).overdue).toBeLessThanOrEqual(1);
    s.settings.unitStaffSeeAllUnits = true;
    expect(ids(listQueue(s.ctx, staff, { queue: 'open', limit: 50 }).rows)).toEqual(ids([shoes, food]));
    expect(ids(searchCases(s.ctx, staff, { query: '13800138002', limit: 50 }).rows)).toEqual([food.id]);
  });
});
