// Sign-in, first-run setup, and the manager's staff, units and categories through the contract.
import { createCategory, createUnit, listCategories, listUnits } from '../services/reference-data';
import { resetPin, unlockUser } from '../services/pin-admin';
import { isDemoStore } from '../services/store-meta';
import {
  changePin,
  createUser,
  listUsers,
  needsFirstManager,
  pinStatus,
  setUserActive,
  signIn,
} from '../services/users';
import { refuse } from '../shared/errors';
import type { PrivateHandlers, PublicHandlers } from './types';

export const publicHandlers = {
  'auth.signIn': (ctx, session, input) => {
    session.user = signIn.parsed(ctx, input);
    return session.user;
  },
  'auth.signOut': (_ctx, session) => {
    session.user = null;
    return null;
  },
  'auth.whoami': (_ctx, session) => session.user,
  'setup.status': (ctx) => ({ needsFirstManager: needsFirstManager(ctx) }),
  'setup.demoHints': (ctx) => ({ demo: isDemoStore(ctx.db) }),
  'setup.firstManager': (ctx, session, input) => {
    if (!needsFirstManager(ctx))
      throw refuse(
        'FORBIDDEN',
        '系统已有账号,请登录后由店长添加人员',
        'Accounts already exist; sign in and ask the manager to add users',
      );
    session.user = createUser.parsed(ctx, null, input);
    return session.user;
  },
} satisfies Partial<PublicHandlers>;

export const adminHandlers = {
  'auth.changePin': (ctx, s, input) => {
    changePin.parsed(ctx, s.actor, input);
    return null;
  },
  'auth.pinStatus': (ctx, s) => pinStatus(ctx, s.actor),
  'users.list': (ctx, s) => {
    if (s.actor.role !== 'manager')
      throw refuse('FORBIDDEN', '只有店长可以管理人员', 'Only a manager may manage users');
    return listUsers(ctx);
  },
  'users.accounts': (ctx, s) => {
    if (s.actor.role !== 'manager')
      throw refuse('FORBIDDEN', '只有店长可以管理人员', 'Only a manager may manage users');
    return listUsers(ctx);
  },
  'users.resetPin': (ctx, s, input) => {
    resetPin.parsed(ctx, s.actor, input);
    return null;
  },
  'users.unlock': (ctx, s, input) => {
    unlockUser.parsed(ctx, s.actor, input);
    return null;
  },
  'users.create': (ctx, s, input) => createUser.parsed(ctx, s.actor, input),
  'users.setActive': (ctx, s, input) => setUserActive.parsed(ctx, s.actor, input),
  'units.list': (ctx) => listUnits(ctx),
  'units.create': (ctx, s, input) => createUnit.parsed(ctx, s.actor, input),
  'categories.list': (ctx) => listCategories(ctx),
  'categories.create': (ctx, s, input) => createCategory.parsed(ctx, s.actor, input),
} satisfies Partial<PrivateHandlers>;
