/**
 * The tablet's health: the facts the lead's self-test shows (and a later upload sends to the
 * endpoint), gathered each within a bounded wait, and the pure rule that turns them into check
 * lines. It holds plain, bounded data only — never a name, an address or free text.
 */
import type { MessageKey } from '../i18n/index.ts';
import { readEndpointClock, type ClockReading } from '../sync/index.ts';
import { readLastExportAt } from './export.ts';
import type { KioskStore } from './kiosk-store.ts';
import { platformState, storageEstimate } from './platform.ts';
import { MAX_CLOCK_SKEW_MS, type SyncController } from './sync.ts';
import { wakeLockStatus, type WakeLockStatus } from './wake-lock.ts';

/** How long a fact may take (a storage manager, the endpoint) before it counts as unknown. */
export const FACT_TIMEOUT_MS = 5000;
/** A paired tablet whose last sync is older than this is told to get online. */
export const SYNC_STALE_MS = 24 * 60 * 60 * 1000;
/** An unpaired tablet whose last export is older than this is told to take one. */
export const EXPORT_STALE_MS = 7 * 24 * 60 * 60 * 1000;
/** The share of the quota from which storage counts as nearly full. */
export const SPACE_WARN_SHARE = 0.8;

/** Where the clock's difference came from, or why there is none. */
export type ClockSource = 'endpoint' | 'last-upload' | 'unreachable' | 'unreadable' | 'not-paired';

/** The tablet's health as plain JSON data: times in ms since the epoch, unknowns as null. */
export interface TabletHealth {
  appVersion: string;
  checkedAt: number;
  /** Installed (a home-screen or installed app) or in a browser tab; `ios`: an iPad or iPhone. */
  display: { standalone: boolean; ios: boolean };
  storage: { persisted: boolean | null; usageBytes: number | null; quotaBytes: number | null };
  /** Whether a service worker controls the page (the app starts offline) and one waits. */
  offline: { serviceWorker: boolean; controlled: boolean; updateWaiting: boolean };
  wakeLock: WakeLockStatus;
  /** The endpoint's clock minus this tablet's. */
  clock: { skewMs: number | null; source: ClockSource };
  sync: { paired: boolean; needsPairing: boolean; lastSuccessAt: number | null };
  lastExportAt: number | null;
  /** Taps (writes) kept in memory because storing them failed so far. */
  unsavedTaps: number;
}

/** Where each fact comes from: the browser's in `browserHealthSources`, a test's own. */
export interface HealthSources {
  now(): number;
  appVersion: string;
  display(): TabletHealth['display'];
  persisted(): Promise<boolean | undefined>;
  estimate(): Promise<{ usage: number; quota: number } | undefined>;
  serviceWorker(): { supported: boolean; controlled: boolean };
  updateWaiting(): boolean;
  wakeLock(): WakeLockStatus;
  sync(): { paired: boolean; needsPairing: boolean; lastSuccessAt?: number; skewMs?: number };
  /** Reads the endpoint's clock now; undefined when the tablet is not paired. */
  endpointClock(): Promise<ClockReading | undefined>;
  lastExportAt(): Promise<number | undefined>;
  unsavedTaps(): number;
  timeoutMs?: number;
}

/** A promise's value, or `fallback` if it fails or takes longer than `ms`. */
function within<T>(promise: () => Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    const settle = (value: T) => {
      clearTimeout(timer);
      resolve(value);
    };
    try {
      promise().then(settle, () => settle(fallback));
    } catch {
      settle(fallback);
    }
  });
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

function clockOf(
  reading: ClockReading | undefined,
  sync: ReturnType<HealthSources['sync']>,
): TabletHealth['clock'] {
  if (!sync.paired || reading === undefined) return { skewMs: null, source: 'not-paired' };
  if ('skewMs' in reading) return { skewMs: Math.round(reading.skewMs), source: 'endpoint' };
  // An endpoint that hides its Date header still told the last upload its time.
  if (reading.problem === 'unreadable' && sync.skewMs !== undefined) {
    return { skewMs: Math.round(sync.skewMs), source: 'last-upload' };
  }
  return { skewMs: null, source: reading.problem };
}

