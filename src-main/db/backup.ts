// Online backup (SQLite backup API, safe while the app writes; VACUUM INTO for an encrypted store,
// whose copy stays encrypted with the same key) followed by a full integrity_check of the copy,
// opened with the store's key, so a backup is never trusted unchecked; the attachment blobs beside the
// store are copied alongside, incrementally (they are immutable and named by their hash).
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { blobPath, blobRootOf, listBlobs } from './blob-store';
import type { Db } from './connection';
import { applyKey, storeKeyOf } from './store-encryption';

export interface BackupReport {
  path: string;
  integrity: string;
  bytes: number;
  /** The copy is encrypted with the store's key (the store is). */
  encrypted: boolean;
  /** Attachment blobs copied into the backup folder's <store>-attachments/ this time (those already there are kept). */
  blobsCopied: number;
}

/** Copies the store's blobs missing from `toDir`'s blob folder (same layout); answers how many. */
function backupBlobs(storeFile: string, toDir: string): number {
  const root = blobRootOf(storeFile);
  if (!root || !existsSync(root)) return 0;
  const target = join(toDir, basename(root));
  let copied = 0;
  for (const b of listBlobs(root)) {
    const to = blobPath(target, b.sha256);
    if (existsSync(to)) continue;
    mkdirSync(join(to, '..'), { recursive: true });
    copyFileSync(blobPath(root, b.sha256), to);
    copied += 1;
  }
  return copied;
}

export async function onlineBackup(db: Db, toDir: string, now = Date.now()): Promise<BackupReport> {
  mkdirSync(toDir, { recursive: true });
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const path = join(toDir, `${basename(db.name, '.sqlite')}-${stamp}.sqlite`);
  const key = storeKeyOf(db);
  // The backup API refuses an encrypted source ("incompatible source and target"); VACUUM INTO writes an encrypted copy.
  if (key) db.prepare('VACUUM INTO ?').run(path);
  else await db.backup(path);
  const copy = new Database(path, { readonly: true });
  try {
    if (key) applyKey(copy, key, path);
    const integrity = String(copy.pragma('integrity_check', { simple: true }));
    const pages = copy.pragma('page_count', { simple: true }) as number;
    const size = copy.pragma('page_size', { simple: true }) as number;
    return { path, integrity, bytes: pages * size, encrypted: key !== null, blobsCopied: backupBlobs(db.name, toDir) };
  } finally {
    copy.close();
  }
}

export const integrityCheck = (db: Db): string[] =>
  (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
