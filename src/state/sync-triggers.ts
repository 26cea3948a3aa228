/**
 * When the sync loop runs by itself: when the tablet comes online or into view, every five
 * minutes, and once a burst of tallies has settled. Returns what undoes it all.
 */
import type { SyncTrigger } from '../sync/index.ts';
import type { Observable } from './observable.ts';

/** How long after the last stored tally the upload waits, so a burst of taps sends once. */
const TALLY_SETTLE_MS = 2000;

export function listenForSyncTriggers(
  trigger: (reason: SyncTrigger) => void,
  stored: Observable<number>,
  intervalMs: number,
): () => void {
  let tallyTimer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = stored.subscribe(() => {
    clearTimeout(tallyTimer);
    tallyTimer = setTimeout(() => trigger('tally'), TALLY_SETTLE_MS);
  });
  const online = () => trigger('online');
  const visible = () => document.visibilityState === 'visible' && trigger('visible');
  addEventListener('online', online);
  document.addEventListener('visibilitychange', visible);
  const interval = setInterval(() => trigger('interval'), intervalMs);
  return () => {
    unsubscribe();
    clearTimeout(tallyTimer);
    removeEventListener('online', online);
    document.removeEventListener('visibilitychange', visible);
    clearInterval(interval);
  };
}