/** Gathers the facts; none takes longer than the timeout, and none can fail the whole. */
export async function gatherTabletHealth(sources: HealthSources): Promise<TabletHealth> {
  const ms = sources.timeoutMs ?? FACT_TIMEOUT_MS;
  const sync = sources.sync();
  const [persisted, estimate, clock, lastExportAt] = await Promise.all([
    within(sources.persisted, ms, undefined),
    within(sources.estimate, ms, undefined),
    within(sources.endpointClock, ms, { problem: 'unreachable' } as ClockReading),
    within(sources.lastExportAt, ms, undefined),
  ]);
  const worker = sources.serviceWorker();
  return {
    appVersion: sources.appVersion.slice(0, 40),
    checkedAt: sources.now(),
    display: sources.display(),
    storage: {
      persisted: orNull(persisted),
      usageBytes: orNull(estimate?.usage),
      quotaBytes: orNull(estimate?.quota),
    },
    offline: {
      serviceWorker: worker.supported,
      controlled: worker.controlled,
      updateWaiting: sources.updateWaiting(),
    },
    wakeLock: sources.wakeLock(),
    clock: clockOf(clock, sync),
    sync: {
      paired: sync.paired,
      needsPairing: sync.needsPairing,
      lastSuccessAt: orNull(sync.lastSuccessAt),
    },
    lastExportAt: orNull(lastExportAt),
    unsavedTaps: sources.unsavedTaps(),
  };
}

/** Whether the page runs as an installed app; iOS is told apart by `navigator.standalone`. */
export function displayOf(
  matchMedia: ((query: string) => { matches: boolean }) | undefined,
  navigatorLike: { standalone?: unknown },
): TabletHealth['display'] {
  const ios = typeof navigatorLike.standalone === 'boolean';
  const standalone =
    navigatorLike.standalone === true ||
    matchMedia?.('(display-mode: standalone)').matches === true;
  return { standalone, ios };
}

/** The facts of this browser, this store and (when sync has loaded) this sync controller. */
export function browserHealthSources(
  store: KioskStore,
  sync: SyncController | undefined,
): HealthSources {
  return {
    now: store.now,
    appVersion: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev',
    display: () =>
      displayOf(
        typeof matchMedia === 'function' ? (query) => matchMedia(query) : undefined,
        navigator as { standalone?: unknown },
      ),
    persisted: async () => navigator.storage?.persisted?.(),
    estimate: storageEstimate,
    serviceWorker: () => ({
      supported: 'serviceWorker' in navigator,
      controlled: Boolean(navigator.serviceWorker?.controller),
    }),
    updateWaiting: () => platformState.get().updateWaiting,
    wakeLock: wakeLockStatus,
    sync: () => (sync ? sync.status.get() : { paired: false, needsPairing: false }),
    endpointClock: async () => {
      const settings = await sync?.settings();
      if (settings === undefined) return undefined;
      return readEndpointClock((...args) => fetch(...args), settings.endpoint, store.now);
    },
    lastExportAt: readLastExportAt,
    unsavedTaps: () => store.pending.get().length,
  };
}

export type CheckId =
  | 'installed'
  | 'persisted'
  | 'space'
  | 'offline'
  | 'update'
  | 'wakeLock'
  | 'clock'
  | 'sync'
  | 'export';

/** ok: nothing to do; warn: the message says what to do; unknown: the message says why. */
export type CheckStatus = 'ok' | 'warn' | 'unknown';

export interface CheckLine {
  check: CheckId;
  status: CheckStatus;
  message: MessageKey;
  /** The message's values: an instant in ms (`at`), bytes (`used`, `quota`), whole minutes. */
  values?: { at?: number; used?: number; quota?: number; minutes?: number };
}

