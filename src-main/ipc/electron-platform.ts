// Printing and saving through the operating system (the PlatformPort of the handlers). The
// PDF is shown by Chromium's viewer in a hidden, sandboxed window and printed with the OS
// dialog; "save as PDF" asks where through a save dialog (or, for the smoke test, writes into
// BRANCH_DESK_SAVE_DIR under the suggested name: see shell-overrides.ts).
import { BrowserWindow, dialog, type SaveDialogOptions } from 'electron';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PlatformPort } from '../handlers/types';
import { hardenContents } from '../window';

export function electronPlatform(parent: () => BrowserWindow | null, saveDir: string | null = null): PlatformPort {
  const chooseFile = async (options: SaveDialogOptions): Promise<string | null> => {
    if (saveDir) {
      mkdirSync(saveDir, { recursive: true });
      return join(saveDir, basename(options.defaultPath ?? 'file'));
    }
    const owner = parent();
    const r = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : r.filePath;
  };
  return {
    async printPdf(pdf, opts) {
      const dir = mkdtempSync(join(tmpdir(), 'branch-desk-print-'));
      const file = join(dir, 'form.pdf');
      writeFileSync(file, pdf, { mode: 0o600 });
      const win = new BrowserWindow({
        show: false,
        title: opts.title,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          plugins: true,
          disableBlinkFeatures: 'Auxclick',
        },
      });
      hardenContents(win);
      try {
        await win.loadURL(pathToFileURL(file).toString());
        return await new Promise((resolve) => {
          win.webContents.print(
            { silent: false, printBackground: true, ...(opts.printerName ? { deviceName: opts.printerName } : {}) },
            (printed) => resolve({ printed, printerName: opts.printerName || null }),
          );
        });
      } finally {
        win.destroy();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    async listPrinters() {
      const owner = parent();
      if (!owner) return [];
      const list = await owner.webContents.getPrintersAsync();
      return list.map((p) => ({ name: p.name, displayName: p.displayName || p.name, description: p.description }));
    },
    async savePdf(pdf, suggestedName) {
      const file = await chooseFile({ defaultPath: suggestedName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
      if (file) writeFileSync(file, pdf);
      return file;
    },
    async saveFile(data, suggestedName, filter) {
      const file = await chooseFile({
        defaultPath: suggestedName,
        filters: [{ name: filter.name, extensions: [...filter.extensions] }],
      });
      if (file) writeFileSync(file, data);
      return file;
    },
  };
}
