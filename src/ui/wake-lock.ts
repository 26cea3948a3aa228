/**
 * Keeps the screen awake while the door shows. The lock is released by the browser when
 * the tablet hides the page, so it is asked for again when the page becomes visible and on
 * the next tap (iOS grants it only with a user gesture).
 */
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
      },
      () => undefined,
    );
  };
  document.addEventListener('visibilitychange', request);
  request();
  return { request };
}
