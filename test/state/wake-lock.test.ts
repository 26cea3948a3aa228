import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepScreenAwake, wakeLockState, wakeLockStatus } from '../../src/state/wake-lock.ts';

/** A Wake Lock that grants every request with a sentinel the test can release. */
function fakeWakeLock() {
  const sentinels: Array<EventTarget & { released: boolean }> = [];
  const wakeLock = {
    request: vi.fn(() => {
      const sentinel = Object.assign(new EventTarget(), { released: false });
      sentinels.push(sentinel);
      return Promise.resolve(sentinel);
    }),
  };
  const release = () => {
    const sentinel = sentinels.at(-1)!;
    sentinel.released = true;
    sentinel.dispatchEvent(new Event('release'));
  };
  return { wakeLock, release };
}

afterEach(() => {
  vi.unstubAllGlobals();
  wakeLockState.set('not-held');
});

describe('the screen wake lock', () => {
  it('says it holds once granted, and no longer once the browser releases it', async () => {
    const { wakeLock, release } = fakeWakeLock();
    vi.stubGlobal('navigator', { wakeLock });
    keepScreenAwake();
    await vi.waitFor(() => expect(wakeLockStatus()).toBe('held'));
    release();
    expect(wakeLockStatus()).toBe('not-held');
  });

  it('is unsupported where the browser has no Wake Lock', () => {
    vi.stubGlobal('navigator', {});
    keepScreenAwake();
    expect(wakeLockStatus()).toBe('unsupported');
  });
});
