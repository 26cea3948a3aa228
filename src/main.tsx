/** Entry: paint the door from the shell and the last known config, then start the rest. */
import { render } from 'preact';
import {
  createKioskStore,
  loadDefaultPreset,
  paintCopyConfig,
  takeOverShell,
} from './state/index.ts';
import type { SiteConfig } from './shared/site-config.ts';
import { readSetupHint } from './state/setup-hint.ts';
import type { SyncController } from './state/sync.ts';
import { App } from './ui/App.tsx';
import { nextPaint } from './ui/next-paint.ts';
import { doorPairingNotice } from './ui/pairing-words.ts';
import { keepScreenAwake } from './state/wake-lock.ts';
import './ui/door.css';

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** Resolves after the first frame has painted. */
const painted = nextPaint();
/** Resolves in the browser's next quiet moment (at most 3 s from now). */
const idle = () =>
  new Promise<void>((resolve) =>
    'requestIdleCallback' in window
      ? requestIdleCallback(() => resolve(), { timeout: 3000 })
      : setTimeout(resolve, 200),
  );
let counted: () => void = () => undefined;
const firstCount = new Promise<void>((resolve) => (counted = resolve));
/**
 * The door comes first: on an old tablet everything else (Dexie for reads, the stored
 * configuration, PINs, sync) starts once the first tap is counted or the door has stood
 * for a second, in a quiet moment.
 */
const doorFirst = painted.then(() => Promise.race([firstCount, delay(1000)])).then(idle);

/** Everything else, once the configuration to paint with is known. */
function start(initialConfig: SiteConfig): void {
  const store = createKioskStore({ startAfter: doorFirst, initialConfig });
  const stopWatching = store.stored.subscribe(() => {
    counted();
    stopWatching();
  });
  /**
   * Resolves once the database is open (or has taken ten seconds: an IndexedDB open that never
   * settles, a known WebKit bug, must not keep the service worker from registering) and the
   * browser has a quiet moment again.
   */
  const settled = doorFirst
    .then(() => Promise.race([store.storage(), delay(10_000)]))
    .then(idle, idle);
  const wakeLock = keepScreenAwake();
  const root = document.getElementById('app');
  function show(sync?: SyncController): void {
    if (!root) return;
    render(<App store={store} sync={sync} onTap={wakeLock.request} startAfter={doorFirst} />, root);
  }
  // The shell (index.html) hands the door over: a tap on it is counted now, before anything
  // renders, and the app's first render waits for the shell's own Velkommen or its first frame.
  if (root) takeOverShell({ root, store, painted, nextPaint, render: () => show() });

  // Sync is needed neither to paint nor to count: it loads once the door has settled, or at
  // once when a provisioning link opened the app or on a fresh tablet (its set-up offers
  // pairing), and the app renders again with it.
  void (/^#\/provision/.test(location.hash) || !readSetupHint() ? Promise.resolve() : settled)
    .then(() => import('./state/sync.ts'))
    .then(({ createSyncController }) => {
      const sync = createSyncController(store, { startAfter: settled });
      show(sync);
      // A provisioning link may open the app, or arrive while it runs (a same-page navigation).
      // On a tablet that is set up it waits for the lead: staff mode asks for the PIN first.
      const provision = () =>
        void sync.provisionFromLocation().then((outcome) => {
          if (outcome?.code === 'confirm') location.hash = '#/staff';
          else if (outcome) store.notice.set(doorPairingNotice(outcome));
        });
      provision();
      addEventListener('hashchange', provision);
    });
  void settled
    .then(() => import('./state/platform.ts'))
    .then((platform) => platform.startPlatform(store));
}

// A set-up tablet paints from its configuration's copy at once; only a fresh one (or a garbled
// copy) waits for the preset's module. (Not a top-level await: that splits the entry in chunks.)
const copy = paintCopyConfig();
if (copy) start(copy);
else void loadDefaultPreset().then(start);
