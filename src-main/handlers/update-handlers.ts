// The update waiting to be installed: its status for every signed-in user, and deferring it, which only the manager may do.
import { refuse } from '../shared/errors';
import type { PrivateHandlers } from './types';

export const updateHandlers = {
  'update.status': (ctx) => ctx.update?.status() ?? null,
  'update.defer': (ctx, s) => {
    if (s.actor.role !== 'manager')
      throw refuse('FORBIDDEN', '只有店长可以推迟安装新版本', 'Only the manager may defer installing a new version');
    if (!ctx.update) throw refuse('FORBIDDEN', '此环境没有更新服务', 'Updates are not available here');
    return ctx.update.defer();
  },
} satisfies Partial<PrivateHandlers>;
