import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  IDLE_BEFORE_UPDATE_MS,
  mayApplyUpdate,
  platformState,
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
