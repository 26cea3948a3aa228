/** The door keeps the screen awake; the lock and its state live in state/wake-lock.ts. */
export { keepScreenAwake, type WakeLockHandle } from '../state/wake-lock.ts';
