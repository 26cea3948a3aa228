/**
 * When sync runs: at start, when the tablet comes online or becomes visible, every five
 * minutes, and after a tally or a closing. One run at a time; failures back off
 * exponentially with jitter (capped at 30 minutes) and a 429's Retry-After is obeyed.
 */
import { backoffMs, type SyncResult } from './engine.ts';

export type SyncTrigger =
  'start' | 'online' | 'visible' | 'interval' | 'tally' | 'closing' | 'manual' | 'retry';

export const SYNC_INTERVAL_MS = 5 * 60 * 1000;

export interface SyncLoopDeps {
  /** One run; `undefined` when the tablet is not paired (nothing to do). */
  run(): Promise<SyncResult | undefined>;
  random?(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SyncLoop {
  trigger(reason: SyncTrigger): Promise<void>;
  /** Failures in a row since the last success. */
  failures(): number;
  stop(): void;
}

/** Triggers that mean "the situation changed": they skip a pending backoff. */
const FRESH_START: ReadonlySet<SyncTrigger> = new Set([
  'start',
  'online',
  'visible',
  'manual',
  'retry',
]);

export function createSyncLoop(deps: SyncLoopDeps): SyncLoop {
  let running: Promise<void> | undefined;
  let again = false;
  let failures = 0;
  let backoffUntilTimer: unknown;
  let waitingForBackoff = false;
  let stopped = false;

  function schedule(ms: number): void {
    if (backoffUntilTimer !== undefined) deps.clearTimeout(backoffUntilTimer);
    waitingForBackoff = true;
    backoffUntilTimer = deps.setTimeout(() => {
      backoffUntilTimer = undefined;
      waitingForBackoff = false;
      void trigger('retry');
    }, ms);
  }

  async function runOnce(): Promise<void> {
    let result: SyncResult | undefined;
    try {
      result = await deps.run();
    } catch (error) {
      result = { kind: 'retry', status: 0, message: String(error), uploaded: 0 };
    }
    if (result === undefined || result.kind === 'done') {
      failures = 0;
      // A fresh start succeeded during a backoff: the old timer must not keep muting triggers.
      if (backoffUntilTimer !== undefined) deps.clearTimeout(backoffUntilTimer);
      backoffUntilTimer = undefined;
      waitingForBackoff = false;
      return;
    }
    if (result.kind === 'unauthorized') return; // waits for pairing: no point retrying
    failures += 1;
    const retryAfter = result.retryAfterSeconds !== undefined ? result.retryAfterSeconds * 1000 : 0;
    schedule(Math.max(retryAfter, backoffMs(failures, deps.random)));
  }

  async function trigger(reason: SyncTrigger): Promise<void> {
    if (stopped) return;
    if (waitingForBackoff && !FRESH_START.has(reason)) return;
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await runOnce();
      } while (again && !waitingForBackoff && !stopped);
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    trigger,
    failures: () => failures,
    stop() {
      stopped = true;
      if (backoffUntilTimer !== undefined) deps.clearTimeout(backoffUntilTimer);
    },
  };
}
