// Where things are: the store and backups in the user-data folder; migrations, fonts and
// the renderer inside the app (packaged: the resources folder).
import { join } from 'node:path';

export interface AppPaths {
  database: string;
  backups: string;
  /** Verified installers of newer versions from head office. */
  updates: string;
  settingsDir: string;
  logs: string;
  migrations: string;
  fonts: string;
  renderer: string;
  preload: string;
}

export function appPaths(userData: string, opts: { packaged: boolean; resources: string; appRoot: string }): AppPaths {
  const res = (packagedPath: string, devPath: string) =>
    opts.packaged ? join(opts.resources, packagedPath) : join(opts.appRoot, devPath);
  return {
    database: join(userData, 'branch-desk.sqlite'),
    backups: join(userData, 'backups'),
    updates: join(userData, 'updates'),
    settingsDir: userData,
    logs: join(userData, 'logs'),
    migrations: res('migrations', 'src-main/db/migrations'),
    fonts: res('fonts', 'assets/fonts'),
    renderer: join(opts.appRoot, 'out', 'renderer'),
    preload: join(opts.appRoot, 'out', 'preload', 'preload.cjs'),
  };
}
