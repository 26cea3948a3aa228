/** Entry: paint the door from the shell and the last known config, then start the rest. */
import { render } from 'preact';
import { createKioskStore, createSyncController } from './state/index.ts';
import { App } from './ui/App.tsx';
import { keepScreenAwake } from './ui/wake-lock.ts';
import './ui/door.css';

const store = createKioskStore();
const sync = createSyncController(store);
const wakeLock = keepScreenAwake();
const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App store={store} sync={sync} onTap={wakeLock.request} />, root);
}
// Open the database right after the first paint, so the first tap rarely waits for it.
requestAnimationFrame(() => setTimeout(() => void store.storage().catch(() => undefined)));
// A provisioning link may open the app, or arrive while it runs (a same-page navigation).
const provision = () =>
  void sync.provisionFromLocation().then((outcome) => outcome && store.notice.set(outcome.message));
provision();
addEventListener('hashchange', provision);
void import('./state/platform.ts').then((platform) => platform.startPlatform(store));
