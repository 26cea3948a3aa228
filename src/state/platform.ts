/**
 * The bridge to the service worker and the storage manager. It owns when an update is
 * applied: a waiting version takes over only when the door has been idle for two minutes
 * and no staff screen is open, or right after closing — never in the middle of a tally.
 * It also runs storage care: retention at start and daily, a health check when the tablet
 * becomes visible again.
 */
import type { Workbox } from 'workbox-window';
import type { KioskStore } from './kiosk-store.ts';
import { observable } from './observable.ts';
import { rememberOpening } from './opening-snapshot.ts';
import { listenForStaleChunks } from './stale-chunks.ts';

export const IDLE_BEFORE_UPDATE_MS = 2 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a waiting service worker may take over now. */
export function mayApplyUpdate(
  lastInputAt: number,
  now: number,
  staffOpen: boolean,
  idleMs = IDLE_BEFORE_UPDATE_MS,
): boolean {
  return !staffOpen && now - lastInputAt >= idleMs;
}

/** Two minutes idle before an update, unless an e2e test set `window.__terskelIdleMs` first. */
function idleBeforeUpdateMs(): number {
  const injected = (globalThis as { __terskelIdleMs?: unknown }).__terskelIdleMs;
  return typeof injected === 'number' && injected >= 0 ? injected : IDLE_BEFORE_UPDATE_MS;
}

/** Update and storage state shown in staff mode. */
export const platformState = observable<{ updateWaiting: boolean; persisted?: boolean }>({
  updateWaiting: false,
});

let workbox: Workbox | undefined;
/** Set once this page told a waiting version to take over: its 'controlling' means reload. */
let applying = false;

function applyWaiting(): boolean {
  if (!workbox || !platformState.get().updateWaiting) return false;
  applying = true;
  workbox.messageSkipWaiting();
  return true;
}

/** Applies a waiting version now: the closing screen calls this right after the day is closed. */
export function applyUpdateAfterClosing(): boolean {
  return applyWaiting();
}

/**
 * Asks the browser to keep this origin's storage (set-up asks too; asking twice is harmless).
 * Firefox answers only once someone answers its prompt, maybe never: nothing may wait for this.
 * Whether storage is already kept is known at once, without a prompt.
 */
export async function requestPersistentStorage(): Promise<boolean | undefined> {
  if (!navigator.storage?.persist || !navigator.storage.persisted) return undefined;
  const already = await navigator.storage.persisted();
  platformState.update((state) => ({ ...state, persisted: already }));
  if (already) return true;
  const persisted = await navigator.storage.persist();
  platformState.update((state) => ({ ...state, persisted }));
  return persisted;
}

/** How much this origin stores and may store, in bytes (undefined where not supported). */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | undefined> {
  if (!navigator.storage?.estimate) return undefined;
  const { usage, quota } = await navigator.storage.estimate();
  return usage === undefined || quota === undefined ? undefined : { usage, quota };
}

/**
 * Retention and today's opening snapshot after the first paint (when the browser is idle) and
 * then daily; health on return.
 */
export function startStorageCare(store: KioskStore): () => void {
  const prune = () => {
    void store.pruneRetention().catch(() => undefined);
    void rememberOpening(store).catch(() => false);
  };
  const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1000));
  idle(prune);
  const daily = setInterval(prune, DAY_MS);
  const visible = () => {
    if (document.visibilityState === 'visible') void store.checkHealth();
  };
  document.addEventListener('visibilitychange', visible);
  return () => {
    clearInterval(daily);
    document.removeEventListener('visibilitychange', visible);
  };
}

/**
 * Starts the platform's care: stale-chunk reloads, storage care, the service worker, and then
 * the request for persistent storage. The worker comes first and waits for nothing a person
 * must answer: it is what lets a tablet opened once online work offline from then on.
 */
export async function startPlatform(store: KioskStore): Promise<void> {
  listenForStaleChunks();
  let lastInputAt = store.now();
  addEventListener('pointerdown', () => (lastInputAt = store.now()), {
    capture: true,
    passive: true,
  });
  addEventListener('keydown', () => (lastInputAt = store.now()), { capture: true, passive: true });
  startStorageCare(store);
  try {
    await registerServiceWorker(store, () => lastInputAt);
  } finally {
    // After the worker, and awaited by nothing: Firefox's prompt may stay unanswered for good.
    void requestPersistentStorage().catch(() => undefined);
  }
}

/** Registers the service worker and applies a waiting version when the door allows it. */
async function registerServiceWorker(store: KioskStore, lastInputAt: () => number): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const { Workbox } = await import('workbox-window');
  const registered = new Workbox('/sw.js', { scope: '/' });
  workbox = registered;
  registered.addEventListener('waiting', () => {
    platformState.update((state) => ({ ...state, updateWaiting: true }));
  });
  registered.addEventListener('controlling', (event) => {
    // isUpdate alone is not enough: a page that installed the first version and has run
    // since (a kiosk does, for days) registered without a controller, so its isUpdate is false.
    if (event.isUpdate || applying) location.reload();
  });
  await registered.register();
  const idleMs = idleBeforeUpdateMs();
  setInterval(
    () => {
      const staffOpen = location.hash.startsWith('#/staff');
      if (mayApplyUpdate(lastInputAt(), store.now(), staffOpen, idleMs)) applyWaiting();
    },
    Math.max(250, Math.min(15_000, idleMs / 4)),
  );
  // Look for a new version now and then; the browser also checks on navigation.
  setInterval(() => void registered.update(), 30 * 60 * 1000);
}
