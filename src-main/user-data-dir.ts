// The folder Electron's app.getPath('userData') answers (appData/<productName>), computed without
// Electron so that the browser mode of `npm start` opens the same store and settings as the desktop app.
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Electron's appData: %APPDATA% on Windows, ~/Library/Application Support on macOS, else $XDG_CONFIG_HOME or ~/.config. */
export function electronAppData(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return env.APPDATA ?? join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(home, '.config');
}

/** app.name is package.json's productName (else its name); userData is appData/app.name. */
export function electronUserData(
  pkg: { productName?: string; name: string },
  platform?: NodeJS.Platform,
  env?: NodeJS.ProcessEnv,
  home?: string,
): string {
  return join(electronAppData(platform, env, home), pkg.productName ?? pkg.name);
}
