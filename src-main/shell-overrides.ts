// Environment overrides of the desktop shell: BRANCH_DESK_USER_DATA (the data folder, for IT and the smoke test) and
// BRANCH_DESK_SAVE_DIR (save dialogs replaced by this folder; smoke test only, refused when packaged unless BRANCH_DESK_SMOKE=1).
import { isAbsolute } from 'node:path';
import { refuse } from './shared/errors';

export interface ShellOverrides {
  /** The user-data folder instead of the OS default. */
  userData: string | null;
  /** Files that a save dialog would ask for are written into this folder under their suggested names. */
  saveDir: string | null;
}

function absolute(env: NodeJS.ProcessEnv, name: string): string | null {
  const v = env[name];
  if (v === undefined || v === '') return null;
  if (!isAbsolute(v))
    throw refuse(
      'VALIDATION',
      `环境变量 ${name} 须为绝对路径(现为「${v}」)`,
      `The environment variable ${name} must be an absolute path (it is "${v}")`,
    );
  return v;
}

export function readShellOverrides(env: NodeJS.ProcessEnv, packaged: boolean): ShellOverrides {
  const userData = absolute(env, 'BRANCH_DESK_USER_DATA');
  const saveDir = absolute(env, 'BRANCH_DESK_SAVE_DIR');
  if (saveDir && packaged && env.BRANCH_DESK_SMOKE !== '1')
    throw refuse(
      'FORBIDDEN',
      '安装版不接受环境变量 BRANCH_DESK_SAVE_DIR(仅供冒烟测试,需同时设 BRANCH_DESK_SMOKE=1)',
      'An installed app refuses BRANCH_DESK_SAVE_DIR (smoke test only, together with BRANCH_DESK_SMOKE=1)',
    );
  return { userData, saveDir };
}
