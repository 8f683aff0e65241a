// The figures that tell disk from CPU in a case's creation (issue 16): the interleaved pair again
// with synchronous=OFF on both, the WAL pages one case appends, and the floor (the same rows
// inserted raw in one transaction), each beside the raw commit measured in the same run; and the search
// documents' flush, which createCase leaves for after its commit.
import { benchCreate } from './create-bench';
import { benchSearchFlush } from './create-flush';
import { benchCreateFloor } from './create-floor';
import { benchCreateWal } from './create-wal';
import type { Figure } from './report';

export function createFigures(runDir: string, samples: number, progress: (s: string) => void): Figure[] {
  progress(`create, synchronous=OFF on both: ${samples} createCase + ${samples} raw commits, interleaved`);
  const c = benchCreate(runDir, samples, 50, null, 'OFF');
  progress('create: WAL pages appended per case and per raw commit (200 of each)');
  const w = benchCreateWal(runDir, 200, 50);
  progress(
    `create floor: the rows of ${samples} cases inserted raw, one transaction each, interleaved (FULL, then OFF)`,
  );
  const f = benchCreateFloor(runDir, samples, 50, 'FULL');
  const fo = benchCreateFloor(runDir, samples, 50, 'OFF');
  progress('create: the search flush, one case per flush and 20 per flush, interleaved with the raw commit');
  const one = benchSearchFlush(runDir, samples, 1);
  const twenty = benchSearchFlush(runDir, Math.max(10, Math.round(samples / 20)), 20);
  const how = `median of ${samples} after 50 warm-up, interleaved with the raw commit`;
  return [
    {
      name: 'case_create_cpu_median_ms',
      value: c.caseMedianMs,
      unit: 'ms',
      note: `as case_create_median_ms with synchronous=OFF (no fsync: CPU and page writes); ${how}; p90 ${c.caseP90Ms.toFixed(3)} ms`,
    },
    {
      name: 'raw_commit_cpu_median_ms',
      value: c.rawMedianMs,
      unit: 'ms',
      note: `the one-row commit with synchronous=OFF, interleaved with it; p90 ${c.rawP90Ms.toFixed(3)} ms`,
    },
    {
      name: 'case_create_cpu_ratio_to_raw_commit',
      value: c.caseMedianMs / c.rawMedianMs,
      unit: 'ratio',
      note: 'case_create_cpu_median_ms / raw_commit_cpu_median_ms',
    },
    {
      name: 'case_create_wal_pages',
      value: w.casePages,
      unit: 'pages',
      note: `WAL frames (${w.pageSize}-byte pages) one createCase appends, mean of ${w.creates}, each written and fsync'd at commit; by b-tree: ${w.caseByTree
        .slice(0, 12)
        .map(([t, n]) => `${t} ${n.toFixed(2)}`)
        .join(', ')}…`,
    },
    {
      name: 'raw_commit_wal_pages',
      value: w.rawPages,
      unit: 'pages',
      note: `WAL frames one raw commit appends, mean of ${w.creates}`,
    },
    {
      name: 'case_create_floor_median_ms',
      value: f.floorMedianMs,
      unit: 'ms',
      note: `the rows one createCase writes, inserted raw in one transaction on a copy of the store (synchronous=FULL); ${how}; p90 ${f.floorP90Ms.toFixed(3)} ms; raw commit ${f.rawMedianMs.toFixed(3)} ms`,
    },
    {
      name: 'case_create_floor_ratio_to_raw_commit',
      value: f.floorMedianMs / f.rawMedianMs,
      unit: 'ratio',
      note: 'case_create_floor_median_ms / the raw commit interleaved with it: the best case_create_ratio_to_raw_commit can be with these rows',
    },
    {
      name: 'case_create_floor_cpu_median_ms',
      value: fo.floorMedianMs,
      unit: 'ms',
      note: `as case_create_floor_median_ms with synchronous=OFF; raw commit ${fo.rawMedianMs.toFixed(3)} ms`,
    },
    {
      name: 'search_flush_median_ms',
      value: one.flushMedianMs,
      unit: 'ms',
      note: `the search documents of one case written after its commit (services/search-backlog.ts), one flush each, synchronous=FULL; raw commit ${one.rawMedianMs.toFixed(3)} ms (ratio ${(one.flushMedianMs / one.rawMedianMs).toFixed(2)}); ${one.walPagesPerCase.toFixed(2)} WAL pages a case; 20 cases a flush: ${twenty.flushMedianMs.toFixed(3)} ms (raw ${twenty.rawMedianMs.toFixed(3)} ms), ${twenty.walPagesPerCase.toFixed(2)} WAL pages a case`,
    },
    {
      name: 'case_create_floor_cpu_ratio_to_raw_commit',
      value: fo.floorMedianMs / fo.rawMedianMs,
      unit: 'ratio',
      note: 'case_create_floor_cpu_median_ms / the synchronous=OFF raw commit interleaved with it',
    },
  ];
}
