// @vitest-environment jsdom
// The screen locks after the configured inactivity; any key or click starts the wait again.
import { cleanup, fireEvent, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useIdleLock } from '../../src-renderer/features/shell/useIdleLock';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useIdleLock', () => {
  it('locks after the inactivity and not while the clerk is typing', () => {
    const lock = vi.fn();
    renderHook(() => useIdleLock(10, lock));
    vi.advanceTimersByTime(9 * 60_000);
    fireEvent.keyDown(window, { key: 'a' });
    vi.advanceTimersByTime(9 * 60_000);
    expect(lock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000 + 1);
    expect(lock).toHaveBeenCalledTimes(1);
  });
});
