/**
 * A stale page's way back. After an update the old version's chunks are gone from the server
 * and the precache, so a page still running that version may ask for a chunk that no longer
 * exists: it reloads once, never in a loop, never offline, and only when its own server
 * answers. Separate from platform.ts, which owns when an update is applied: this owns what a
 * page that missed one does, and it listens from start-up on, before the service worker.
 */

/** A stale page reloads at most once in this window, so a missing chunk never loops. */
export const STALE_RELOAD_WINDOW_MS = 10 * 60 * 1000;
const STALE_RELOAD_KEY = 'terskel:stale-chunk-reload';

/** Whether a page that failed to load a chunk should reload now: online, and not just reloaded. */
export function shouldReloadForStaleChunk(
  lastReloadAt: number | undefined,
  now: number,
  online: boolean,
): boolean {
  return online && (lastReloadAt === undefined || now - lastReloadAt >= STALE_RELOAD_WINDOW_MS);
}

const STALE_CHUNK_MESSAGE =
  /dynamically imported module|Importing a module script failed|Failed to fetch dynamically/i;

/**
 * Whether the page's own server answers now, past the service worker (a HEAD of a URL the
 * precache does not hold): a chunk that failed while it does not was not stale.
 */
export async function serverAnswers(fetcher: typeof fetch = fetch): Promise<boolean> {
  try {
    const url = `/index.html?reachable=${Date.now()}`;
    return (await fetcher(url, { method: 'HEAD', cache: 'no-store' })).ok;
  } catch {
    return false;
  }
}

/**
 * A stale page (its chunks gone after an update) asking for a chunk that no longer exists
 * reloads once, and only when its server answers: offline, or with the server gone (a chunk
 * that is not precached, asked for just as the endpoint stopped), a reload would fetch nothing
 * new, and the failed import is its caller's to handle.
 */
export function listenForStaleChunks(
  reload: () => void = () => location.reload(),
  now: () => number = Date.now,
  answers: () => Promise<boolean> = serverAnswers,
): () => void {
  let asking = false;
  const tryReload = () => {
    if (asking) return; // one question to the server at a time
    let last: number | undefined;
    try {
      const stored = Number(sessionStorage.getItem(STALE_RELOAD_KEY));
      last = stored > 0 ? stored : undefined;
    } catch {
      // no sessionStorage: treat as never reloaded
    }
    if (!shouldReloadForStaleChunk(last, now(), navigator.onLine)) return;
    asking = true;
    void answers().then((up) => {
      asking = false;
      if (!up) return;
      try {
        sessionStorage.setItem(STALE_RELOAD_KEY, String(now()));
      } catch {
        return; // without the guard a reload could loop
      }
      reload();
    });
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    const reason: unknown = event.reason;
    const message = reason instanceof Error ? reason.message : String(reason);
    if (STALE_CHUNK_MESSAGE.test(message)) tryReload();
  };
  addEventListener('vite:preloadError', tryReload);
  addEventListener('unhandledrejection', onRejection);
  return () => {
    removeEventListener('vite:preloadError', tryReload);
    removeEventListener('unhandledrejection', onRejection);
  };
}
