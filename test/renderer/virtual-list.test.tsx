// @vitest-environment jsdom
// The queue list keeps only the visible rows in the DOM, however long the queue.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VirtualList } from '../../src-renderer/components/VirtualList';

afterEach(cleanup);
// jsdom does no layout, so it has no scrollIntoView.
Element.prototype.scrollIntoView ??= () => {};

const rows = Array.from({ length: 10_000 }, (_, i) => `row ${i}`);
const renderRow = (r: string, _i: number, style: React.CSSProperties) => (
  <a key={r} data-row href="#" style={{ position: 'absolute', ...style }}>
    {r}
  </a>
);

describe('VirtualList', () => {
  it('renders a window of rows and moves it on scroll', () => {
    const onNearEnd = vi.fn();
    render(
      <VirtualList rows={rows} rowHeight={40} height={400} label="list" renderRow={renderRow} onNearEnd={onNearEnd} />,
    );
    const list = screen.getByRole('list');
    expect(list.querySelectorAll('[data-row]').length).toBeLessThan(30);
    expect(screen.getByText('row 0')).toBeTruthy();
    fireEvent.scroll(list, { target: { scrollTop: 40 * 5000 } });
    expect(screen.queryByText('row 0')).toBeNull();
    expect(screen.getByText('row 5000')).toBeTruthy();
    expect(list.querySelectorAll('[data-row]').length).toBeLessThan(40);
  });

  it('moves focus between rows with the arrow keys', () => {
    render(<VirtualList rows={rows} rowHeight={40} height={400} label="list" renderRow={renderRow} />);
    const first = screen.getByText('row 0');
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('row 1');
  });
});
