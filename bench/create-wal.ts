// WAL pages one createCase appends (each a frame of page size + 24 bytes, written and fsync'd at
// commit), against the one-row raw commit: what the disk is given per case, apart from the CPU.
// Automatic checkpoints are off while counting, so the WAL file holds every frame written.
import { statSync } from 'node:fs';
import type { Db } from '../src-main/db/connection';
import { createRig } from './create-rig';

export interface WalResult {
  casePages: number;
  rawPages: number;
  pageSize: number;
  creates: number;
}

/** Frames appended to `db`'s WAL by `n` runs of `work`, per run. */
function framesPer(db: Db, n: number, work: () => void): number {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('wal_autocheckpoint = 0');
  try {
    for (let i = 0; i < n; i++) work();
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const walBytes = statSync(`${db.name}-wal`).size;
    // A WAL file: a 32-byte header, then frames of a 24-byte header and one page.
    return (walBytes - 32) / (pageSize + 24) / n;
  } finally {
    db.pragma('wal_autocheckpoint = 1000');
  }
}

export function benchCreateWal(dir: string, creates: number, warmup: number): WalResult {
  const rig = createRig(dir, 'wal', warmup + creates);
  try {
    for (let i = 0; i < warmup; i++) rig.createNext();
    return {
      casePages: framesPer(rig.db, creates, rig.createNext),
      rawPages: framesPer(rig.raw, creates, rig.rawCommit),
      pageSize: rig.db.pragma('page_size', { simple: true }) as number,
      creates,
    };
  } finally {
    rig.close();
  }
}
