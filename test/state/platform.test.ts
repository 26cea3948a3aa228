import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  IDLE_BEFORE_UPDATE_MS,
  listenForStaleChunks,
  serverAnswers,
  mayApplyUpdate,
  platformState,
  shouldReloadForStaleChunk,
  STALE_RELOAD_WINDOW_MS,
  startPlatform,
  startStorageCare,
} from '../../src/state/platform.ts';
import type { KioskStore } from '../../src/state/index.ts';

// The service worker's bridge, as far as start-up uses it: which scripts were registered.
const registrations = vi.hoisted(() => [] as string[]);
vi.mock('workbox-window', () => ({
  Workbox: class {
    constructor(readonly url: string) {}
    addEventListener(): void {}
    register(): Promise<undefined> {
      registrations.push(this.url);
      return Promise.resolve(undefined);
    }
    update(): Promise<void> {
      return Promise.resolve();
    }
    messageSkipWaiting(): void {}
  },
}));

describe('updates', () => {
  it('wait for two idle minutes at the door and no staff screen', () => {
    expect(mayApplyUpdate(0, IDLE_BEFORE_UPDATE_MS - 1, false)).toBe(false);
    expect(mayApplyUpdate(0, IDLE_BEFORE_UPDATE_MS, false)).toBe(true);
    expect(mayApplyUpdate(0, IDLE_BEFORE_UPDATE_MS * 10, true)).toBe(false);
  });
});

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

describe('storage care', () => {
  it('prunes by retention once the browser is idle, and checks health when the tablet is visible again', async () => {
    const pruneRetention = vi.fn(() => Promise.resolve(0));
    const checkHealth = vi.fn(() => Promise.resolve(true));
    const stop = startStorageCare({ pruneRetention, checkHealth } as unknown as KioskStore);
    await vi.waitFor(() => expect(pruneRetention).toHaveBeenCalledTimes(1), { timeout: 3000 });
    expect(checkHealth).not.toHaveBeenCalled();
    document.dispatchEvent(new Event('visibilitychange'));
    expect(checkHealth).toHaveBeenCalledTimes(1);
    stop();
    document.dispatchEvent(new Event('visibilitychange'));
    expect(checkHealth).toHaveBeenCalledTimes(1);
  });
});

describe('start-up of the platform', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
    platformState.set({ updateWaiting: false });
  });

  it('registers the service worker although the persistent-storage prompt is never answered', async () => {
    vi.stubEnv('DEV', false);
    const persist = vi.fn(() => new Promise<boolean>(() => undefined)); // Firefox, unanswered
    vi.stubGlobal('navigator', {
      ...navigator,
      onLine: true,
      serviceWorker: {},
      storage: { persisted: () => Promise.resolve(false), persist },
    });
    const store = {
      now: () => 0,
      pruneRetention: () => Promise.resolve(0),
      checkHealth: () => Promise.resolve(true),
    } as unknown as KioskStore;
    void startPlatform(store);
    await vi.waitFor(() => expect(registrations).toEqual(['/sw.js']));
    // Storage is still asked for, after the worker, and known not to be persistent meanwhile.
    await vi.waitFor(() => expect(persist).toHaveBeenCalledTimes(1));
    expect(platformState.get().persisted).toBe(false);
  });
});
