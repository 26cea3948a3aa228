/**
 * Writes that must never be lost, and the kiosk's one retry policy: a write is tried at once;
 * one that fails is kept in memory and tried again every `retryMs` (one flush at a time, in
 * order) until it is stored. The routes one attempt takes are the caller's; none retries.
 */
import type { EventInput } from '../../storage/index.ts';
import { observable, type Observable } from '../observable.ts';

/** A write that has not been stored yet: retried until it is. */
export interface PendingWrite {
  inputs: EventInput[];
  attempts: number;
  lastError: string;
}

/** The outcome of a write: stored, or kept in memory to be retried. */
export interface WriteOutcome {
  stored: boolean;
  events: EventInput[];
}

export interface WriteQueue {
  pending: Observable<readonly PendingWrite[]>;
  /** How many writes have been stored since start: sync and live totals follow it. */
  stored: Observable<number>;
  /** Records events (ids fixed here, once); never throws: a failure is kept and retried. */
  record(inputs: readonly Omit<EventInput, 'id'>[]): Promise<WriteOutcome>;
  /** Writes what is pending now (one flush at a time); resolves when it has tried each. */
  flush(): Promise<void>;
  dispose(): void;
}

export function createWriteQueue(options: {
  /** Stores a write (resolves) or fails (rejects); called again for the same inputs on retry. */
  attempt(inputs: EventInput[]): Promise<void>;
  retryMs: number;
}): WriteQueue {
  const pending = observable<readonly PendingWrite[]>([]);
  const stored = observable(0);
  let flushing: Promise<void> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  async function attempt(inputs: EventInput[]): Promise<void> {
    await options.attempt(inputs);
    stored.update((n) => n + 1);
  }

  function scheduleRetry(): void {
    if (retryTimer !== undefined || disposed) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void flush();
    }, options.retryMs);
  }

  function flush(): Promise<void> {
    flushing ??= flushOnce().finally(() => (flushing = undefined));
    return flushing;
  }

  async function flushOnce(): Promise<void> {
    for (const write of pending.get()) {
      try {
        await attempt(write.inputs);
        pending.update((list) => list.filter((item) => item !== write));
      } catch (error) {
        write.attempts += 1;
        write.lastError = describe(error);
      }
    }
    if (pending.get().length > 0) {
      pending.set([...pending.get()]);
      scheduleRetry();
    }
  }

  return {
    pending,
    stored,
    async record(partial) {
      const inputs: EventInput[] = partial.map((input) => ({ ...input, id: crypto.randomUUID() }));
      try {
        await attempt(inputs);
        return { stored: true, events: inputs };
      } catch (error) {
        pending.update((list) => [...list, { inputs, attempts: 1, lastError: describe(error) }]);
        scheduleRetry();
        return { stored: false, events: inputs };
      }
    },
    flush,
    dispose() {
      disposed = true;
      if (retryTimer !== undefined) clearTimeout(retryTimer);
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
