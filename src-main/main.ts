// App lifecycle only: one instance, the store in the user-data folder (migrated at start; a
// failure is shown and the app does not run on a broken store), settings, IPC, the window,
// the daily backup, and a clean close of the database on quit.
import { app, type BrowserWindow, dialog, ipcMain, net, safeStorage, session } from 'electron';
import log from 'electron-log/main';
import Store from 'electron-store';
import { join } from 'node:path';
import { type BranchApp, createBranchApp } from './app';
import { dailyBackup } from './backup-rotation';
import { quickCheckInBackground } from './db/clean-shutdown';
import { type Db, openDatabase } from './db/connection';
import { keyFromEnvironment, sealedStoreKey } from './db/store-key';
import { loadMigrations } from './db/migrations';
import { electronPlatform } from './ipc/electron-platform';
import { registerIpc, SessionRegistry } from './ipc/register-ipc';
import { appPaths } from './paths';
import { SettingsStore } from './settings/settings-store';
import { readShellOverrides, type ShellOverrides } from './shell-overrides';
import { isAppError } from './shared/errors';
import { loggableError } from './shared/loggable-error';
import { createMainWindow, hardenSession, registerSchemePrivileges, serveApp } from './window';
import { installUpdatesOnQuit } from './window-update';

const HOUR = 3_600_000;
let db: Db | null = null;
let branchApp: BranchApp | null = null;
let mainWindow: BrowserWindow | null = null;

// Read before the single-instance lock, which is keyed by the user-data folder.
let overrides: ShellOverrides = { userData: null, saveDir: null };
let overridesRefused: unknown = null;
try {
  overrides = readShellOverrides(process.env, app.isPackaged);
  if (overrides.userData) app.setPath('userData', overrides.userData);
} catch (e) {
  overridesRefused = e;
}

if (overridesRefused) {
  app.whenReady().then(() => fatal(overridesRefused), fatal);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerSchemePrivileges();
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    branchApp?.stop();
    db?.close();
    db = null;
  });
  app.whenReady().then(start, fatal);
}

function fatal(e: unknown): void {
  // The dialog shows the words; the log keeps the code and frames only (loggable-error.ts).
  log.error('start-up failed', isAppError(e) ? { code: e.code } : loggableError(e));
  const msg = isAppError(e) ? `${e.messages.zh}\n\n${e.messages.en}` : `${String((e as Error)?.message ?? e)}`;
  dialog.showErrorBox('门店顾客异议台无法启动 / Branch Desk cannot start', msg);
  app.exit(1);
}

/** Electron's main process has no "online" event: poll, and report the moment it comes back. */
function watchNetwork(onBack: () => void): void {
  let online = net.isOnline();
  setInterval(() => {
    const now = net.isOnline();
    if (now && !online) onBack();
    online = now;
  }, 15_000).unref();
}

async function start(): Promise<void> {
  const paths = appPaths(app.getPath('userData'), {
    packaged: app.isPackaged,
    resources: process.resourcesPath,
    appRoot: app.getAppPath(),
  });
  log.transports.file.resolvePathFn = () => join(paths.logs, 'main.log');
  const settings = SettingsStore.open((o) => new Store<Record<string, unknown>>(o), { cwd: paths.settingsDir });
  if (settings.problem) log.warn('settings file problem', settings.problem);

  // Refuses a newer or damaged store before touching it; backs up before migrating.
  const nativeBinding = app.isPackaged
    ? join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : join(app.getAppPath(), 'out', 'native', 'better_sqlite3.node');
  // The store key: BRANCH_DESK_DB_KEY(_FILE) when set (a restored store), else sealed by the OS key store beside the store.
  const storeKey = keyFromEnvironment(process.env) ?? sealedStoreKey(paths.database, safeStorage);
  if (!storeKey) log.warn('OS key store unavailable: the store stays unencrypted');
  const opened = openDatabase(paths.database, {
    backupDir: paths.backups,
    migrations: loadMigrations(paths.migrations),
    nativeBinding,
    key: storeKey?.bytes ?? null,
  });
  db = opened.db;
  if (opened.convertedFrom) log.info('store encrypted at rest; the plain copy taken first', opened.convertedFrom);

  const desk = createBranchApp({
    db,
    settings,
    secrets: safeStorage,
    fontDir: paths.fonts,
    platform: electronPlatform(() => mainWindow, overrides.saveDir),
    // Report progress (and other bridge events) go to the window that is open, if any.
    emit: (event, payload) => mainWindow?.webContents.send(event, payload),
    sync: {
      choosePath: async (name) => {
        const options = { defaultPath: name, filters: [{ name: 'Branch Desk batch', extensions: ['json'] }] };
        const r = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
        return r.canceled || !r.filePath ? null : r.filePath;
      },
    },
    update: { currentVersion: app.getVersion(), dir: paths.updates, log },
    log,
  });
  branchApp = desk;
  if (desk.update)
    installUpdatesOnQuit({ app, update: desk.update, url: () => settings.get().headOfficeUrl || null, log });
  desk.start();
  watchNetwork(() => desk.ctx.sync?.networkBack());

  const sessions = new SessionRegistry();
  registerIpc(ipcMain, desk.ctx, sessions, desk.logIncident);
  hardenSession(session.defaultSession);
  serveApp(paths.renderer);
  mainWindow = createMainWindow(paths.preload);
  mainWindow.on('closed', () => {
    sessions.signOutAll();
    mainWindow = null;
  });
  if (settings.problem) {
    mainWindow.webContents.once('did-finish-load', () =>
      mainWindow?.webContents.send('settings.problem', settings.problem),
    );
  }
  // A cleanly closed store was not checked at open: quick_check it off the main thread once the window is up.
  if (!opened.checked)
    mainWindow.once('ready-to-show', () =>
      quickCheckInBackground(paths.database, {
        nativeBinding,
        appDir: app.getAppPath(),
        key: storeKey?.bytes ?? null,
      }).then(
        (r) => (r === 'ok' ? log.info('background quick_check ok') : log.error('background quick_check found', r)),
        (e) => log.error('background quick_check failed', loggableError(e)),
      ),
    );
  if (!safeStorage.isEncryptionAvailable()) log.warn('safeStorage unavailable: the sync key cannot be stored');

  const backup = () =>
    dailyBackup(db as Db, paths.backups).then(
      (r) => r && log.info('daily backup', r),
      (e) => log.error('daily backup failed', loggableError(e)),
    );
  void backup();
  setInterval(() => void backup(), HOUR).unref();
}
