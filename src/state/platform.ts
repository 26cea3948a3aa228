/**
 * The bridge to the service worker and the storage manager. It owns when an update is
 * applied: a waiting version takes over only when the door has been idle for two minutes
 * and no staff screen is open — never in the middle of a tally.
 */
import type { KioskStore } from './kiosk-store.ts';
import { observable } from './observable.ts';

export const IDLE_BEFORE_UPDATE_MS = 2 * 60 * 1000;

/** Whether a waiting service worker may take over now. */
export function mayApplyUpdate(lastInputAt: number, now: number, staffOpen: boolean): boolean {
  return !staffOpen && now - lastInputAt >= IDLE_BEFORE_UPDATE_MS;
}

/** Update and storage state shown in staff mode. */
export const platformState = observable<{ updateWaiting: boolean; persisted?: boolean }>({
  updateWaiting: false,
});

export async function startPlatform(store: KioskStore): Promise<void> {
  let lastInputAt = store.now();
  addEventListener('pointerdown', () => (lastInputAt = store.now()), {
    capture: true,
    passive: true,
  });
  addEventListener('keydown', () => (lastInputAt = store.now()), { capture: true, passive: true });

  if (navigator.storage?.persist) {
    const persisted = (await navigator.storage.persisted()) || (await navigator.storage.persist());
    platformState.update((state) => ({ ...state, persisted }));
  }

  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const { Workbox } = await import('workbox-window');
  const workbox = new Workbox('/sw.js', { scope: '/' });
  workbox.addEventListener('waiting', () => {
    platformState.update((state) => ({ ...state, updateWaiting: true }));
  });
  workbox.addEventListener('controlling', (event) => {
    if (event.isUpdate) location.reload();
  });
  await workbox.register();
  setInterval(() => {
    const staffOpen = location.hash.startsWith('#/staff');
    if (platformState.get().updateWaiting && mayApplyUpdate(lastInputAt, store.now(), staffOpen)) {
      workbox.messageSkipWaiting();
    }
  }, 15_000);
  // Look for a new version now and then; the browser also checks on navigation.
  setInterval(() => void workbox.update(), 30 * 60 * 1000);
}
