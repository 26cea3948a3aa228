/**
 * Keeps the screen awake while the door shows, and says whether the lock holds (the self-test
 * reads it). The lock is released by the browser when the tablet hides the page, so it is
 * asked for again when the page becomes visible and on the next tap (iOS grants it only with a
 * user gesture).
 */
import { observable } from './observable.ts';

/** Whether the screen is kept awake: 'unsupported' where the browser has no Wake Lock. */
export type WakeLockStatus = 'held' | 'not-held' | 'unsupported';

/** The lock as last granted or released; 'not-held' until the door first asks. */
export const wakeLockState = observable<'held' | 'not-held'>('not-held');

/** The lock's state, with 'unsupported' where the browser cannot hold one. */
export function wakeLockStatus(): WakeLockStatus {
  return 'wakeLock' in navigator ? wakeLockState.get() : 'unsupported';
}

export interface WakeLockHandle {
  request(): void;
}

export function keepScreenAwake(): WakeLockHandle {
  let sentinel: WakeLockSentinel | undefined;
  const request = () => {
    if (!('wakeLock' in navigator) || document.visibilityState !== 'visible') return;
    if (sentinel && !sentinel.released) return;
    navigator.wakeLock.request('screen').then(
      (granted) => {
        sentinel = granted;
        wakeLockState.set('held');
        granted.addEventListener('release', () => wakeLockState.set('not-held'));
      },
      () => wakeLockState.set('not-held'),
    );
  };
  document.addEventListener('visibilitychange', request);
  request();
  return { request };
}
