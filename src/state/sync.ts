/**
 * Wires the sync loop to this tablet: pairing settings (idb-keyval), the database's waiting
 * days, the triggers (start, online, visible, every five minutes, after tallies and
 * closings), and a status that staff mode shows in plain Norwegian.
 */
import type { HeldDay, SyncLoop, SyncResult, SyncSettings, SyncTrigger } from '../sync/index.ts';
import type { KioskStore } from './kiosk-store.ts';
import { observable, type Observable } from './observable.ts';
import { readSetting, removeSetting, writeSetting } from '../storage/settings.ts';

/** Five minutes: the clock difference at which staff are warned (PROTOCOL.md). */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface SyncStatus {
  paired: boolean;
  endpoint?: string;
  site?: string;
  device?: string;
  lastSuccessAt?: number;
  lastAttemptAt?: number;
  lastError?: string;
  needsPairing: boolean;
  waitingDays: number;
  skewMs?: number;
  held: HeldDay[];
  running: boolean;
}

const EMPTY: SyncStatus = {
  paired: false,
  needsPairing: false,
  waitingDays: 0,
  held: [],
  running: false,
};

function isSettings(value: unknown): value is SyncSettings {
  const v = value as Partial<SyncSettings> | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.endpoint === 'string' &&
    typeof v.token === 'string'
  );
}

export interface SyncController {
  status: Observable<SyncStatus>;
  trigger(reason: SyncTrigger): Promise<void>;
  pair(settings: SyncSettings): Promise<void>;
  pairWithCode(endpoint: string, code: string): Promise<string | undefined>;
  /** Applies a `#/provision?c=…` link if the address holds one; returns a message to show. */
  provisionFromLocation(): Promise<{ ok: boolean; message: string } | undefined>;
  settings(): Promise<SyncSettings | undefined>;
  stop(): void;
}

export interface SyncControllerDeps {
  fetch: typeof fetch;
  app: string;
  /** Whether to listen to window events and run every five minutes. */
  autoTriggers: boolean;
  /** Start (read settings, first sync) once this settles: the app waits for the first paint. */
  startAfter: Promise<unknown>;
}

