import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createIdleTimer,
  mayOpen,
  TYPING_GRACE_MS,
  WARN_BEFORE_MS,
} from '../../src/state/staff-session.ts';

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
    const timer = createIdleTimer(60_000, { onIdle });
    vi.advanceTimersByTime(59_000);
    timer.touch();
    vi.advanceTimersByTime(59_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('warns ten seconds before the timeout, and input after the warning takes it back', () => {
    const onIdle = vi.fn();
    const onWarn = vi.fn();
    const onActive = vi.fn();
    const timer = createIdleTimer(60_000, { onIdle, onWarn, onActive });
    vi.advanceTimersByTime(49_999);
    expect(onWarn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onWarn).toHaveBeenCalledTimes(1);
    timer.touch();
    expect(onActive).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(59_999);
    expect(onIdle).not.toHaveBeenCalled();
    expect(onWarn).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('a held timer (a typing field has focus) waits the grace longer, but not for ever', () => {
    const onIdle = vi.fn();
    const onWarn = vi.fn();
    const timer = createIdleTimer(60_000, { onIdle, onWarn });
    vi.advanceTimersByTime(30_000);
    timer.hold();
    vi.advanceTimersByTime(60_000 + TYPING_GRACE_MS - WARN_BEFORE_MS - 1);
    expect(onWarn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onWarn).toHaveBeenCalledTimes(1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(WARN_BEFORE_MS);
    expect(onIdle).toHaveBeenCalledTimes(1);
    // 6.5 minutes idle with a half-typed number: long since back at the door.
    expect(60_000 + TYPING_GRACE_MS).toBeLessThan(6.5 * 60_000);
  });

  it('released, it counts the plain timeout again', () => {
    const onIdle = vi.fn();
    const timer = createIdleTimer(60_000, { onIdle });
    timer.hold();
    vi.advanceTimersByTime(100_000);
    timer.release();
    vi.advanceTimersByTime(59_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('stops for good when stopped', () => {
    const onIdle = vi.fn();
    const timer = createIdleTimer(1_000, { onIdle });
    timer.stop();
    timer.touch();
    vi.advanceTimersByTime(5_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
