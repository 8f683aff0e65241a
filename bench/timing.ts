// Timing helpers. hrtime rather than Date.now: commits take well under a millisecond on a
// fast disk, and the figures are medians of sub-millisecond samples.

export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

export function timeMs(fn: () => unknown): number {
  const t = nowMs();
  fn();
  return nowMs() - t;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] as number;
}

/** Median of `runs` timings of fn, plus the first (coldest) one for the verbose output. */
export function medianOf(runs: number, fn: () => unknown): { median: number; first: number; samples: number[] } {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(timeMs(fn));
  return { median: median(samples), first: samples[0] as number, samples };
}
