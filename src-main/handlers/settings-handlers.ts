// Settings through the contract: everyone reads the public view, only a manager changes it.
import { can } from '../domain/permissions';
import type { AppContext, PrivateHandlers, PublicHandlers, SettingsAccess } from './types';
import type { PublicSettings } from '../shared/ipc/contract';
import { refuse } from '../shared/errors';
import type { AppSettings } from '../shared/settings-schema';

function refuseIfNoSettings(ctx: AppContext): SettingsAccess {
  if (!ctx.settingsAccess) throw refuse('FORBIDDEN', '此环境没有设置存储', 'There is no settings store here');
  return ctx.settingsAccess;
}

const publicView = ({ syncKeyEncrypted, ...rest }: AppSettings): PublicSettings => ({
  ...rest,
  hasSyncKey: syncKeyEncrypted !== '',
});

export const settingsPublicHandlers = {
  'settings.get': (ctx) => publicView(refuseIfNoSettings(ctx).get()),
} satisfies Partial<PublicHandlers>;

const requireManager = (role: Parameters<typeof can>[0]) => {
  if (!can(role, 'admin')) throw refuse('FORBIDDEN', '只有店长可以修改设置', 'Only a manager may change settings');
};

export const settingsHandlers = {
  'settings.update': (ctx, s, input) => {
    requireManager(s.actor.role);
    return publicView(refuseIfNoSettings(ctx).update(input));
  },
  'settings.setSyncKey': (ctx, s, { key }) => {
    requireManager(s.actor.role);
    const access = refuseIfNoSettings(ctx);
    if (!access.setSyncKey)
      throw refuse('SECRET_STORE_UNAVAILABLE', '此环境不能保存同步密钥', 'The sync key cannot be stored here');
    return publicView(access.setSyncKey(key));
  },
} satisfies Partial<PrivateHandlers>;
