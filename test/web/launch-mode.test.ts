// `npm start`'s choice (src-main/web/launch-mode.ts): the desktop app when Electron's binary is there,
// else the browser mode, each said in zh-CN and English; and the desktop app's data folder without Electron.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronAppData, electronUserData } from '../../src-main/user-data-dir';
import { chooseLaunchMode } from '../../src-main/web/launch-mode';

const BIN = '/repo/node_modules/electron/dist/electron';

describe("npm start's mode", () => {
  it('starts the desktop app when the Electron binary exists', () => {
    const m = chooseLaunchMode({ electronPath: () => BIN, exists: (p) => p === BIN }, { demo: false });
    expect(m).toMatchObject({ mode: 'desktop', electron: BIN });
    expect(m.zh).toContain('桌面模式');
    expect(m.en).toContain("Electron's binary is present");
  });

  it('starts the browser mode when require("electron") throws (download skipped)', () => {
    const m = chooseLaunchMode(
      {
        electronPath: () => {
          throw new Error('Electron failed to install correctly');
        },
        exists: () => true,
      },
      { demo: false },
    );
    expect(m.mode).toBe('browser');
    expect(m.zh).toContain('未找到 Electron 程序');
    expect(m.en).toContain("Electron's binary is absent");
  });

  it('starts the browser mode when the path it names is not there', () => {
    expect(chooseLaunchMode({ electronPath: () => BIN, exists: () => false }, { demo: false }).mode).toBe('browser');
  });

  it('starts the browser mode with --browser although the binary exists', () => {
    const m = chooseLaunchMode({ electronPath: () => BIN, exists: () => true }, { demo: false, browser: true });
    expect(m.mode).toBe('browser');
    expect(m.zh).toContain('--browser');
    expect(m.en).toContain('--browser');
  });

  it('opens the demo store in the browser mode, binary or not', () => {
    const m = chooseLaunchMode({ electronPath: () => BIN, exists: () => true }, { demo: true });
    expect(m.mode).toBe('browser');
    expect(m.en).toContain('--demo');
    expect(m.zh).toContain('演示数据库');
  });
});

describe("the desktop app's data folder, without Electron", () => {
  const pkg = { name: 'branch-desk', productName: 'Branch Desk 门店顾客异议台' };
  it('is appData/productName as Electron computes it on each system', () => {
    expect(electronUserData(pkg, 'linux', {}, '/home/li')).toBe(join('/home/li/.config', pkg.productName));
    expect(electronUserData(pkg, 'linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/li')).toBe(join('/cfg', pkg.productName));
    expect(electronUserData(pkg, 'darwin', {}, '/Users/li')).toBe(
      join('/Users/li/Library/Application Support', pkg.productName),
    );
    expect(electronAppData('win32', { APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'C:\\Users\\li')).toBe(
      'C:\\Users\\li\\AppData\\Roaming',
    );
    expect(electronUserData({ name: 'branch-desk' }, 'linux', {}, '/home/li')).toBe('/home/li/.config/branch-desk');
  });
});