/** The self-test's lines, in the order the screen shows them. */
export function healthChecks(health: TabletHealth): CheckLine[] {
  const now = health.checkedAt;
  const { storage, offline, clock, sync } = health;
  const paired = sync.paired && !sync.needsPairing;
  const lines: CheckLine[] = [];
  const line = (
    check: CheckId,
    status: CheckStatus,
    message: MessageKey,
    values?: CheckLine['values'],
  ) => lines.push(values ? { check, status, message, values } : { check, status, message });

  if (health.display.standalone) line('installed', 'ok', 'selfTest.installed.ok');
  else if (health.display.ios) line('installed', 'warn', 'selfTest.installed.ios');
  else line('installed', 'warn', 'selfTest.installed.browser');

  if (storage.persisted === null) line('persisted', 'unknown', 'selfTest.persisted.unknown');
  else if (storage.persisted) line('persisted', 'ok', 'selfTest.persisted.ok');
  else line('persisted', 'warn', 'selfTest.persisted.warn');

  if (storage.usageBytes === null || storage.quotaBytes === null || storage.quotaBytes <= 0) {
    line('space', 'unknown', 'storage.usageUnknown');
  } else {
    const values = { used: storage.usageBytes, quota: storage.quotaBytes };
    if (storage.usageBytes >= storage.quotaBytes * SPACE_WARN_SHARE) {
      line('space', 'warn', 'selfTest.space.warn', values);
    } else line('space', 'ok', 'selfTest.space.ok', values);
  }

  if (!offline.serviceWorker) line('offline', 'warn', 'selfTest.offline.unsupported');
  else if (!offline.controlled) line('offline', 'warn', 'selfTest.offline.reload');
  else line('offline', 'ok', 'selfTest.offline.ok');

  if (offline.updateWaiting) line('update', 'warn', 'selfTest.update.waiting');
  else line('update', 'ok', 'selfTest.update.ok');

  if (health.wakeLock === 'held') line('wakeLock', 'ok', 'selfTest.wakeLock.ok');
  else line('wakeLock', 'warn', 'selfTest.wakeLock.warn');

  if (clock.skewMs === null) {
    line(
      'clock',
      'unknown',
      clock.source === 'not-paired' ? 'selfTest.clock.notPaired' : 'selfTest.clock.unknown',
    );
  } else if (Math.abs(clock.skewMs) <= MAX_CLOCK_SKEW_MS) {
    line('clock', 'ok', 'selfTest.clock.ok');
  } else {
    line('clock', 'warn', 'selfTest.clock.warn', {
      minutes: Math.round(Math.abs(clock.skewMs) / 60_000),
    });
  }

  if (!sync.paired) line('sync', 'unknown', 'selfTest.sync.notPaired');
  else if (sync.needsPairing) line('sync', 'warn', 'selfTest.sync.pairAgain');
  else if (sync.lastSuccessAt === null) line('sync', 'warn', 'selfTest.sync.never');
  else if (now - sync.lastSuccessAt > SYNC_STALE_MS) {
    line('sync', 'warn', 'selfTest.sync.stale', { at: sync.lastSuccessAt });
  } else line('sync', 'ok', 'selfTest.sync.ok', { at: sync.lastSuccessAt });

  const exported = health.lastExportAt;
  if (exported !== null && now - exported <= EXPORT_STALE_MS) {
    line('export', 'ok', 'selfTest.export.ok', { at: exported });
  } else if (paired) {
    // The endpoint keeps a copy of the counts: an export is a choice, not a safeguard.
    if (exported === null) line('export', 'ok', 'selfTest.export.none');
    else line('export', 'ok', 'selfTest.export.ok', { at: exported });
  } else line('export', 'warn', 'selfTest.export.warn');

  return lines;
}
