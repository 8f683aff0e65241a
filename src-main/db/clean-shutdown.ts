// The clean-close marker (issue 16 §4): written beside the store when its connection closes, taken
// away when it opens. A store opened without one, or whose file changed since (a restored copy, a
// WAL left behind), is checked at open; otherwise quick_check runs later, off the main thread.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

export const cleanMarkerPath = (file: string): string => `${file}.clean`;

/** What the marker records of the file as it was closed: a restored or altered copy no longer matches. */
const fileStamp = (file: string): string => {
  const st = statSync(file);
  return `${st.size} ${st.mtimeMs}`;
};

/** True when the last connection closed cleanly and left this very file; the marker is removed either way (this open is not yet closed). */
export function takeCleanMarker(file: string): boolean {
  const marker = cleanMarkerPath(file);
  if (!existsSync(marker)) return false;
  const recorded = readFileSync(marker, 'utf8').split('\n')[0];
  rmSync(marker, { force: true });
  if (!existsSync(file) || existsSync(`${file}-wal`)) return false;
  return recorded === fileStamp(file);
}

/** Makes every close of this connection leave the marker, whoever calls it (app quit, CLI commands). */
export function markCleanOnClose(db: Database.Database, file: string): void {
  const close = db.close.bind(db);
  db.close = () => {
    if (!db.open) return db;
    close();
    // The last connection's close checkpoints and removes the WAL; one still there is not a clean close.
    if (existsSync(file) && !existsSync(`${file}-wal`))
      writeFileSync(cleanMarkerPath(file), `${fileStamp(file)}\nclosed cleanly ${new Date().toISOString()}\n`);
    return db;
  };
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const Database = createRequire(workerData.moduleFrom)('better-sqlite3');
const o = { readonly: true, fileMustExist: true };
if (workerData.nativeBinding) o.nativeBinding = workerData.nativeBinding;
const db = new Database(workerData.file, o);
try {
  if (workerData.keyHex) db.pragma("hexkey='" + workerData.keyHex + "'"); parentPort.postMessage(String(db.pragma('quick_check', { simple: true }))); } finally { db.close(); }
`;

/**
 * quick_check on its own read-only connection in a worker thread: 'ok' or SQLite's first finding.
 * better-sqlite3 is loaded as the app's folder `appDir` resolves it (the working directory by default).
 */
export function quickCheckInBackground(
  file: string,
  o: { nativeBinding?: string; appDir?: string; key?: Buffer | null } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const moduleFrom = join(o.appDir ?? process.cwd(), 'package.json');
    // The store key (32 bytes as hex) goes to the worker in memory only, never to a file or log.
    const workerData = {
      file,
      nativeBinding: o.nativeBinding ?? null,
      moduleFrom,
      keyHex: o.key?.toString('hex') ?? null,
    };
    const w = new Worker(WORKER, { eval: true, workerData });
    w.once('message', (m: unknown) => resolve(String(m)));
    w.once('error', reject);
    w.once('exit', (code) => {
      if (code !== 0) reject(new Error(`quick_check worker exited with ${code}`));
    });
  });
}
