// Locks the screen after the configured inactivity (SPEC §11: a shared branch PC). Any key,
// click or wheel counts as activity. Main may also lock (the OS locked, the lid closed).
import { useEffect } from 'react';
import { onEvent } from '../../lib/api';

const ACTIVITY = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

export function useIdleLock(minutes: number, lock: () => void): void {
  useEffect(() => {
    let timer = window.setTimeout(lock, minutes * 60_000);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(lock, minutes * 60_000);
    };
    for (const ev of ACTIVITY) window.addEventListener(ev, reset, { passive: true });
    const off = onEvent('session.locked', lock);
    return () => {
      window.clearTimeout(timer);
      for (const ev of ACTIVITY) window.removeEventListener(ev, reset);
      off();
    };
  }, [minutes, lock]);
}
