// WAL pages one createCase appends (each a frame of page size + 24 bytes, written and fsync'd at
// commit), against the one-row raw commit: what the disk is given per case, apart from the CPU.
// Automatic checkpoints are off while counting, so the WAL file holds every frame written.
import { readFileSync } from 'node:fs';
import type { Db } from '../src-main/db/connection';
import { createRig } from './create-rig';

export interface WalResult {
  casePages: number;
  /** The case's pages by the table or index (dbstat's name) that owns each page now, most first. */
  caseByTree: [string, number][];
  rawPages: number;
  pageSize: number;
  creates: number;
}

/** The page number of every frame in `db`'s WAL file: a 32-byte header, then frames of a 24-byte header and one page. */
export function walFramePages(db: Db): number[] {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const wal = readFileSync(`${db.name}-wal`);
  const pages: number[] = [];
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) pages.push(wal.readUInt32BE(at));
  return pages;
}

/** The frames appended to `db`'s WAL by `n` runs of `work`. */
function framesOf(db: Db, n: number, work: () => void): number[] {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('wal_autocheckpoint = 0');
  try {
    for (let i = 0; i < n; i++) work();
    return walFramePages(db);
  } finally {
    db.pragma('wal_autocheckpoint = 1000');
  }
}

/** Frames per run, by the b-tree that owns each page (page 1 is sqlite_schema's). */
function byTree(db: Db, pages: number[], n: number): [string, number][] {
  const owner = new Map(
    (db.prepare('SELECT name, pageno FROM dbstat').all() as { name: string; pageno: number }[]).map(
      (r) => [r.pageno, r.name] as const,
    ),
  );
  const count = new Map<string, number>();
  for (const p of pages) {
    const name = owner.get(p) ?? 'free';
    count.set(name, (count.get(name) ?? 0) + 1);
  }
  return [...count].map(([name, c]): [string, number] => [name, c / n]).sort((a, b) => b[1] - a[1]);
}

export function benchCreateWal(dir: string, creates: number, warmup: number): WalResult {
  const rig = createRig(dir, 'wal', warmup + creates);
  try {
    for (let i = 0; i < warmup; i++) rig.createNext();
    const casePages = framesOf(rig.db, creates, rig.createNext);
    return {
      casePages: casePages.length / creates,
      caseByTree: byTree(rig.db, casePages, creates),
      rawPages: framesOf(rig.raw, creates, rig.rawCommit).length / creates,
      pageSize: rig.db.pragma('page_size', { simple: true }) as number,
      creates,
    };
  } finally {
    rig.close();
  }
}
