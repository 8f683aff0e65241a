// createCase through the full service path against a bare one-row commit, on real files in
// the same directory with the same pragmas. The two are interleaved, one case then one raw
// commit, so that both see the same disk and the same background load; the ratio is then
// the cost of the service path in units of "one fsync'd commit" on this machine. With
// synchronous=OFF on both (`cpu`), neither waits for the disk: the same ratio in CPU alone.
import { createRig, type Synchronous } from './create-rig';
import { median, percentile, timeMs } from './timing';

export interface CreateResult {
  caseMedianMs: number;
  caseP90Ms: number;
  rawMedianMs: number;
  rawP90Ms: number;
  samples: number;
  warmup: number;
}

/** With `key`, the branch store is encrypted at rest (issue 20 §4); the raw commit stays plain, the same anchor. */
export function benchCreate(
  dir: string,
  samples: number,
  warmup: number,
  key: Buffer | null = null,
  synchronous: Synchronous = 'FULL',
): CreateResult {
  const name = `${key ? 'encrypted' : 'plain'}-${synchronous.toLowerCase()}`;
  const rig = createRig(dir, name, warmup + samples, { key, synchronous });
  try {
    const caseMs: number[] = [];
    const rawMs: number[] = [];
    for (let i = 0; i < warmup + samples; i++) {
      const c = timeMs(rig.createNext);
      const r = timeMs(rig.rawCommit);
      if (i >= warmup) {
        caseMs.push(c);
        rawMs.push(r);
      }
    }
    return {
      caseMedianMs: median(caseMs),
      caseP90Ms: percentile(caseMs, 0.9),
      rawMedianMs: median(rawMs),
      rawP90Ms: percentile(rawMs, 0.9),
      samples,
      warmup,
    };
  } finally {
    rig.close();
  }
}
