/**
 * Wires sync to this tablet: pairing settings (idb-keyval), the runs (sync-runs.ts: the loop,
 * its triggers and the database's waiting days) and a status (sync-status.ts) staff mode words.
 * It returns codes, never sentences: the screens word them through i18n.
 */
import type { SyncSettings, SyncTrigger } from '../sync/index.ts';
import { readSetting, removeSetting, writeSetting } from '../storage/settings.ts';
import { createConfigSync, doorBusy, type ConfigSync } from './config-sync.ts';
import { endpointTotalsReader } from './endpoint-totals.ts';
import type { KioskStore } from './kiosk-store.ts';
import { observable, type Observable } from './observable.ts';
import type { EndpointTotalsReader } from './reports.ts';
import {
  pairByCode,
  pairByLocation,
  type LinkOutcome,
  type PairingOutcome,
  type PendingLink,
} from './sync-pairing.ts';
import { createSyncRuns } from './sync-runs.ts';
import { EMPTY_STATUS, keptStatus, restoredStatus } from './sync-status.ts';
import type { SyncStatus } from './sync-status.ts';

export type { ConfigSync, ConfigSyncState } from './config-sync.ts';
export { MAX_CLOCK_SKEW_MS, type SyncError, type SyncStatus } from './sync-status.ts';
export type { LinkOutcome, PairingOutcome, PendingLink } from './sync-pairing.ts';

export interface SyncController {
  status: Observable<SyncStatus>;
  trigger(reason: SyncTrigger): Promise<void>;
  pair(settings: SyncSettings): Promise<void>;
  pairWithCode(endpoint: string, code: string): Promise<PairingOutcome>;
  /**
   * Takes a `#/provision?c=…` link out of the address (undefined when it holds none): a fresh
   * tablet pairs at once; a tablet that is set up keeps it as `pendingLink` for the lead.
   */
  provisionFromLocation(): Promise<LinkOutcome | undefined>;
  /** A link that waits for the lead's yes (staff mode shows where it leads). */
  pendingLink: Observable<PendingLink | undefined>;
  /** Pairs with the pending link; it is gone once it paired or its code can never work. */
  confirmLink(): Promise<PairingOutcome | undefined>;
  /** Forgets the pending link: nothing changes. */
  dismissLink(): void;
  settings(): Promise<SyncSettings | undefined>;
  /** The endpoint's totals of all the site's tablets, after sending what waits here. */
  readEndpointTotals: EndpointTotalsReader;
  /** The site's published configuration as this tablet follows it (config-sync.ts). */
  config: ConfigSync;
  stop(): void;
}

export interface SyncControllerDeps {
  fetch: typeof fetch;
  app: string;
  /** Whether to listen to window events and run every five minutes. */
  autoTriggers: boolean;
  /** Start (read settings, first sync) once this settles: the app waits for the first paint. */
  startAfter: Promise<unknown>;
  /** Whether a link must wait for the lead: the tablet is paired or has its PINs. */
  linkNeedsLead(): Promise<boolean>;
  /** Whether a published configuration must wait: a staff screen is open or the door in use. */
  doorBusy(): boolean;
}

export function createSyncController(
  store: KioskStore,
  overrides: Partial<SyncControllerDeps> = {},
): SyncController {
  const settings = () => readSetting('device');
  const deps: SyncControllerDeps = {
    fetch: (...args) => fetch(...args),
    app: `terskel/${typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev'}`,
    autoTriggers: true,
    startAfter: Promise.resolve(),
    linkNeedsLead: async () =>
      (await settings()) !== undefined || (await readSetting('pins')) !== undefined,
    doorBusy,
    ...overrides,
  };
  const status = observable<SyncStatus>(EMPTY_STATUS);
  const pendingLink = observable<PendingLink | undefined>(undefined);
  const persist = () => void writeSetting('syncStatus', keptStatus(status.get())).catch(() => {});

  async function pair(next: SyncSettings): Promise<void> {
    runs.newPairing();
    const before = await settings();
    await writeSetting('device', next);
    // Another endpoint or site counts its versions anew: the tablet follows none of them yet.
    if (before?.endpoint !== next.endpoint || before.site !== next.site) await config.forget();
    try {
      const storage = await import('../storage/index.ts');
      await store.write(({ db }) => storage.markAllWaiting(db));
    } catch {
      // No database here: nothing to send again.
    }
    runs.forgetHeld();
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

  const config = createConfigSync(
    store,
    deps.fetch,
    () => void trigger('manual').catch(() => undefined),
    deps.doorBusy,
  );

  // The self-test's facts, loaded only when a pass sends something.
  const health = () =>
    import('./tablet-health.ts').then((m) => m.healthForUpload(store, controller));
  const runs = createSyncRuns(store, status, settings, deps, config, persist, health);
  const { trigger } = runs;

  const readEndpointTotals = endpointTotalsReader({
    fetch: deps.fetch,
    pairing: async () => (status.get().needsPairing ? undefined : settings()),
    send: () => trigger('manual'),
  });

  // Load what is known, then start.
  void (async () => {
    await deps.startAfter;
    const [current, kept] = await Promise.all([settings(), readSetting('syncStatus')]);
    status.set(restoredStatus(kept, current));
  })()
    // Even if settings could not be read, the start trigger goes: a run reads them again.
    .catch(() => undefined)
    .then(() => (deps.autoTriggers ? trigger('start') : undefined))
    .catch(() => undefined);

  const controller: SyncController = {
    status,
    trigger,
    pair,
    settings,
    readEndpointTotals,
    config,
    pairWithCode: (endpoint, code) => pairByCode(deps.fetch, pair, endpoint, code),
    pendingLink,
    async provisionFromLocation() {
      const outcome = await pairByLocation(
        (link) => pairByCode(deps.fetch, pair, link.endpoint, link.code),
        deps.linkNeedsLead,
      );
      if (outcome?.code === 'confirm') pendingLink.set(outcome.link);
      return outcome;
    },
    async confirmLink() {
      const link = pendingLink.get();
      if (!link) return undefined;
      const outcome = await pairByCode(deps.fetch, pair, link.endpoint, link.code);
      // Keep the link only while trying again could help (no contact, too many tries).
      if (outcome.code !== 'no-contact' && outcome.code !== 'too-many') pendingLink.set(undefined);
      return outcome;
    },
    dismissLink: () => pendingLink.set(undefined),
    stop() {
      runs.stop();
      config.stop();
    },
  };
  return controller;
}

/** Forgets the pairing (the counts stay on the tablet). */
export function forgetPairing(): Promise<void> {
  return removeSetting('device');
}
