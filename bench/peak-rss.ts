// The peak resident memory of this process alone. On Linux getrusage's maxRSS survives exec, so a child spawned by a
// big parent (the load bench holds 200 branch stores) reports the parent's peak as its own; /proc/self/status VmHWM
// is the high-water mark of this process's own memory. Elsewhere maxRSS is what there is.
import { readFileSync } from 'node:fs';

export function peakRssMb(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m?.[1]) return Number(m[1]) / 1024;
  } catch {
    // not Linux: no /proc
  }
  return process.resourceUsage().maxRSS / 1024;
}
