// Which app `npm start` starts: the desktop window when Electron's binary is there, else the same
// app in the user's browser on 127.0.0.1; the reason is said in one line each, zh-CN and English.
export type LaunchMode =
  { mode: 'desktop'; electron: string; zh: string; en: string } | { mode: 'browser'; zh: string; en: string };

export interface LaunchProbe {
  /** What require('electron') answers from Node: the binary's path; throws when the download was skipped. */
  electronPath(): string;
  exists(path: string): boolean;
}

export function chooseLaunchMode(probe: LaunchProbe, opts: { demo: boolean; browser?: boolean }): LaunchMode {
  if (opts.browser) {
    return {
      mode: 'browser',
      zh: '浏览器模式:按 --browser 的要求在浏览器中打开。',
      en: 'Browser mode: asked for with --browser.',
    };
  }
  if (opts.demo) {
    return {
      mode: 'browser',
      zh: '浏览器模式:演示数据库(--demo)在浏览器中打开。',
      en: 'Browser mode: the demo store (--demo) opens in the browser.',
    };
  }
  let electron: string | null = null;
  try {
    electron = probe.electronPath();
  } catch {
    electron = null;
  }
  if (electron && probe.exists(electron)) {
    return {
      mode: 'desktop',
      electron,
      zh: `桌面模式:已找到 Electron 程序(${electron})。`,
      en: `Desktop mode: Electron's binary is present (${electron}).`,
    };
  }
  return {
    mode: 'browser',
    zh: '浏览器模式:未找到 Electron 程序(安装时跳过了下载),应用在本机浏览器中打开。',
    en: "Browser mode: Electron's binary is absent (its download was skipped), so the app opens in this computer's browser.",
  };
}
