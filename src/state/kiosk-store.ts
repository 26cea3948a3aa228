/**
 * The kiosk's state: configuration, the database connection, and every write the door and
 * staff make. It owns the promise that a tap is never dropped: a tap made before Dexie is
 * open is written on a plain connection, or waits for Dexie; a write that fails is kept in
 * memory and retried, and callers are told honestly whether it was stored.
 */
import {
  businessDayOf,
  knowOffsetSpan,
  localHourOf,
  offsetSpanFrom,
} from '../domain/business-day.ts';
import type { SiteConfig } from '../shared/site-config.ts';
import { isAlreadyStored, isQuotaError, isReplicaChanged } from '../storage/errors.ts';
import type { EventInput, OpenedStorage, RecordOptions } from '../storage/index.ts';
import { existingFrom, openPlain, recordInto } from '../storage/record.ts';
import { DATABASE_NAME } from '../storage/rows.ts';
import {
  readOffsetSpanCopy,
  readReplicaCopy,
  readSetting,
  writeOffsetSpanCopy,
  writeReplicaCopy,
  writeSetting,
} from '../storage/settings.ts';
import { observable, type Observable } from './observable.ts';
import { loadConfig } from './site-config.ts';

/** What the state layer needs of storage; tests inject their own. */
export interface KioskStorage extends OpenedStorage {
  record(inputs: readonly EventInput[], options?: RecordOptions): Promise<unknown>;
}

export type StorageStatus = 'opening' | 'ready' | 'unavailable';

/** A storage problem staff mode shows as a banner: 'quota' = the tablet's storage is full. */
export type StorageProblem = 'quota';

/**
 * How long a write waits for the early connection before it takes the full path: an open that
 * never settles (WebKit has had such a bug) must not hold a tap forever.
 */
const EARLY_OPEN_MS = 1500;

/** How often a running kiosk checks its zone's offset ahead again for the next cold start. */
const OFFSET_SPAN_EVERY_MS = 12 * 60 * 60 * 1000;

/** How long after pruning for space a quota error goes straight to tally-only writes. */
const PRUNE_FOR_SPACE_EVERY_MS = 60_000;

/** A write that has not been stored yet: retried until it is. */
export interface PendingWrite {
  inputs: EventInput[];
  attempts: number;
  lastError: string;
}

/** A plain connection that can record before Dexie has loaded (the door's first taps). */
export interface EarlyWriter {
  record(inputs: readonly EventInput[]): Promise<unknown>;
  close(): void;
}

export interface KioskDeps {
  openStorage(): Promise<KioskStorage>;
  /** Opens the existing database without Dexie, or resolves undefined (none yet). */
  openEarlyWriter(): Promise<EarlyWriter | undefined>;
  now(): number;
  /** Delay before retrying writes that failed. */
  retryMs: number;
  loadConfig(): Promise<{ config: SiteConfig; invalid?: string }>;
  /**
   * Start-up work that can wait (loading Dexie for reads, validating the stored configuration)
   * waits for this, so the door's first tap has the tablet to itself; a write that needs Dexie
   * does not wait.
   */
  startAfter: Promise<unknown>;
}

/** Opens the real database, loaded lazily so the first paint needs no Dexie. */
export async function openBrowserStorage(): Promise<KioskStorage> {
  const storage = await import('../storage/index.ts');
  const opened = await storage.openStorage();
  return {
    ...opened,
    record: (inputs, options) => storage.recordOwnEvents(opened, inputs, options),
  };
}

/** The database as it is, in plain IndexedDB: part of the first-paint code, no Dexie. */
export async function openBrowserEarlyWriter(
  name = DATABASE_NAME,
): Promise<EarlyWriter | undefined> {
  // index.html's first-paint script began opening the database before any module loaded.
  const shell = window as { __terskelOpening?: Promise<IDBDatabase | undefined> };
  const opening = name === DATABASE_NAME ? shell.__terskelOpening : undefined;
  if (opening !== undefined) delete shell.__terskelOpening;
  const plain = await (opening ?? openPlain(name));
  const existing = plain && (await existingFrom(plain, readReplicaCopy()));
  if (existing === undefined) return undefined;
  const { idb, replica } = existing;
  return {
    record: (inputs) => recordInto(idb, replica, inputs),
    close: () => idb.close(),
  };
}

