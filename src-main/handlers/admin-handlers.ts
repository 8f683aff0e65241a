import { parseInput } from '../shared/validation';
import { z } from 'zod';
import { changePin, createUser, listUsers, setUserActive, signIn } from '../services/users';
import { createCategory, createUnit, listCategories, listUnits } from '../services/reference-data';
import { stmt } from '../db/statements';
import { refuse } from '../shared/errors';
import type { Handler, PublicHandler } from './types';

const Empty = z.strictObject({});
const noUsers = (db: Parameters<typeof stmt>[0]) => (stmt(db, 'SELECT count(*) AS n FROM users').get() as { n: number }).n === 0;

export const publicHandlers = {
  'auth.signIn': ((ctx, session, input) => {
    session.user = signIn(ctx, input);
    return session.user;
  }) as PublicHandler<'auth.signIn'>,
  'auth.signOut': ((_ctx, session, input) => {
    parseInput(Empty, input ?? {});
    session.user = null;
    return null;
  }) as PublicHandler<'auth.signOut'>,
  'auth.whoami': ((_ctx, session) => session.user) as PublicHandler<'auth.whoami'>,
  'setup.status': ((ctx) => ({ needsFirstManager: noUsers(ctx.db) })) as PublicHandler<'setup.status'>,
  'setup.firstManager': ((ctx, session, input) => {
    if (!noUsers(ctx.db)) throw refuse('FORBIDDEN', '系统已有账号,请登录后由店长添加人员', 'Accounts already exist; sign in and ask the manager to add users');
    session.user = createUser(ctx, null, input);
    return session.user;
  }) as PublicHandler<'setup.firstManager'>,
};

export const adminHandlers = {
  'auth.changePin': ((ctx, s, input) => {
    changePin(ctx, s.actor, input);
    return null;
  }) as Handler<'auth.changePin'>,
  'users.list': ((ctx, s) => {
    if (s.actor.role !== 'manager') throw refuse('FORBIDDEN', '只有店长可以管理人员', 'Only a manager may manage users');
    return listUsers(ctx);
  }) as Handler<'users.list'>,
  'users.create': ((ctx, s, input) => createUser(ctx, s.actor, input)) as Handler<'users.create'>,
  'users.setActive': ((ctx, s, input) => setUserActive(ctx, s.actor, input)) as Handler<'users.setActive'>,
  'units.list': ((ctx) => listUnits(ctx)) as Handler<'units.list'>,
  'units.create': ((ctx, s, input) => createUnit(ctx, s.actor, input)) as Handler<'units.create'>,
  'categories.list': ((ctx) => listCategories(ctx)) as Handler<'categories.list'>,
  'categories.create': ((ctx, s, input) => createCategory(ctx, s.actor, input)) as Handler<'categories.create'>,
};
