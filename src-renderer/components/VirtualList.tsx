// A fixed-row-height virtualised list: only the rows in view (plus a margin) are in the DOM,
// so a 10,000-row queue scrolls as smoothly as a 10-row one. Arrow keys move between rows.
import { type ReactNode, type UIEvent, useEffect, useRef, useState } from 'react';

interface Props<T> {
  rows: T[];
  rowHeight: number;
  height: number;
  label: string;
  renderRow: (row: T, index: number, style: React.CSSProperties) => ReactNode;
  /** Called when the last rows come into view (load the next keyset page). */
  onNearEnd?: () => void;
  /**
   * A scroll offset to come back to (a list left for a row and returned to): rows are loaded
   * with onNearEnd until it is reached or `exhausted` (no more rows); then it is applied once.
   */
  restore?: { top: number; exhausted: boolean };
  /** Told the offset after every scroll (to keep it for `restore`). */
  onTopChange?: (top: number) => void;
}

const OVERSCAN = 8;

export function VirtualList<T>({
  rows,
  rowHeight,
  height,
  label,
  renderRow,
  onNearEnd,
  restore,
  onTopChange,
}: Props<T>) {
  const [top, setTop] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  const [restored, setRestored] = useState(!restore || restore.top <= 0);
  useEffect(() => {
    const el = ref.current;
    if (restored || !restore || !el) return;
    if (rows.length * rowHeight >= restore.top + el.clientHeight || restore.exhausted) {
      el.scrollTop = restore.top;
      setTop(el.scrollTop);
      setRestored(true);
    } else onNearEnd?.();
  }, [restored, restore, rows.length, rowHeight, onNearEnd]);
  const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((top + height) / rowHeight) + OVERSCAN);

  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    setTop(el.scrollTop);
    // Only the reader's scrolling is kept, not the moves while coming back.
    if (restored) onTopChange?.(el.scrollTop);
    if (onNearEnd && el.scrollTop + el.clientHeight > el.scrollHeight - rowHeight * 10) onNearEnd();
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('[data-row]'));
    const i = links.indexOf(document.activeElement as HTMLElement);
    const next = links[e.key === 'ArrowDown' ? i + 1 : Math.max(0, i - 1)];
    if (next) {
      e.preventDefault();
      next.focus();
      next.scrollIntoView({ block: 'nearest' });
    }
  };

  return (
    <div
      ref={ref}
      className="vlist"
      style={{ height }}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      role="list"
      aria-label={label}
    >
      <div style={{ height: rows.length * rowHeight }}>
        {rows
          .slice(first, last)
          .map((row, k) => renderRow(row, first + k, { top: (first + k) * rowHeight, height: rowHeight }))}
      </div>
    </div>
  );
}
