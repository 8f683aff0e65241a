// Online backup (SQLite backup API, safe while the app writes) followed by a full
// integrity_check of the copy, so a backup is never trusted unchecked.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Db } from './connection';

export interface BackupReport {
  path: string;
  integrity: string;
  bytes: number;
}

export async function onlineBackup(db: Db, toDir: string, now = Date.now()): Promise<BackupReport> {
  mkdirSync(toDir, { recursive: true });
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const path = join(toDir, `${basename(db.name, '.sqlite')}-${stamp}.sqlite`);
  await db.backup(path);
  const copy = new Database(path, { readonly: true });
  try {
    const integrity = String(copy.pragma('integrity_check', { simple: true }));
    const pages = copy.pragma('page_count', { simple: true }) as number;
    const size = copy.pragma('page_size', { simple: true }) as number;
    return { path, integrity, bytes: pages * size };
  } finally {
    copy.close();
  }
}

export const integrityCheck = (db: Db): string[] =>
  (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
