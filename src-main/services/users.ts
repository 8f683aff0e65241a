// Staff users: created by the manager, signed in with staff number and PIN. Five wrong PINs
// lock the account for five minutes (SPEC §11). PIN hashes never leave this module.
import { fromRow, insertRow, stmt, updateRow } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { can } from '../domain/permissions';
import { refuse } from '../shared/errors';
import {
  PinChangeInput,
  SignInInput,
  type StaffListUser,
  UserActiveInput,
  UserCreateInput,
} from '../shared/schemas/admin';
import type { SessionUser } from '../shared/types';
import { authorOf } from './case-store';
import { recordChange } from './changes';
import type { Author, ServiceContext } from './context';
import { hashPin, PIN_SCRYPT, verifyPin, weakerThan } from './pin-hash';
import { requireActiveUnit } from './reference-checks';
import { withInput, withInputOnly, type Parsed } from './with-input';

export const MAX_PIN_ATTEMPTS = 5;
export const LOCK_MS = 5 * 60_000;

export interface UserRow extends SessionUser {
  pinHash: string;
  failedAttempts: number;
  lockedUntil: number | null;
  active: number;
  mustChangePin: number;
  version: number;
}

const SELECT =
  'SELECT id, staff_no, name, role, unit_id, pin_hash, failed_attempts, locked_until, active, must_change_pin, version FROM users';

const session = (u: UserRow): SessionUser => ({
  id: u.id,
  staffNo: u.staffNo,
  name: u.name,
  role: u.role,
  unitId: u.unitId,
});
/** What the audit log keeps of a user: never the PIN hash. */
export const publicUser = (u: UserRow) => ({
  ...session(u),
  active: u.active === 1,
  failedAttempts: u.failedAttempts,
  lockedUntil: u.lockedUntil,
  mustChangePin: u.mustChangePin === 1,
  version: u.version,
});

function findByStaffNo(ctx: ServiceContext, staffNo: string): UserRow | undefined {
  const row = stmt(ctx.db, `${SELECT} WHERE staff_no = ?`).get(staffNo);
  return row ? fromRow<UserRow>(row as Record<string, unknown>) : undefined;
}

export function findById(ctx: ServiceContext, id: string): UserRow | undefined {
  const row = stmt(ctx.db, `${SELECT} WHERE id = ?`).get(id);
  return row ? fromRow<UserRow>(row as Record<string, unknown>) : undefined;
}

const userCount = (ctx: ServiceContext): number =>
  (stmt(ctx.db, 'SELECT count(*) AS n FROM users').get() as { n: number }).n;

