import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIdleTimer, mayOpen } from '../../src/state/staff-session.ts';

describe('who may open what', () => {
  it('a volunteer tallies; the lead opens every screen', () => {
    expect(mayOpen('volunteer', 'tally')).toBe(true);
    expect(mayOpen('volunteer', 'closing')).toBe(false);
    expect(mayOpen('volunteer', 'history')).toBe(false);
    expect(mayOpen('volunteer', 'settings')).toBe(false);
    expect(mayOpen('lead', 'closing')).toBe(true);
    expect(mayOpen('lead', 'settings')).toBe(true);
  });
});

describe('the idle timer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires after the timeout without input, and input starts the count again', () => {
    const onIdle = vi.fn();
    const timer = createIdleTimer(60_000, onIdle);
    vi.advanceTimersByTime(59_000);
    timer.touch();
    vi.advanceTimersByTime(59_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('never fires while held (a number field has focus), only a full timeout after release', () => {
    const onIdle = vi.fn();
    const timer = createIdleTimer(60_000, onIdle);
    vi.advanceTimersByTime(30_000);
    timer.hold();
    timer.touch();
    vi.advanceTimersByTime(10 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    timer.release();
    vi.advanceTimersByTime(59_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('stops for good when stopped', () => {
    const onIdle = vi.fn();
    const timer = createIdleTimer(1_000, onIdle);
    timer.stop();
    timer.touch();
    vi.advanceTimersByTime(5_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