export function createSyncController(
  store: KioskStore,
  overrides: Partial<SyncControllerDeps> = {},
): SyncController {
  const deps: SyncControllerDeps = {
    fetch: (...args) => fetch(...args),
    app: `terskel/${typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev'}`,
    autoTriggers: true,
    startAfter: Promise.resolve(),
    ...overrides,
  };
  const status = observable<SyncStatus>(EMPTY);
  const held = new Map<string, HeldDay>();
  let loop: SyncLoop | undefined;
  const cleanups: Array<() => void> = [];

  const persist = () => {
    const { running: _running, ...rest } = status.get();
    void writeSetting('syncStatus', rest).catch(() => undefined);
  };

  async function settings(): Promise<SyncSettings | undefined> {
    const stored = await readSetting('device');
    return isSettings(stored) ? stored : undefined;
  }

  async function refreshWaiting(): Promise<void> {
    try {
      const { db } = await store.storage();
      const { countWaitingDays } = await import('../storage/sync-state.ts');
      const waitingDays = await countWaitingDays(db);
      status.update((current) => ({ ...current, waitingDays }));
    } catch {
      // storage unavailable: the door says so
    }
  }

  // Bumped by every pairing: a run that started under an older pairing must neither
  // acknowledge days (the new endpoint has not seen them) nor report its 401 as current.
  let pairing = 0;

  async function run(): Promise<SyncResult | undefined> {
    const current = await settings();
    await refreshWaiting();
    if (!current || status.get().needsPairing) return undefined;
    const generation = pairing;
    const stillCurrent = () => generation === pairing;
    const [{ db }, storage, sync] = await Promise.all([
      store.storage(),
      import('../storage/sync-state.ts'),
      import('../sync/index.ts'),
    ]);
    status.update((s) => ({ ...s, running: true, lastAttemptAt: store.now() }));
    let result: SyncResult;
    try {
      result = await sync.syncOnce({
        source: {
          waitingDays: () => storage.waitingDays(db),
          acknowledge: (day) =>
            stillCurrent()
              ? store.write(({ db: ready }) => storage.acknowledgeDay(ready, day))
              : Promise.resolve(),
        },
        settings: current,
        fetch: deps.fetch,
        now: store.now,
        app: deps.app,
        held,
      });
    } finally {
      status.update((s) => ({ ...s, running: false }));
    }
    if (!stillCurrent()) return undefined; // paired again meanwhile: the next run counts
    held.clear();
    if (result.kind === 'done') for (const day of result.held) held.set(sync.heldKey(day), day);
    status.update((s) => {
      const next: SyncStatus = { ...s, held: [...held.values()] };
      if (result.kind === 'done') {
        next.lastSuccessAt = store.now();
        delete next.lastError;
        if (result.skewMs !== undefined) next.skewMs = result.skewMs;
      } else {
        next.lastError =
          result.status === 0 ? `Ingen kontakt med serveren (${result.message})` : result.message;
        if (result.kind === 'unauthorized') next.needsPairing = true;
      }
      return next;
    });
    await refreshWaiting();
    persist();
    return result;
  }

  async function ensureLoop(): Promise<SyncLoop> {
    if (loop) return loop;
    const { createSyncLoop, SYNC_INTERVAL_MS } = await import('../sync/loop.ts');
    loop = createSyncLoop({
      run,
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    });
    if (deps.autoTriggers) {
      // After a tally: wait for the burst of taps to settle, then upload once.
      let tallyTimer: ReturnType<typeof setTimeout> | undefined;
      const unsubscribe = store.stored.subscribe(() => {
        clearTimeout(tallyTimer);
        tallyTimer = setTimeout(() => void loop?.trigger('tally'), 2000);
      });
      cleanups.push(unsubscribe, () => clearTimeout(tallyTimer));
      const online = () => void loop?.trigger('online');
      const visible = () => document.visibilityState === 'visible' && void loop?.trigger('visible');
      addEventListener('online', online);
      document.addEventListener('visibilitychange', visible);
      const interval = setInterval(() => void loop?.trigger('interval'), SYNC_INTERVAL_MS);
      cleanups.push(
        () => removeEventListener('online', online),
        () => document.removeEventListener('visibilitychange', visible),
        () => clearInterval(interval),
      );
    }
    return loop;
  }

  async function pair(next: SyncSettings): Promise<void> {
    pairing += 1;
    await writeSetting('device', next);
    try {
      const storage = await import('../storage/sync-state.ts');
      await store.write(({ db }) => storage.markAllWaiting(db));
    } catch {
      // No database here: nothing to send again.
    }
    held.clear();
    status.update((s) => ({
      ...s,
      paired: true,
      needsPairing: false,
      endpoint: next.endpoint,
      site: next.site,
      device: next.device,
    }));
    persist();
    void trigger('manual').catch(() => undefined);
  }

  async function trigger(reason: SyncTrigger): Promise<void> {
    return (await ensureLoop()).trigger(reason);
  }

  /** The endpoint's totals of all the site's tablets, after sending what waits here. */
  async function readEndpointTotals(from: string, to: string) {
    const current = await settings();
    if (!current || status.get().needsPairing) throw new Error('not paired');
    await withTimeout(trigger('manual'), ENDPOINT_READ_TIMEOUT_MS);
    const { getSiteDays } = await import('../sync/client.ts');
    const answer = await withTimeout(
      getSiteDays(deps.fetch, current, from, to),
      ENDPOINT_READ_TIMEOUT_MS,
    );
    if (!answer.ok) throw new Error(answer.message);
    return answer.body.days;
  }

  // Load what is known, then start.
  void (async () => {
    await deps.startAfter;
    const reports = await import('./reports.ts');
    reports.provideEndpointTotals(store, readEndpointTotals);
    const [current, saved] = await Promise.all([settings(), readSetting('syncStatus')]);
    const restored = (
      typeof saved === 'object' && saved !== null ? saved : {}
    ) as Partial<SyncStatus>;
    status.set({
      ...EMPTY,
      ...restored,
      held: [],
      running: false,
      paired: current !== undefined,
      ...(current
        ? { endpoint: current.endpoint, site: current.site, device: current.device }
        : {}),
    });
  })()
    // Even if settings could not be read, the start trigger goes: a run reads them again.
    .catch(() => undefined)
    .then(() => (deps.autoTriggers ? trigger('start') : undefined))
    .catch(() => undefined);

  return {
    status,
    trigger,
    pair,
    settings,
    async pairWithCode(endpoint, code) {
      const { pairWithCode } = await import('../sync/pairing.ts');
      const result = await pairWithCode(deps.fetch, endpoint, code);
      if ('error' in result) return result.error;
      await pair(result.settings);
      return undefined;
    },
    async provisionFromLocation() {
      if (!location.hash.startsWith('#/provision')) return undefined;
      const { readProvisioningHash } = await import('../sync/pairing.ts');
      const read = readProvisioningHash(location.hash);
      // The token must not stay in the address bar or the history.
      history.replaceState(null, '', `${location.pathname}${location.search}#/`);
      if (!read?.settings) return { ok: false, message: read?.error ?? 'Lenken er ikke gyldig.' };
      await pair(read.settings);
      return { ok: true, message: `Nettbrettet er koblet til ${read.settings.site}.` };
    },
    stop() {
      loop?.stop();
      for (const cleanup of cleanups) cleanup();
    },
  };
}

/** How long the closing screen waits for the endpoint before showing the tablet's own totals. */
const ENDPOINT_READ_TIMEOUT_MS = 5000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Forgets the pairing (the counts stay on the tablet). */
export function forgetPairing(): Promise<void> {
  return removeSetting('device');
}
