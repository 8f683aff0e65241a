// What `npm start` runs: the desktop app when Electron's binary is present, else the same branch app
// served on 127.0.0.1 to the user's browser (guarded: one-time token, Host and Origin checks), on the
// store in the same per-user data folder the desktop app uses.
//   npm start [-- --demo] [--port N] [--data-dir DIR] [--no-open]
// --demo: the demo store (seeded once, in DIR/demo) instead of the real one; --data-dir: another
// folder than the desktop app's (tests; BRANCH_DESK_USER_DATA moves both apps' folder);
// --no-open: print the address without opening the browser.
// BRANCH_DESK_RENDERER_DIR serves another renderer build than out/renderer.
import Conf from 'conf';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBranchApp } from '../src-main/app';
import { stdio } from '../src-main/cli/output';
import { seedDemo } from '../src-main/cli/seed-demo';
import { openDatabase } from '../src-main/db/connection';
import { loadMigrations } from '../src-main/db/migrations';
import { appPaths } from '../src-main/paths';
import { SettingsStore } from '../src-main/settings/settings-store';
import { readShellOverrides } from '../src-main/shell-overrides';
import { electronUserData } from '../src-main/user-data-dir';
import { createBranchServer, listenOnLoopback } from '../src-main/web/branch-server';
import { chooseLaunchMode } from '../src-main/web/launch-mode';
import { CONTENT_SECURITY_POLICY } from '../src-main/window-policy';

const repo = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    demo: { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string' },
    'no-open': { type: 'boolean', default: false },
  },
});

const require = createRequire(import.meta.url);
const choice = chooseLaunchMode(
  { electronPath: () => String(require('electron')), exists: (p) => existsSync(p) },
  { demo: args.demo },
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
  await startBrowserMode();
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

async function startBrowserMode(): Promise<void> {
  const root = resolve(process.env.BRANCH_DESK_RENDERER_DIR ?? join(repo, 'out/renderer'));
  if (!existsSync(join(root, 'index.html'))) {
    console.error(`缺少 ${join(root, 'index.html')}:请先运行 npm run build:renderer。`);
    console.error(`${join(root, 'index.html')} is missing: run \`npm run build:renderer\` first.`);
    process.exit(1);
  }
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { productName?: string; name: string };
  // The desktop app's folder: BRANCH_DESK_USER_DATA when IT set it, else Electron's userData.
  const userData = resolve(
    args['data-dir'] ?? readShellOverrides(process.env, false).userData ?? electronUserData(pkg),
  );
  const folder = args.demo ? join(userData, 'demo') : userData;
  const paths = appPaths(folder, { packaged: false, resources: '', appRoot: repo });
  mkdirSync(folder, { recursive: true });
  if (args.demo && !existsSync(paths.database)) {
    seedDemo({ db: paths.database, cases: 400, seed: 20261124, branch: 'SH01' }, stdio);
  }

  const settings = SettingsStore.open((o) => new Conf<Record<string, unknown>>(o), { cwd: paths.settingsDir });
  if (settings.problem) console.warn('settings file problem', settings.problem);
  const { db } = openDatabase(paths.database, {
    backupDir: paths.backups,
    migrations: loadMigrations(paths.migrations),
  });
  const app = createBranchApp({ db, settings, fontDir: paths.fonts, sync: {}, log: console });
  app.start();

  const token = randomBytes(24).toString('base64url');
  const server = await createBranchServer({
    app,
    root,
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    oneTimeToken: token,
  });
  const url = `${await listenOnLoopback(server, Number(args.port))}?token=${token}`;
  console.log(`数据库 / Store: ${paths.database}`);
  // Tests read this line to learn the address.
  console.log(`门店顾客异议台 / Branch Desk: ${url}`);
  console.log('此链接只能使用一次;关闭请按 Ctrl+C。 / The link works once; press Ctrl+C to stop.');
  if (!args['no-open']) openInBrowser(url);

  const stop = () =>
    void server.close().then(() => {
      app.stop();
      db.close();
      process.exit(0);
    });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
