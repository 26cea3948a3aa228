/**
 * The kiosk's state, composed of small stores (./kiosk/ and ./cold-start/), each owning one
 * concern. It keeps the promise that a tap is never dropped: one attempt takes the early
 * connection, else the open database (reopened once after a wipe, with room made when it is
 * full); a write that still fails is kept and retried, and callers are told whether it stored.
 */
import { answerEvents, checkInEvent } from '../domain/door-events.ts';
import type { SiteConfig } from '../shared/site-config.ts';
import type { EventInput } from '../storage/index.ts';
import {
  createEarlyWrites,
  createShellTap,
  openBrowserEarlyWriter,
  type EarlyWriter,
  type ShellTap,
} from './cold-start/index.ts';
import { createConfigStore, type ConfigStore } from './kiosk/config.ts';
import {
  createConnection,
  openBrowserStorage,
  type Connection,
  type KioskStorage,
} from './kiosk/connection.ts';
import { createOffsetSpanStore } from './kiosk/offset-span.ts';
import { createQuotaStore, pruneRawEventsBefore, type QuotaStore } from './kiosk/quota.ts';
import { createReplicaResetStore, type ReplicaResetStore } from './kiosk/replica-reset.ts';
import { createWriteQueue, type WriteOutcome, type WriteQueue } from './kiosk/writes.ts';
import { observable, type Observable } from './observable.ts';
import { loadConfig } from './site-config.ts';

export type { EarlyWriter, ShellTap } from './cold-start/index.ts';
export { openBrowserEarlyWriter } from './cold-start/index.ts';
export { openBrowserStorage, type KioskStorage, type StorageStatus } from './kiosk/connection.ts';
export type { StorageProblem } from './kiosk/quota.ts';
export type { PendingWrite, WriteOutcome } from './kiosk/writes.ts';

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
  /** Whether the HTML shell's button was tapped before the app ran (cold-start/hand-over.ts). */
  shellTapped?(): boolean;
}

const defaultDeps: KioskDeps = {
  openStorage: openBrowserStorage,
  openEarlyWriter: openBrowserEarlyWriter,
  now: () => Date.now(),
  retryMs: 3000,
  loadConfig,
  startAfter: Promise.resolve(),
};

/** The kiosk store: its parts' faces (see each module), and what it adds of its own. */
export interface KioskStore
  extends
    Pick<ConfigStore, 'config' | 'configProblem' | 'setConfig' | 'dayOf'>,
    Pick<Connection, 'storageStatus' | 'storage' | 'needStorage' | 'write'>,
    Pick<WriteQueue, 'pending' | 'stored' | 'record'>,
    Pick<QuotaStore, 'storageProblem'>,
    Pick<ReplicaResetStore, 'databaseReset'> {
  /** A one-off message for the door (a pairing confirmed), cleared by the door. */
  notice: Observable<string | undefined>;
  /** Clears the reset notice until the database is reset again. */
  dismissReset(): Promise<void>;
  /** A tiny read/write; on failure reopens the database. Then writes what is pending. */
  checkHealth(): Promise<boolean>;
  /** Writes what is pending now (one flush at a time); resolves when it has tried each. */
  flushPending(): Promise<void>;
  /** Prunes raw events past retention whose day has left the tablet; returns how many. */
  pruneRetention(): Promise<number>;
  /** One visitor at the door. */
  checkIn(): Promise<WriteOutcome>;
  /**
   * Counts the visitor's answer to one door question (`no-answer` for a skip or time-out) on
   * its own counter without an hour, or moves the check-in when the answer counts elsewhere.
   */
  answer(checkIn: EventInput, questionId: string, optionId: string): Promise<WriteOutcome>;
  /** The tap made on the HTML shell before the app ran: the door takes it from here. */
  shellTap: ShellTap;
  now(): number;
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
  const early = createEarlyWrites({
    openEarlyWriter: deps.openEarlyWriter,
    dexieOpen: () => connection.storageStatus.get() === 'ready',
  });
  const reset = createReplicaResetStore({ now: deps.now });
  const connection = createConnection({
    openStorage: deps.openStorage,
    startAfter: deps.startAfter,
    onOpen(ready) {
      early.close();
      void reset.notice(ready.replica).catch(() => undefined);
    },
  });
  const settings = createConfigStore({
    initialConfig,
    loadConfig: deps.loadConfig,
    startAfter: connection.started,
  });
  const offsetSpan = createOffsetSpanStore({
    now: deps.now,
    timeZone: () => settings.config.get().timeZone,
  });
  void settings.loaded.then(offsetSpan.start);
  const today = () => settings.dayOf(deps.now()).day;
  const quota = createQuotaStore({ now: deps.now, today });
  const writes = createWriteQueue({
    retryMs: deps.retryMs,
    async attempt(inputs) {
      if (early.open() && (await early.record(inputs))) return;
      await connection.run((ready) => quota.record(ready, inputs));
    },
  });
  const record = writes.record;
  const checkIn = () => {
    const at = deps.now();
    return record([checkInEvent(settings.config.get(), at, settings.dayOf(at))]);
  };

  // The parts' faces, spread in (smaller in the first-paint bundle than naming each member);
  // the members written below are the store's own and win over a part's of the same name.
  return {
    ...settings,
    ...connection,
    ...writes,
    ...quota,
    ...reset,
    notice: observable<string | undefined>(undefined),
    dismissReset: () => reset.dismiss(connection.storage().then((ready) => ready.replica)),
    async checkHealth() {
      if (!(await connection.healthy(deps.now()))) return false;
      await writes.flush();
      return true;
    },
    flushPending: writes.flush,
    async pruneRetention() {
      const ready = await connection.storage();
      const { retentionStart } = await import('../storage/index.ts');
      const before = retentionStart(today(), settings.config.get().retentionDays);
      return pruneRawEventsBefore(ready, before);
    },
    record,
    checkIn,
    answer(checkIn, questionId, optionId) {
      const config = settings.config.get();
      const events = answerEvents(config, checkIn, questionId, optionId, deps.now());
      if (events.length === 0) return Promise.resolve({ stored: true, events: [] });
      return record(events);
    },
    shellTap: createShellTap(checkIn, deps.shellTapped),
    now: deps.now,
    dispose() {
      offsetSpan.dispose();
      early.close();
      writes.dispose();
    },
  };
}
