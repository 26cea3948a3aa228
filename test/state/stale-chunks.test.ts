import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  listenForStaleChunks,
  serverAnswers,
  shouldReloadForStaleChunk,
  STALE_RELOAD_WINDOW_MS,
} from '../../src/state/stale-chunks.ts';

describe('a stale page missing a chunk', () => {
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    sessionStorage.clear();
    vi.restoreAllMocks();
  });

  it('reloads once when online, and not again within the window', () => {
    expect(shouldReloadForStaleChunk(undefined, 1000, true)).toBe(true);
    expect(shouldReloadForStaleChunk(1000, 1000 + STALE_RELOAD_WINDOW_MS - 1, true)).toBe(false);
    expect(shouldReloadForStaleChunk(1000, 1000 + STALE_RELOAD_WINDOW_MS, true)).toBe(true);
  });

  it('never reloads offline', () => {
    expect(shouldReloadForStaleChunk(undefined, 1000, false)).toBe(false);
  });

  it('a vite:preloadError reloads the page once, when its server answers', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    const reload = vi.fn();
    stop = listenForStaleChunks(
      reload,
      () => 5000,
      () => Promise.resolve(true),
    );
    dispatchEvent(new Event('vite:preloadError', { cancelable: true }));
    dispatchEvent(new Event('vite:preloadError', { cancelable: true }));
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    dispatchEvent(new Event('vite:preloadError', { cancelable: true }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('offline, a vite:preloadError does not reload', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const reload = vi.fn();
    const answers = vi.fn(() => Promise.resolve(true));
    stop = listenForStaleChunks(reload, () => 5000, answers);
    dispatchEvent(new Event('vite:preloadError', { cancelable: true }));
    expect(reload).not.toHaveBeenCalled();
    expect(answers).not.toHaveBeenCalled();
  });

  it('with the server gone (a chunk not precached, asked for as the endpoint stopped), it does not reload', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    const reload = vi.fn();
    const answers = vi.fn(() => Promise.resolve(false));
    stop = listenForStaleChunks(reload, () => 5000, answers);
    const failed = new Event('vite:preloadError', { cancelable: true });
    dispatchEvent(failed);
    await vi.waitFor(() => expect(answers).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(reload).not.toHaveBeenCalled();
    // The failed import is left to its caller: the event is not cancelled.
    expect(failed.defaultPrevented).toBe(false);
  });

  it("asks the page's own server past the service worker's precache", async () => {
    const fetcher = vi.fn(() => Promise.resolve(new Response(null, { status: 200 })));
    expect(await serverAnswers(fetcher as unknown as typeof fetch)).toBe(true);
    expect(fetcher).toHaveBeenCalledWith(expect.stringMatching(/^\/index\.html\?reachable=\d+$/), {
      method: 'HEAD',
      cache: 'no-store',
    });
    const down = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await serverAnswers(down as unknown as typeof fetch)).toBe(false);
  });
});
