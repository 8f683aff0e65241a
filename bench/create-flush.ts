// The search documents createCase leaves to the flush (services/search-backlog.ts): what the flush costs, so
// that the work moved out of the case's commit is measured too. One case per flush (a desk's pace: the app
// flushes every minute) and 20 per flush (a busy minute), each flush its own commit (synchronous=FULL), interleaved
// with the raw commit; and the WAL pages per case the flush appends.
import { flushSearchIndex } from '../src-main/services/search-backlog';
import { createRig } from './create-rig';
import { walFramePages } from './create-wal';
import { median, timeMs } from './timing';

export interface FlushResult {
  group: number;
  /** One flush of `group` cases. */
  flushMedianMs: number;
  rawMedianMs: number;
  walPagesPerCase: number;
}

export function benchSearchFlush(dir: string, flushes: number, group: number, warmup = 50): FlushResult {
  const rig = createRig(dir, `flush-${group}`, warmup + flushes * group);
  const db = rig.db;
  try {
    for (let i = 0; i < warmup; i++) rig.createNext();
    flushSearchIndex(db);
    const frames = () => walFramePages(db).length;
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('wal_autocheckpoint = 0');
    const flushMs: number[] = [];
    const rawMs: number[] = [];
    let pages = 0;
    for (let i = 0; i < flushes; i++) {
      for (let j = 0; j < group; j++) rig.createNext();
      const before = frames();
      flushMs.push(timeMs(() => flushSearchIndex(db)));
      pages += frames() - before;
      rawMs.push(timeMs(rig.rawCommit));
    }
    db.pragma('wal_autocheckpoint = 1000');
    return {
      group,
      flushMedianMs: median(flushMs),
      rawMedianMs: median(rawMs),
      walPagesPerCase: pages / (flushes * group),
    };
  } finally {
    rig.close();
  }
}