/** Creates a user. With no users at all, the first one may be created without a signed-in actor and must be a manager. */
export const createUser = withInput(
  UserCreateInput,
  function createUser(ctx: ServiceContext, actor: Actor | null, input: Parsed<typeof UserCreateInput>): SessionUser {
    return ctx.db.transaction(() => {
      const bootstrap = userCount(ctx) === 0;
      if (bootstrap && input.role !== 'manager')
        throw refuse('FORBIDDEN', '第一个账号须为店长', 'The first account must be a manager');
      if (!bootstrap && (!actor || !can(actor.role, 'admin')))
        throw refuse('FORBIDDEN', '只有店长可以管理人员', 'Only a manager may manage users');
      if (input.unitId) requireActiveUnit(ctx, input.unitId, 'unitId');
      if (findByStaffNo(ctx, input.staffNo)) {
        throw refuse('CONFLICT', `工号 ${input.staffNo} 已存在`, `Staff no. ${input.staffNo} already exists`, [
          { field: 'staffNo', message: { zh: '工号已存在', en: 'Staff no. already exists' } },
        ]);
      }
      const now = ctx.now();
      const id = ctx.newId();
      insertRow(ctx.db, 'users', {
        id,
        staffNo: input.staffNo,
        name: input.name,
        role: input.role,
        unitId: input.unitId ?? null,
        pinHash: hashPin(input.pin, ctx.pinCost),
        failedAttempts: 0,
        lockedUntil: null,
        active: 1,
        // The first manager chose their own PIN; anyone else's was set by the manager (schema default).
        mustChangePin: !bootstrap && input.mustChangePin ? 1 : 0,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      const created = findById(ctx, id) as UserRow;
      const author: Author = actor ? authorOf(actor) : { id, staffNo: input.staffNo, name: input.name };
      recordChange(ctx, author, {
        action: 'user.create',
        entity: 'user',
        entityId: id,
        before: null,
        after: publicUser(created),
      });
      return session(created);
    })();
  },
);

const AUTH_FAILED = () =>
  refuse('AUTH_FAILED', '工号或 PIN 不正确', 'Wrong staff number or PIN', [
    { field: 'pin', message: { zh: '工号或 PIN 不正确', en: 'Wrong staff number or PIN' } },
  ]);

export const signIn = withInputOnly(
  SignInInput,
  function signIn(ctx: ServiceContext, input: Parsed<typeof SignInInput>): SessionUser {
    const now = ctx.now();
    const outcome = ctx.db.transaction((): SessionUser | { error: ReturnType<typeof refuse> } => {
      const u = findByStaffNo(ctx, input.staffNo);
      if (!u) return { error: AUTH_FAILED() };
      if (u.active !== 1)
        return { error: refuse('AUTH_FAILED', '此账号已停用,请联系店长', 'This account is disabled; ask the manager') };
      if (u.lockedUntil !== null && u.lockedUntil > now) {
        const min = Math.ceil((u.lockedUntil - now) / 60_000);
        return {
          error: refuse(
            'ACCOUNT_LOCKED',
            `PIN 连续输错 ${MAX_PIN_ATTEMPTS} 次,账号已锁定,请 ${min} 分钟后再试`,
            `Too many wrong PINs: the account is locked; try again in ${min} min`,
          ),
        };
      }
      const author: Author = { id: u.id, staffNo: u.staffNo, name: u.name };
      if (!verifyPin(input.pin, u.pinHash)) {
        const attempts = u.failedAttempts + 1;
        const locks = attempts >= MAX_PIN_ATTEMPTS;
        const patch = {
          failedAttempts: locks ? 0 : attempts,
          lockedUntil: locks ? now + LOCK_MS : null,
          version: u.version + 1,
          updatedAt: now,
        };
        updateRow(ctx.db, 'users', u.id, patch);
        recordChange(ctx, author, {
          action: locks ? 'user.locked' : 'user.sign_in_failed',
          entity: 'user',
          entityId: u.id,
          before: publicUser(u),
          after: publicUser({ ...u, ...patch }),
        });
        if (locks)
          return {
            error: refuse(
              'ACCOUNT_LOCKED',
              `PIN 连续输错 ${MAX_PIN_ATTEMPTS} 次,账号已锁定 5 分钟`,
              `Wrong PIN ${MAX_PIN_ATTEMPTS} times: the account is locked for 5 minutes`,
            ),
          };
        return { error: AUTH_FAILED() };
      }
      // A hash made before the cost was raised (pin-hash.ts) is made again now that the PIN is known to be right.
      const rehash = weakerThan(u.pinHash, ctx.pinCost ?? PIN_SCRYPT);
      if (u.failedAttempts !== 0 || u.lockedUntil !== null || rehash) {
        const patch = {
          failedAttempts: 0,
          lockedUntil: null,
          ...(rehash ? { pinHash: hashPin(input.pin, ctx.pinCost) } : {}),
          version: u.version + 1,
          updatedAt: now,
        };
        updateRow(ctx.db, 'users', u.id, patch);
        recordChange(ctx, author, {
          action: 'user.sign_in',
          entity: 'user',
          entityId: u.id,
          before: publicUser(u),
          after: publicUser({ ...u, ...patch }),
        });
      }
      return session(u);
    })();
    // The failed attempt is committed above; only then is the sign-in refused.
    if ('error' in outcome) throw outcome.error;
    return outcome;
  },
);

export const changePin = withInput(
  PinChangeInput,
  function changePin(ctx: ServiceContext, actor: Actor, input: Parsed<typeof PinChangeInput>): void {
    ctx.db.transaction(() => {
      const u = findById(ctx, actor.id);
      if (!u || !verifyPin(input.currentPin, u.pinHash))
        throw refuse('AUTH_FAILED', '当前 PIN 不正确', 'The current PIN is wrong', [
          { field: 'currentPin', message: { zh: '当前 PIN 不正确', en: 'Current PIN is wrong' } },
        ]);
      const patch = {
        pinHash: hashPin(input.newPin, ctx.pinCost),
        mustChangePin: 0,
        version: u.version + 1,
        updatedAt: ctx.now(),
      };
      updateRow(ctx.db, 'users', u.id, patch);
      recordChange(ctx, authorOf(actor), {
        action: 'user.pin_changed',
        entity: 'user',
        entityId: u.id,
        before: publicUser(u),
        after: publicUser({ ...u, ...patch }),
      });
    })();
  },
);

export const setUserActive = withInput(
  UserActiveInput,
  function setUserActive(ctx: ServiceContext, actor: Actor, input: Parsed<typeof UserActiveInput>): SessionUser {
    if (!can(actor.role, 'admin')) throw refuse('FORBIDDEN', '只有店长可以管理人员', 'Only a manager may manage users');
    if (input.userId === actor.id && !input.active)
      throw refuse('CONFLICT', '不能停用自己的账号', 'You cannot disable your own account');
    return ctx.db.transaction(() => {
      const u = findById(ctx, input.userId);
      if (!u)
        throw refuse('NOT_FOUND', '找不到该人员', 'User not found', [
          { field: 'userId', message: { zh: '人员不存在', en: 'No such user' } },
        ]);
      const patch = { active: input.active ? 1 : 0, version: u.version + 1, updatedAt: ctx.now() };
      updateRow(ctx.db, 'users', u.id, patch);
      recordChange(ctx, authorOf(actor), {
        action: input.active ? 'user.enable' : 'user.disable',
        entity: 'user',
        entityId: u.id,
        before: publicUser(u),
        after: publicUser({ ...u, ...patch }),
      });
      return session(u);
    })();
  },
);

/** True on a new store: the first manager may then be created without signing in. */
export const needsFirstManager = (ctx: ServiceContext): boolean => userCount(ctx) === 0;

export function listUsers(ctx: ServiceContext): StaffListUser[] {
  const now = ctx.now();
  return (stmt(ctx.db, `${SELECT} ORDER BY staff_no`).all() as Record<string, unknown>[]).map((r) => {
    const u = fromRow<UserRow>(r);
    return {
      ...session(u),
      active: u.active === 1,
      locked: u.lockedUntil !== null && u.lockedUntil > now,
      mustChangePin: u.mustChangePin === 1,
    };
  });
}

/** Whether the signed-in user must choose a new PIN before anything else (after a reset). */
export function pinStatus(ctx: ServiceContext, actor: Actor): { mustChangePin: boolean } {
  return { mustChangePin: findById(ctx, actor.id)?.mustChangePin === 1 };
}
