/** Entry: paint the door from the shell and the last known config, then start the rest. */
import { render } from 'preact';
import { createKioskStore, createSyncController } from './state/index.ts';
import { App } from './ui/App.tsx';
import { keepScreenAwake } from './ui/wake-lock.ts';
import './ui/door.css';

/** Resolves after the first frame has painted. */
const painted = new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
/** Resolves once the database is open and the browser has a quiet moment (at most 3 s). */
const settled = painted.then(
  () =>
    new Promise<void>((resolve) => {
      const idle = () =>
        'requestIdleCallback' in window
          ? requestIdleCallback(() => resolve(), { timeout: 3000 })
          : setTimeout(resolve, 200);
      void store.storage().then(idle, idle);
    }),
);

const store = createKioskStore();
const sync = createSyncController(store, { startAfter: settled });
const wakeLock = keepScreenAwake();
const root = document.getElementById('app');
if (root) {
  // Taps on the HTML shell's button (index.html) before this module ran: one visitor, once.
  let earlyTap =
    ((window as { __terskelEarlyTaps?: unknown[] }).__terskelEarlyTaps?.length ?? 0) > 0;
  const takeEarlyTap = () => {
    const taken = earlyTap;
    earlyTap = false;
    return taken;
  };
  root.textContent = '';
  render(
    <App store={store} sync={sync} onTap={wakeLock.request} takeEarlyTap={takeEarlyTap} />,
    root,
  );
}
// A provisioning link may open the app, or arrive while it runs (a same-page navigation).
const provision = () =>
  void sync.provisionFromLocation().then((outcome) => outcome && store.notice.set(outcome.message));
provision();
addEventListener('hashchange', provision);
void settled
  .then(() => import('./state/platform.ts'))
  .then((platform) => platform.startPlatform(store));
