// The manager's PIN reset (the user must choose a new PIN at the next sign-in) and unlock of
// an account locked by wrong PINs. Both audited in the same transaction as the change.
import { updateRow } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { can } from '../domain/permissions';
import { refuse } from '../shared/errors';
import { PinResetInput, UserUnlockInput } from '../shared/schemas/admin';
import { authorOf } from './case-store';
import { recordChange } from './changes';
import type { ServiceContext } from './context';
import { hashPin } from './pin-hash';
import { findById, publicUser, type UserRow } from './users';
import { withInput, type Parsed } from './with-input';

function managedUser(ctx: ServiceContext, actor: Actor, userId: string): UserRow {
  if (!can(actor.role, 'admin')) throw refuse('FORBIDDEN', '只有店长可以管理人员', 'Only a manager may manage users');
  const u = findById(ctx, userId);
  if (!u)
    throw refuse('NOT_FOUND', '找不到该人员', 'User not found', [
      { field: 'userId', message: { zh: '人员不存在', en: 'No such user' } },
    ]);
  return u;
}

export const resetPin = withInput(
  PinResetInput,
  function resetPin(ctx: ServiceContext, actor: Actor, input: Parsed<typeof PinResetInput>): void {
    ctx.db.transaction(() => {
      const u = managedUser(ctx, actor, input.userId);
      if (u.id === actor.id)
        throw refuse('CONFLICT', '请在右上角菜单修改自己的 PIN', 'Change your own PIN from the menu at the top right');
      const patch = {
        pinHash: hashPin(input.temporaryPin, ctx.pinCost),
        mustChangePin: 1,
        failedAttempts: 0,
        lockedUntil: null,
        version: u.version + 1,
        updatedAt: ctx.now(),
      };
      updateRow(ctx.db, 'users', u.id, patch);
      recordChange(ctx, authorOf(actor), {
        action: 'user.pin_reset',
        entity: 'user',
        entityId: u.id,
        before: publicUser(u),
        after: publicUser({ ...u, ...patch }),
      });
    })();
  },
);

export const unlockUser = withInput(
  UserUnlockInput,
  function unlockUser(ctx: ServiceContext, actor: Actor, input: Parsed<typeof UserUnlockInput>): void {
    ctx.db.transaction(() => {
      const u = managedUser(ctx, actor, input.userId);
      if (u.failedAttempts === 0 && (u.lockedUntil === null || u.lockedUntil <= ctx.now()))
        throw refuse('CONFLICT', `${u.name} 的账号未被锁定`, `${u.name}'s account is not locked`);
      const patch = { failedAttempts: 0, lockedUntil: null, version: u.version + 1, updatedAt: ctx.now() };
      updateRow(ctx.db, 'users', u.id, patch);
      recordChange(ctx, authorOf(actor), {
        action: 'user.unlock',
        entity: 'user',
        entityId: u.id,
        before: publicUser(u),
        after: publicUser({ ...u, ...patch }),
      });
    })();
  },
);
