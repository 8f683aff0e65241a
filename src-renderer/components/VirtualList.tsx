// A fixed-row-height virtualised list: only the rows in view (plus a margin) are in the DOM,
// so a 10,000-row queue scrolls as smoothly as a 10-row one. Arrow keys move between rows.
import { type ReactNode, type UIEvent, useState } from 'react';

interface Props<T> {
  rows: T[];
  rowHeight: number;
  height: number;
  label: string;
  renderRow: (row: T, index: number, style: React.CSSProperties) => ReactNode;
  /** Called when the last rows come into view (load the next keyset page). */
  onNearEnd?: () => void;
}

const OVERSCAN = 8;

export function VirtualList<T>({ rows, rowHeight, height, label, renderRow, onNearEnd }: Props<T>) {
  const [top, setTop] = useState(0);
  const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((top + height) / rowHeight) + OVERSCAN);

  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    setTop(el.scrollTop);
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
    <div className="vlist" style={{ height }} onScroll={onScroll} onKeyDown={onKeyDown} role="list" aria-label={label}>
      <div style={{ height: rows.length * rowHeight }}>
        {rows
          .slice(first, last)
          .map((row, k) => renderRow(row, first + k, { top: (first + k) * rowHeight, height: rowHeight }))}
      </div>
    </div>
  );
}