const defaultDeps: KioskDeps = {
  openStorage: openBrowserStorage,
  openEarlyWriter: openBrowserEarlyWriter,
  now: () => Date.now(),
  retryMs: 3000,
  loadConfig,
  startAfter: Promise.resolve(),
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
  /** A storage problem for staff mode's banner; cleared once writes store in full again. */
  storageProblem: Observable<StorageProblem | undefined>;
  /**
   * Whether this database is new while the pairing survived: the local data was reset and
   * the endpoint's totals are intact. Stays until staff dismiss it.
   */
  databaseReset: Observable<boolean>;
  dismissReset(): Promise<void>;
  /** A tiny read/write; on failure reopens the database. Then writes what is pending. */
  checkHealth(): Promise<boolean>;
  /** Writes what is pending now (one flush at a time); resolves when it has tried each. */
  flushPending(): Promise<void>;
  /** Prunes raw events past retention whose day has left the tablet; returns how many. */
  pruneRetention(): Promise<number>;
  /** Resolves with the open storage; rejects when IndexedDB cannot be used here. */
  storage(): Promise<KioskStorage>;
  /** Lets the storage open now, before start-up has settled: a write is about to need it. */
  needStorage(): void;
  /**
   * Runs any other storage write (closing, notes, exports, backup import, sync marks) through
   * the one reopen-and-retry path; unlike `record`, it throws when the write fails.
   */
  write<T>(work: (ready: KioskStorage) => Promise<T>): Promise<T>;
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

/** What a kiosk store is made from: the configuration it paints first, and its dependencies. */
export type KioskOptions = Partial<KioskDeps> & {
  /** The configuration to paint the door with (main.tsx: `paintCopyConfig()`, or the preset). */
  initialConfig: SiteConfig;
};

export function createKioskStore({ initialConfig, ...overrides }: KioskOptions): KioskStore {
  const deps: KioskDeps = {
    ...defaultDeps,
    // A store given its own storage has no other database to write to early.
    ...(overrides.openStorage ? { openEarlyWriter: () => Promise.resolve(undefined) } : {}),
    ...overrides,
  };
  const config = observable<SiteConfig>(initialConfig);
  const configProblem = observable<string | undefined>(undefined);
  const storageStatus = observable<StorageStatus>('opening');
  const pending = observable<readonly PendingWrite[]>([]);
  const stored = observable(0);
  const notice = observable<string | undefined>(undefined);
  const storageProblem = observable<StorageProblem | undefined>(undefined);
  const databaseReset = observable(false);
  let prunedForSpaceAt = -Infinity;
  let flushing: Promise<void> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  // The door's first taps need not wait for Dexie to load and open: a plain connection to the
  // existing database records them, until Dexie is open (then it is closed: one path after).
  let early: Promise<EarlyWriter | undefined> | undefined = deps
    .openEarlyWriter()
    .catch(() => undefined);
  function closeEarly(): void {
    void early?.then((writer) => writer?.close());
    early = undefined;
  }

  let needStorageNow: () => void = () => undefined;
  const needed = new Promise<void>((resolve) => (needStorageNow = resolve));
  const started = Promise.race([deps.startAfter.catch(() => undefined), needed]);

  let opened: Promise<KioskStorage> | undefined;
  function storage(): Promise<KioskStorage> {
    opened ??= started.then(deps.openStorage).then(
      (ready) => {
        storageStatus.set('ready');
        closeEarly();
        void noticeReset(ready.replica).catch(() => undefined);
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

  // A cold start places its first tap in the day by the zone offset the last run checked
  // ahead (no Intl on that path); once started, the offset is checked ahead again, and every
  // 12 hours while the kiosk runs.
  knowOffsetSpan(readOffsetSpanCopy());
  let offsetSpanTimer: ReturnType<typeof setInterval> | undefined;
  function rememberOffsetSpan(): void {
    const span = offsetSpanFrom(deps.now(), config.get().timeZone);
    knowOffsetSpan(span);
    writeOffsetSpanCopy(span);
  }

  void started
    .then(deps.loadConfig)
    .then(({ config: loaded, invalid }) => {
      config.set(loaded);
      configProblem.set(invalid);
    })
    .catch((error: unknown) => configProblem.set(String(error)))
    .then(() => {
      if (disposed) return;
      rememberOffsetSpan();
      offsetSpanTimer = setInterval(rememberOffsetSpan, OFFSET_SPAN_EVERY_MS);
    });

  function dayOf(instantMs: number) {
    const site = config.get();
    return {
      day: businessDayOf(instantMs, site.timeZone, site.cutoffHour),
      hour: localHourOf(instantMs, site.timeZone),
    };
  }

  /**
   * Records through the early connection while Dexie is not open yet; false when there is
   * none or it failed (the caller then takes the full path, which handles every failure).
   */
  async function recordEarly(inputs: EventInput[]): Promise<boolean> {
    const pending = early;
    if (pending === undefined) return false;
    let expire: () => void = () => undefined;
    const expired = new Promise<undefined>((resolve) => (expire = () => resolve(undefined)));
    const timer = setTimeout(expire, EARLY_OPEN_MS);
    const writer = await Promise.race([pending, expired]);
    clearTimeout(timer);
    if (writer === undefined) {
      // Never arrived (or there is no database yet): Dexie from here on; a late one is closed.
      if (early === pending) closeEarly();
      return false;
    }
    if (storageStatus.get() === 'ready') return false;
    try {
      await writer.record(inputs);
    } catch (error) {
      if (!isAlreadyStored(error)) return false;
    }
    stored.update((n) => n + 1);
    return true;
  }

  /** Stores one write: in full, or — when storage is full — as tally state alone. */
  async function attempt(inputs: EventInput[]): Promise<void> {
    if (early !== undefined && (await recordEarly(inputs))) return;
    needStorageNow();
    const ready = await storage();
    try {
      await attemptOn(ready, inputs);
    } catch (error) {
      if (!isReplicaChanged(error)) throw error;
      // The database was wiped and recreated under us: open it as it is now (its new
      // replica id, and the reset notice) and write there.
      ready.db.close();
      if (opened !== undefined && (await opened) === ready) opened = undefined;
      await attemptOn(await storage(), inputs);
    }
  }

  async function attemptOn(ready: KioskStorage, inputs: EventInput[]): Promise<void> {
    if (await recordOrQuota(ready, inputs)) return;
    storageProblem.set('quota');
    if (deps.now() - prunedForSpaceAt >= PRUNE_FOR_SPACE_EVERY_MS) {
      prunedForSpaceAt = deps.now();
      await pruneBefore(ready, dayOf(deps.now()).day).catch(() => 0);
      if (await recordOrQuota(ready, inputs)) return;
    }
    // Still short of space: the tally state alone keeps the count going.
    await recordCounted(ready, inputs, { withoutRawEvents: true });
  }

  /** True once stored in full; false on a quota error; any other error is thrown. */
  async function recordOrQuota(ready: KioskStorage, inputs: EventInput[]): Promise<boolean> {
    try {
      await recordCounted(ready, inputs);
      if (storageProblem.get() === 'quota') storageProblem.set(undefined);
      return true;
    } catch (error) {
      if (isQuotaError(error)) return false;
      throw error;
    }
  }

  async function recordCounted(
    ready: KioskStorage,
    inputs: EventInput[],
    options?: RecordOptions,
  ): Promise<void> {
    try {
      await ready.record(inputs, options);
    } catch (error) {
      // The ids were fixed before the first attempt: a constraint error means an earlier
      // attempt committed after all, so the events are stored.
      if (!isAlreadyStored(error)) throw error;
    }
    stored.update((n) => n + 1);
  }

  async function pruneBefore(ready: KioskStorage, before: string): Promise<number> {
    const [{ pruneRawEvents }, device] = await Promise.all([
      import('../storage/prune.ts'),
      readSetting('device'),
    ]);
    return pruneRawEvents(ready.db, {
      before,
      paired: typeof device === 'object' && device !== null,
    });
  }

  /** Remembers the replica id beside the pairing, and notices when the database was reset. */
  async function noticeReset(replica: string): Promise<void> {
    writeReplicaCopy(replica);
    const [remembered, device] = await Promise.all([readSetting('replica'), readSetting('device')]);
    const known = remembered as { id?: unknown; resetAt?: unknown } | undefined;
    if (known?.id === replica) {
      databaseReset.set(typeof known.resetAt === 'number');
      return;
    }
    const reset = typeof known?.id === 'string' && device !== undefined;
    await writeSetting('replica', reset ? { id: replica, resetAt: deps.now() } : { id: replica });
    databaseReset.set(reset);
  }

  function scheduleRetry(): void {
    if (retryTimer !== undefined || disposed) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void retryPending();
    }, deps.retryMs);
  }

  function retryPending(): Promise<void> {
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
    storageProblem,
    databaseReset,
    async dismissReset() {
      databaseReset.set(false);
      const ready = await storage();
      await writeSetting('replica', { id: ready.replica });
    },
    async checkHealth() {
      try {
        needStorageNow();
        const ready = await storage();
        const { checkHealth } = await import('../storage/events.ts');
        await checkHealth(ready.db, deps.now());
      } catch {
        return false;
      }
      await retryPending();
      return true;
    },
    flushPending: retryPending,
    async pruneRetention() {
      const ready = await storage();
      const { retentionStart } = await import('../storage/prune.ts');
      const today = dayOf(deps.now()).day;
      return pruneBefore(ready, retentionStart(today, config.get().retentionDays));
    },
    storage,
    needStorage: () => needStorageNow(),
    async write(work) {
      needStorageNow();
      const [ready, { writeWithReopen }] = await Promise.all([
        storage(),
        import('../storage/events.ts'),
      ]);
      return writeWithReopen(ready.db, () => work(ready));
    },
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
      clearInterval(offsetSpanTimer);
      closeEarly();
      if (retryTimer !== undefined) clearTimeout(retryTimer);
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
