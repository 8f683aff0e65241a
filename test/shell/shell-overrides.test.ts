// BRANCH_DESK_USER_DATA and BRANCH_DESK_SAVE_DIR as main.ts reads them: absolute paths only, and the save folder refused
// in a packaged build unless BRANCH_DESK_SMOKE=1; each refusal names the variable in both languages.
import { describe, expect, it } from 'vitest';
import { readShellOverrides } from '../../src-main/shell-overrides';
import { isAppError } from '../../src-main/shared/errors';

const ABS = process.platform === 'win32' ? 'C:\\smoke' : '/tmp/smoke';

function refusal(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (isAppError(e)) return { code: e.code, ...e.messages };
    throw e;
  }
  throw new Error('not refused');
}

describe('shell overrides', () => {
  it('are absent without the variables (the OS data folder and save dialogs)', () => {
    expect(readShellOverrides({}, true)).toEqual({ userData: null, saveDir: null });
    expect(readShellOverrides({ BRANCH_DESK_USER_DATA: '', BRANCH_DESK_SAVE_DIR: '' }, false)).toEqual({
      userData: null,
      saveDir: null,
    });
  });

  it('take an absolute data folder, packaged or not', () => {
    expect(readShellOverrides({ BRANCH_DESK_USER_DATA: ABS }, true)).toEqual({ userData: ABS, saveDir: null });
  });

  it('refuse a relative path, naming the variable', () => {
    expect(refusal(() => readShellOverrides({ BRANCH_DESK_USER_DATA: 'profile' }, false))).toEqual({
      code: 'VALIDATION',
      zh: '环境变量 BRANCH_DESK_USER_DATA 须为绝对路径(现为「profile」)',
      en: 'The environment variable BRANCH_DESK_USER_DATA must be an absolute path (it is "profile")',
    });
    expect(refusal(() => readShellOverrides({ BRANCH_DESK_SAVE_DIR: 'saved' }, false))).toMatchObject({
      zh: expect.stringContaining('BRANCH_DESK_SAVE_DIR'),
      en: expect.stringContaining('BRANCH_DESK_SAVE_DIR'),
    });
  });

  it('take a save folder in the unpackaged app, and in a packaged one only with BRANCH_DESK_SMOKE=1', () => {
    expect(readShellOverrides({ BRANCH_DESK_SAVE_DIR: ABS }, false).saveDir).toBe(ABS);
    expect(readShellOverrides({ BRANCH_DESK_SAVE_DIR: ABS, BRANCH_DESK_SMOKE: '1' }, true).saveDir).toBe(ABS);
    for (const smoke of [undefined, '0', 'yes'])
      expect(refusal(() => readShellOverrides({ BRANCH_DESK_SAVE_DIR: ABS, BRANCH_DESK_SMOKE: smoke }, true))).toEqual({
        code: 'FORBIDDEN',
        zh: '安装版不接受环境变量 BRANCH_DESK_SAVE_DIR(仅供冒烟测试,需同时设 BRANCH_DESK_SMOKE=1)',
        en: 'An installed app refuses BRANCH_DESK_SAVE_DIR (smoke test only, together with BRANCH_DESK_SMOKE=1)',
      });
  });
});
