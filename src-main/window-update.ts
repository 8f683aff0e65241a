// The shell's half of updates: electron-updater's autoUpdater on head office's generic feed installs the version the branch verified, only when the app quits (never in the middle of a case), and not when the manager deferred it.
import type { App } from 'electron';
import { autoUpdater } from 'electron-updater';
import type { UpdateService } from './update/update-service';

export interface InstallOnQuitOptions {
  app: App;
  update: UpdateService;
  /** Head office's address; null while it is not set. */
  url: () => string | null;
  log: { info(message: string, detail?: unknown): void; warn(message: string, detail?: unknown): void };
  /** How often the shell looks whether a verified version now waits (the sync downloads it in the background). */
  everyMs?: number;
}

export function installUpdatesOnQuit(o: InstallOnQuitOptions): void {
  if (!o.app.isPackaged) return;
  // The branch downloads and verifies the version itself (src-main/update); electron-updater only installs what was verified.
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.logger = null;
  let handed: string | null = null;
  const look = async () => {
    const s = o.update.status();
    const base = o.url();
    if (!base || !s.available || !s.downloaded || s.deferred || handed === s.available) return;
    handed = s.available;
    try {
      autoUpdater.setFeedURL({
        provider: 'generic',
        url: new URL('v1/updates/', base.endsWith('/') ? base : `${base}/`).href,
      });
      const found = await autoUpdater.checkForUpdates();
      if (found?.isUpdateAvailable) await autoUpdater.downloadUpdate();
      o.log.info('update ready to install on quit', s.available);
    } catch (e) {
      handed = null;
      o.log.warn('update hand-over to the installer failed', e);
    }
  };
  void look();
  setInterval(() => void look(), o.everyMs ?? 10 * 60_000).unref();
  // Decided at the moment of quitting: a deferral made after the download still holds.
  o.app.on('before-quit', () => {
    autoUpdater.autoInstallOnAppQuit = o.update.installOnQuit();
  });
}
