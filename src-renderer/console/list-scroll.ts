// The case list's scroll offset per list address (its filters), kept in sessionStorage so that
// returning from a case — by the back button, "back to the list" or after a reload — shows the
// same rows. Bounded: an offset past MAX_RESTORE_ROWS rows is brought back only that far.
export const MAX_RESTORE_ROWS = 2000;
const KEY = 'hq-console:list-scroll:';

export function savedListTop(hash: string, rowHeight: number): number {
  const v = Number(sessionStorage.getItem(KEY + hash));
  return Number.isFinite(v) && v > 0 ? Math.min(v, MAX_RESTORE_ROWS * rowHeight) : 0;
}

export function saveListTop(hash: string, top: number): void {
  sessionStorage.setItem(KEY + hash, String(Math.round(top)));
}
