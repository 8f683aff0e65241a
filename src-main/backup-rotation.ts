// The daily online backup of the branch store: taken when the newest backup is older than a
// day, checked with integrity_check, and only backups older than the retention are removed
// (backups are copies, not records: removing old copies deletes no data).
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { onlineBackup, type BackupReport } from './db/backup';
import type { Db } from './db/connection';

export const BACKUP_RETENTION_DAYS = 14;
const DAY = 86_400_000;

const backupsIn = (dir: string) => {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.sqlite'))
      .map((f) => ({ path: join(dir, f), mtime: statSync(join(dir, f)).mtimeMs }));
  } catch {
    return [];
  }
};

export function newestBackupAt(dir: string): number | null {
  const all = backupsIn(dir);
  return all.length ? Math.max(...all.map((b) => b.mtime)) : null;
}

/** Removes backups older than the retention, but never the newest good one. */
export function pruneBackups(dir: string, now: number, days = BACKUP_RETENTION_DAYS): string[] {
  const all = backupsIn(dir).sort((a, b) => b.mtime - a.mtime);
  const removed: string[] = [];
  for (const b of all.slice(1)) {
    if (now - b.mtime > days * DAY) {
      unlinkSync(b.path);
      removed.push(b.path);
    }
  }
  return removed;
}

/**
 * The plain copy a store's conversion to encryption left (store-encryption.ts) holds every phone in
 * clear: removed once it is older than the retention and a newer encrypted backup passed its check
 * (the caller's), so the plain copy is never the only way back.
 */
export function prunePlainBackups(dir: string, now: number, days = BACKUP_RETENTION_DAYS): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const f of names.filter((n) => n.includes('.plain-before-encryption.') && n.endsWith('.bak'))) {
    const path = join(dir, f);
    if (now - statSync(path).mtimeMs > days * DAY) {
      unlinkSync(path);
      removed.push(path);
    }
  }
  return removed;
}

export async function dailyBackup(db: Db, dir: string, now = Date.now()): Promise<BackupReport | null> {
  const newest = newestBackupAt(dir);
  if (newest !== null && now - newest < DAY) return null;
  const report = await onlineBackup(db, dir, now);
  if (report.integrity !== 'ok')
    throw new Error(`backup ${report.path} failed its integrity check: ${report.integrity}`);
  pruneBackups(dir, now);
  if (report.encrypted) prunePlainBackups(dir, now);
  return report;
}
