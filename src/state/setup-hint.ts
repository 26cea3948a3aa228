/**
 * A synchronous hint that this tablet's staff PINs were set up. The door paints before
 * IndexedDB answers: with the hint it paints at once, and only a fresh tablet waits for the
 * settings to say whether PINs must be chosen first. The PINs themselves decide; this only
 * saves the wait.
 */
const READY_HINT_KEY = 'terskel:staff-ready';

export function readSetupHint(): boolean {
  try {
    return globalThis.localStorage?.getItem(READY_HINT_KEY) === '1';
  } catch {
    return false;
  }
}

export function writeSetupHint(ready: boolean): void {
  try {
    if (ready) globalThis.localStorage?.setItem(READY_HINT_KEY, '1');
    else globalThis.localStorage?.removeItem(READY_HINT_KEY);
  } catch {
    // Without the hint the next start only waits for IndexedDB before painting.
  }
}
