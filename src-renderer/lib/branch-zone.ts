// The branch's time zone (settings), and a typed wall time read in it: times are typed and shown in
// the branch's zone whatever zone the PC's clock is set to (a 17:00 promise stays 17:00 branch time).
import { useQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { call } from './api';

export const DEFAULT_ZONE = 'Asia/Shanghai';

/** The branch's time zone, from the settings query every screen shares. */
export function useBranchZone(): string {
  const { data } = useQuery({ queryKey: ['settings'], queryFn: () => call('settings.get', {}) });
  return data?.timeZone ?? DEFAULT_ZONE;
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The instant of a wall time in `zone`, as ISO with its offset (what the contract's Instant takes). */
export function instantOfWall(w: WallTime, zone: string): string {
  return DateTime.fromObject(w, { zone }).toISO({ suppressMilliseconds: true }) ?? '';
}

/** The wall time of an instant in `zone` (what a picker shows). */
export function wallOfInstant(iso: string, zone: string): WallTime | null {
  const d = DateTime.fromISO(iso, { setZone: false }).setZone(zone);
  return d.isValid ? { year: d.year, month: d.month, day: d.day, hour: d.hour, minute: d.minute } : null;
}
