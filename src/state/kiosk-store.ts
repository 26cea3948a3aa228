/**
 * The kiosk's state: configuration, the database connection, and every write the door and
 * staff make. It owns the promise that a tap is never dropped: a tap made before the
 * database is ready waits for it; a write that fails is kept in memory and retried, and
 * callers are told honestly whether it was stored.
 */
import { businessDayOf, localHourOf } from '../domain/business-day.ts';
import type { SiteConfig } from '../shared/site-config.ts';
import type { EventInput, OpenedStorage } from '../storage/index.ts';
import { observable, type Observable } from './observable.ts';
import { loadConfig, paintConfig } from './site-config.ts';

/** What the state layer needs of storage; tests inject their own. */
export interface KioskStorage extends OpenedStorage {
  record(inputs: readonly EventInput[]): Promise<unknown>;
}

export type StorageStatus = 'opening' | 'ready' | 'unavailable';

/** A write that has not been stored yet: retried until it is. */
export interface PendingWrite {
  inputs: EventInput[];
  attempts: number;
  lastError: string;
}

export interface KioskDeps {
  openStorage(): Promise<KioskStorage>;
  now(): number;
  /** Delay before retrying writes that failed. */
  retryMs: number;
  loadConfig(): Promise<{ config: SiteConfig; invalid?: string }>;
}

/** Opens the real database, loaded lazily so the first paint needs no Dexie. */
export async function openBrowserStorage(): Promise<KioskStorage> {
  const storage = await import('../storage/index.ts');
  const opened = await storage.openStorage();
  return {
    ...opened,
    record: (inputs) =>
      storage.writeWithReopen(opened.db, () =>
        storage.recordEvents(opened.db, opened.replica, inputs),
      ),
  };
}

const defaultDeps: KioskDeps = {
  openStorage: openBrowserStorage,
  now: () => Date.now(),
  retryMs: 3000,
  loadConfig,
};

/** The outcome of a write: stored, or kept in memory to be retried. */
export interface WriteOutcome {
  stored: boolean;
  events: EventInput[];
}

export interface KioskStore {
  config: Observable<SiteConfig>;
  configProblem: Observable<string | undefined>;
  storageStatus: Observable<StorageStatus>;
  pending: Observable<readonly PendingWrite[]>;
  /** How many writes have been stored since start: sync and live totals follow it. */
  stored: Observable<number>;
  /** A one-off message for the door (a pairing confirmed), cleared by the door. */
  notice: Observable<string | undefined>;
  /** Resolves with the open storage; rejects when IndexedDB cannot be used here. */
  storage(): Promise<KioskStorage>;
  /** Records events (one transaction); never throws: a failure is kept and retried. */
  record(inputs: readonly Omit<EventInput, 'id'>[]): Promise<WriteOutcome>;
  /** One visitor at the door. */
  checkIn(): Promise<WriteOutcome>;
  /** Refines a check-in with the visitor's answer: moves it to the answer's key. */
  answer(checkIn: EventInput, optionId: string): Promise<WriteOutcome>;
  /** The business day and local hour of an instant at this site. */
  dayOf(instantMs: number): { day: string; hour: number };
  now(): number;
  setConfig(config: SiteConfig): void;
  dispose(): void;
}

export function createKioskStore(overrides: Partial<KioskDeps> = {}): KioskStore {
  const deps: KioskDeps = { ...defaultDeps, ...overrides };
  const config = observable<SiteConfig>(paintConfig());
  const configProblem = observable<string | undefined>(undefined);
  const storageStatus = observable<StorageStatus>('opening');
  const pending = observable<readonly PendingWrite[]>([]);
  const stored = observable(0);
  const notice = observable<string | undefined>(undefined);
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  let opened: Promise<KioskStorage> | undefined;
  function storage(): Promise<KioskStorage> {
    opened ??= deps.openStorage().then(
      (ready) => {
        storageStatus.set('ready');
        return ready;
      },
      (error: unknown) => {
        storageStatus.set('unavailable');
        opened = undefined;
        throw error;
      },
    );
    return opened;
  }

  void deps
    .loadConfig()
    .then(({ config: loaded, invalid }) => {
      config.set(loaded);
      configProblem.set(invalid);
    })
    .catch((error: unknown) => configProblem.set(String(error)));

  function dayOf(instantMs: number) {
    const site = config.get();
    return {
      day: businessDayOf(instantMs, site.timeZone, site.cutoffHour),
      hour: localHourOf(instantMs, site.timeZone),
    };
  }

  async function attempt(inputs: EventInput[]): Promise<void> {
    const ready = await storage();
    try {
      await ready.record(inputs);
    } catch (error) {
      // The ids were fixed before the first attempt: a constraint error means an earlier
      // attempt committed after all, so the events are stored.
      if (error instanceof Error && error.name === 'ConstraintError') return;
      if (
        error instanceof Error &&
        error.name === 'BulkError' &&
        /ConstraintError/.test(error.message)
      )
        return;
      throw error;
    }
  }

  function scheduleRetry(): void {
    if (retryTimer !== undefined || disposed) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void retryPending();
    }, deps.retryMs);
  }

  async function retryPending(): Promise<void> {
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

  async function record(partial: readonly Omit<EventInput, 'id'>[]): Promise<WriteOutcome> {
    const inputs: EventInput[] = partial.map((input) => ({ ...input, id: crypto.randomUUID() }));
    try {
      await attempt(inputs);
      return { stored: true, events: inputs };
    } catch (error) {
      pending.update((list) => [...list, { inputs, attempts: 1, lastError: describe(error) }]);
      scheduleRetry();
      return { stored: false, events: inputs };
    }
  }

  function visitCounter(site: SiteConfig) {
    return site.counters.find((counter) => counter.id === 'visit');
  }

  return {
    config,
    configProblem,
    storageStatus,
    pending,
    stored,
    notice,
    storage,
    record,
    dayOf,
    now: deps.now,
    setConfig: (next) => config.set(next),
    checkIn() {
      const at = deps.now();
      const { day, hour } = dayOf(at);
      const byHour = visitCounter(config.get())?.byHour ?? true;
      return record([
        { day, at, counter: 'visit', ...(byHour ? { hour } : {}), delta: 1, source: 'door' },
      ]);
    },
    answer(checkIn, optionId) {
      const site = config.get();
      const option = site.question?.options.find((candidate) => candidate.id === optionId);
      if (option === undefined) return Promise.resolve({ stored: true, events: [] });
      const target = option.countsAs ?? checkIn.counter;
      const moved: Omit<EventInput, 'id'> = {
        day: checkIn.day,
        at: deps.now(),
        counter: target,
        delta: 1,
        source: 'door',
        refines: checkIn.id,
      };
      if (option.countsAs === undefined) moved.option = option.id;
      const targetCounter = site.counters.find((counter) => counter.id === target);
      if (checkIn.hour !== undefined && (targetCounter?.byHour ?? false)) moved.hour = checkIn.hour;
      const undo: Omit<EventInput, 'id'> = {
        day: checkIn.day,
        at: moved.at,
        counter: checkIn.counter,
        delta: -1,
        source: 'door',
        refines: checkIn.id,
      };
      if (checkIn.option !== undefined) undo.option = checkIn.option;
      if (checkIn.hour !== undefined) undo.hour = checkIn.hour;
      return record([undo, moved]);
    },
    dispose() {
      disposed = true;
      if (retryTimer !== undefined) clearTimeout(retryTimer);
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
