/**
 * The tablet's health: the facts the lead's self-test shows (and a later upload sends to the
 * endpoint), gathered each within a bounded wait; the pure rule that turns them into check
 * lines is health-checks.ts's (re-exported here, the self-test's one face). It holds plain,
 * bounded data only — never a name, an address or free text.
 */
import type { Health } from '../shared/protocol.ts';
import { readEndpointClock, type ClockReading } from '../sync/index.ts';
import { readSetting } from '../storage/settings.ts';
import type { KioskStore } from './kiosk-store.ts';
import { platformState, storageEstimate } from './platform.ts';
import type { SyncController, SyncError } from './sync.ts';
import { wakeLockStatus, type WakeLockStatus } from './wake-lock.ts';

/** How long a fact may take (a storage manager, the endpoint) before it counts as unknown. */
export const FACT_TIMEOUT_MS = 5000;

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
    // The setting export.ts writes, read here: importing export.ts would move it out of staff
    // mode's chunk into one of its own now that sync gathers health too.
    lastExportAt: () => readSetting('lastExport'),
    unsavedTaps: () => store.pending.get().length,
  };
}

export * from './health-checks.ts';

// Control and bidi characters out, then at most `max` characters: the protocol's plain text.
const plain = (text: string, max: number) =>
  text.replace(/[\p{Cc}\p{Bidi_Control}]/gu, '').slice(0, max);

/**
 * The health an upload carries (PROTOCOL.md, version 2): the self-test's facts, bounded as the
 * protocol wants them, with the last sync error as a short line and the clock as it was read.
 */
export function uploadHealthOf(health: TabletHealth, lastError?: SyncError): Health {
  return {
    appVersion: plain(health.appVersion, 32),
    installed: health.display.standalone,
    ...health.storage,
    unsavedTaps: health.unsavedTaps,
    lastError: lastError ? plain(`${lastError.code}: ${lastError.detail}`, 120) : null,
    clock: new Date(health.checkedAt).toISOString(),
  };
}

/** The health for a sync pass: the self-test's sources, without its look at the endpoint. */
export async function healthForUpload(store: KioskStore, sync: SyncController): Promise<Health> {
  const sources = browserHealthSources(store, sync);
  sources.endpointClock = async () => undefined;
  return uploadHealthOf(await gatherTabletHealth(sources), sync.status.get().lastError);
}
