// What `npm start` runs: the desktop app when Electron's binary is present, else the same branch app
// served on 127.0.0.1 to the user's browser (guarded: one-time token, Host and Origin checks), on the
// store in the same per-user data folder the desktop app uses. The one server for the browser: the
// dev server (`npm run dev:web`), the e2e suite and the benches are this mode with flags.
//   npm start [-- --demo] [--browser] [--port N] [--data-dir DIR] [--no-open]
//             [--demo-cases N] [--open-access] [--update-feed URL] [--db FILE]
// --demo: the demo store (seeded once, in DIR/demo) instead of the real one; --browser: browser mode
// even where Electron is present; --data-dir: another folder than the desktop app's (tests;
// BRANCH_DESK_USER_DATA moves both apps' folder); --no-open: print the address without opening it.
// Test conveniences: --demo-cases N (the demo's size, 400), --open-access (no token: every page of the
// e2e suite is its own browser; Host and Origin still checked), --update-feed URL (check that head
// office's feed once at start), --db FILE (an existing store file; its settings and backups beside it).
// BRANCH_DESK_RENDERER_DIR serves another renderer build than out/renderer.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readShellOverrides } from '../src-main/shell-overrides';
import { electronUserData } from '../src-main/user-data-dir';
import { chooseLaunchMode } from '../src-main/web/launch-mode';
import { requireRenderer, startBrowserMode } from './browser-mode';

const repo = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    demo: { type: 'boolean', default: false },
    browser: { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string' },
    'no-open': { type: 'boolean', default: false },
    'demo-cases': { type: 'string', default: '400' },
    'open-access': { type: 'boolean', default: false },
    'update-feed': { type: 'string' },
    db: { type: 'string' },
  },
});

const require = createRequire(import.meta.url);
const choice = chooseLaunchMode(
  { electronPath: () => String(require('electron')), exists: (p) => existsSync(p) },
  { demo: args.demo, browser: args.browser },
);
console.log(choice.zh);
console.log(choice.en);

if (choice.mode === 'desktop') {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const step = (script: string) => spawnSync(npm, ['run', script], { cwd: repo, stdio: 'inherit', shell: true });
  if (step('build:shell').status !== 0) process.exit(1);
  if (!existsSync(join(repo, 'out/native/better_sqlite3.node')) && step('rebuild:native').status !== 0) process.exit(1);
  const child = spawn(choice.electron, ['.'], { cwd: repo, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  await browserMode();
}

/** The OS's opener for a URL, if there is one; a missing opener is not an error (the address is printed). */
function openInBrowser(url: string): void {
  const [cmd, cmdArgs] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, cmdArgs, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener: the printed address is enough.
  }
}

async function browserMode(): Promise<void> {
  const root = resolve(process.env.BRANCH_DESK_RENDERER_DIR ?? join(repo, 'out/renderer'));
  requireRenderer(root);
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
    productName?: string;
    name: string;
    version: string;
  };
  // The desktop app's folder: BRANCH_DESK_USER_DATA when IT set it, else Electron's userData.
  const database = args.db ? resolve(args.db) : null;
  const userData = database
    ? dirname(database)
    : resolve(args['data-dir'] ?? readShellOverrides(process.env, false).userData ?? electronUserData(pkg));
  const mode = await startBrowserMode({
    repo,
    root,
    folder: args.demo && !database ? join(userData, 'demo') : userData,
    database,
    port: Number(args.port),
    demoCases: args.demo ? Number(args['demo-cases']) : null,
    openAccess: args['open-access'],
    updateFeed: args['update-feed'] ?? null,
    version: pkg.version,
  });
  console.log(`数据库 / Store: ${mode.database}`);
  console.log(mode.encryption);
  // Tests read this line to learn the address.
  console.log(`门店顾客异议台 / Branch Desk: ${mode.url}`);
  if (args['open-access']) {
    console.log(
      '开放访问(测试用):本机任何浏览器都可打开;关闭请按 Ctrl+C。 / Open access (tests): any browser on this computer may open it; press Ctrl+C to stop.',
    );
  } else {
    console.log('此链接只能使用一次;关闭请按 Ctrl+C。 / The link works once; press Ctrl+C to stop.');
  }
  if (!args['no-open']) openInBrowser(mode.url);

  const stop = () => void mode.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
