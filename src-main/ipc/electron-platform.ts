// Printing and saving through the operating system (the PlatformPort of the handlers). The
// PDF is shown by Chromium's viewer in a hidden, sandboxed window and printed with the OS
// dialog; "save as PDF" asks where through a save dialog.
import { BrowserWindow, dialog } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PlatformPort } from '../handlers/types';
import { hardenContents } from '../window';

export function electronPlatform(parent: () => BrowserWindow | null): PlatformPort {
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
      const owner = parent();
      const options = { defaultPath: suggestedName, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const r = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (r.canceled || !r.filePath) return null;
      writeFileSync(r.filePath, pdf);
      return r.filePath;
    },
    async saveFile(data, suggestedName, filter) {
      const owner = parent();
      const options = {
        defaultPath: suggestedName,
        filters: [{ name: filter.name, extensions: [...filter.extensions] }],
      };
      const r = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (r.canceled || !r.filePath) return null;
      writeFileSync(r.filePath, data);
      return r.filePath;
    },
  };
}
