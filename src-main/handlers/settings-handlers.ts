import { can } from '../domain/permissions';
import type { AppContext, Handler, PublicHandler, SettingsAccess } from './types';
import type { PublicSettings } from '../shared/ipc/contract';
import { refuse } from '../shared/errors';
import type { AppSettings } from '../shared/settings-schema';

function refuseIfNoSettings(ctx: AppContext): SettingsAccess {
  if (!ctx.settingsAccess) throw refuse('FORBIDDEN', '此环境没有设置存储', 'There is no settings store here');
  return ctx.settingsAccess;
}

const publicView = ({ syncKeyEncrypted, ...rest }: AppSettings): PublicSettings => ({ ...rest, hasSyncKey: syncKeyEncrypted !== '' });

export const settingsPublicHandlers = {
  'settings.get': ((ctx) => publicView(refuseIfNoSettings(ctx).get())) as PublicHandler<'settings.get'>,
};

export const settingsHandlers = {
  'settings.update': ((ctx, s, input) => {
    if (!can(s.actor.role, 'admin')) throw refuse('FORBIDDEN', '只有店长可以修改设置', 'Only a manager may change settings');
    return publicView(refuseIfNoSettings(ctx).update(input));
  }) as Handler<'settings.update'>,
};
