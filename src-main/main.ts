// App lifecycle only: one instance, the store in the user-data folder (migrated at start; a
// failure is shown and the app does not run on a broken store), settings, IPC, the window,
// the daily backup, and a clean close of the database on quit.
import { app, type BrowserWindow, dialog, ipcMain, net, safeStorage, session } from 'electron';
import log from 'electron-log/main';
import Store from 'electron-store';
import { join } from 'node:path';
import { dailyBackup } from './backup-rotation';
import { type Db, openDatabase } from './db/connection';
import { loadMigrations } from './db/migrations';
import type { AppContext } from './handlers/types';
import { electronPlatform } from './ipc/electron-platform';
import { registerIpc, SessionRegistry } from './ipc/register-ipc';
import { appPaths } from './paths';
import { createContext } from './services/context';
import { refreshDeadlines } from './services/deadline-refresh';
import { ensureDefaultCategories } from './services/reference-data';
import { type ConfLike, SettingsStore } from './settings/settings-store';
import { createSyncService, type SyncConfig } from './sync/sync-service';
import { isAppError } from './shared/errors';
import { createMainWindow, hardenSession, registerSchemePrivileges, serveApp } from './window';

const HOUR = 3_600_000;
let db: Db | null = null;
let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
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
    db?.close();
    db = null;
  });
  app.whenReady().then(start, fatal);
}

function fatal(e: unknown): void {
  log.error('start-up failed', e);
  const msg = isAppError(e) ? `${e.messages.zh}\n\n${e.messages.en}` : `${String((e as Error)?.message ?? e)}`;
  dialog.showErrorBox('门店顾客异议台无法启动 / Branch Desk cannot start', msg);
  app.exit(1);
}

/** Head office's address, the branch and the decrypted key; null until all three are set. */
function syncConfig(settings: SettingsStore): SyncConfig | null {
  const s = settings.get();
  if (!s.headOfficeUrl || !s.syncKeyEncrypted) return null;
  try {
    const key = settings.syncKey(safeStorage);
    return key ? { branch: s.branchCode, url: s.headOfficeUrl, key } : null;
  } catch (e) {
    log.warn('sync key unavailable', e);
    return null;
  }
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
  const paths = appPaths(app.getPath('userData'), { packaged: app.isPackaged, resources: process.resourcesPath, appRoot: app.getAppPath() });
  log.transports.file.resolvePathFn = () => join(paths.logs, 'main.log');
  const settings = SettingsStore.open((o) => new Store(o) as unknown as ConfLike, { cwd: paths.settingsDir });
  if (settings.problem) log.warn('settings file problem', settings.problem);

  // Refuses a newer or damaged store before touching it; backs up before migrating.
  db = openDatabase(paths.database, {
    backupDir: paths.backups,
    migrations: loadMigrations(paths.migrations),
    nativeBinding: app.isPackaged ? join(process.resourcesPath, 'native', 'better_sqlite3.node') : join(app.getAppPath(), 'out', 'native', 'better_sqlite3.node'),
  }).db;

  const base = createContext(db, { settings: () => settings.branch() });
  const ctx: AppContext = {
    ...base,
    fontDir: paths.fonts,
    platform: electronPlatform(() => mainWindow),
    // Report progress (and other bridge events) go to the window that is open, if any.
    emit: (event, payload) => mainWindow?.webContents.send(event, payload),
    settingsAccess: {
      get: () => settings.get(),
      update: (raw) => {
        const next = settings.update(raw);
        // Business hours and time zone change the deadlines of open cases.
        refreshDeadlines(base);
        return next;
      },
      setSyncKey: (key) => {
        settings.setSyncKey(key, safeStorage);
        return settings.get();
      },
    },
  };
  ctx.sync = createSyncService(base, {
    config: () => syncConfig(settings),
    intervalMs: settings.get().syncIntervalMinutes * 60_000,
    choosePath: async (name) => {
      const options = { defaultPath: name, filters: [{ name: 'Branch Desk batch', extensions: ['json'] }] };
      const r = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  });
  ctx.sync.start();
  watchNetwork(() => ctx.sync?.networkBack());
  ensureDefaultCategories(base);
  refreshDeadlines(base);

  const sessions = new SessionRegistry();
  registerIpc(ipcMain, ctx, sessions, (id, channel, e) => log.error(`incident ${id} on ${channel}`, e));
  hardenSession(session.defaultSession);
  serveApp(paths.renderer);
  mainWindow = createMainWindow(paths.preload);
  mainWindow.on('closed', () => {
    sessions.signOutAll();
    mainWindow = null;
  });
  if (settings.problem) {
    mainWindow.webContents.once('did-finish-load', () => mainWindow?.webContents.send('settings.problem', settings.problem));
  }
  if (!safeStorage.isEncryptionAvailable()) log.warn('safeStorage unavailable: the sync key cannot be stored');

  const backup = () =>
    dailyBackup(db as Db, paths.backups).then(
      (r) => r && log.info('daily backup', r),
      (e) => log.error('daily backup failed', e),
    );
  void backup();
  setInterval(() => void backup(), HOUR).unref();
}
