/**
 * The site's configuration as it travels (PROTOCOL.md, "Configuration travels"), the part that
 * works offline: which version the tablet follows, whether the lead's saves are still "ikke
 * publisert", and a new time zone or cut-off hour taken on when the business day rolls over.
 * Talking to the endpoint, applying what it sent and the lead's choices are config-travel.ts's,
 * loaded only once a sync run has reached the endpoint (never precached). It returns state,
 * never sentences: staff mode words it.
 */
import type { PublishedConfig } from '../shared/config-publication.ts';
import type { SiteConfig } from '../shared/site-config.ts';
import { readSetting, writeSetting, type SettingValue } from '../storage/settings.ts';
import type { Fetch, SyncSettings } from '../sync/index.ts';
import type { KioskStore } from './kiosk-store.ts';
import { observable, type Observable } from './observable.ts';
import { saveConfig } from './site-config.ts';

/** What is kept (settings key `configSync`), and what waits in memory. */
export type ConfigSyncState = SettingValue<'configSync'> & {
  /** A newer version, validated, waiting until no staff screen is open and the door is idle. */
  pending?: PublishedConfig;
  /** The endpoint's version the lead must compare with: on the first follow, or after a 409. */
  review?: { kind: 'first' | 'conflict'; current: PublishedConfig };
  /** A published version the schema refused (never applied): its version and first issue. */
  invalid?: { version: number; issue: string };
  /** The endpoint's 400 issues for this tablet's publish, each `path: message`. */
  issues?: string[];
};

export interface ConfigSync {
  state: Observable<ConfigSyncState>;
  /** One sync run's configuration step, after the upload. */
  run(settings: SyncSettings): Promise<void>;
  /** The lead saved settings or a plan: publish them on the next run (and until one works). */
  changed(): Promise<void>;
  /** The lead's answer to a difference: take the endpoint's version, or publish the tablet's. */
  choose(choice: 'theirs' | 'mine'): Promise<void>;
  /** The tablet's configuration with a deferred time zone and cut-off hour taken on. */
  ownConfig(): SiteConfig;
  /** Paired with another endpoint or site: it follows no version, and nothing waits. */
  forget(): Promise<void>;
  /** Stops listening for the door's input and staff mode's closing. */
  stop(): void;
}

/** What config-travel.ts works with. */
export interface ConfigTravelContext {
  store: KioskStore;
  fetch: Fetch;
  state: Observable<ConfigSyncState>;
  update(change: Partial<ConfigSyncState>): Promise<void>;
  /** The tablet's configuration with a deferred time zone and cut-off hour taken on. */
  ownConfig(): SiteConfig;
  /** Staff mode is open or the door in use: a pending version waits. */
  busy(): boolean;
  /** Runs a sync now. */
  trigger(): void;
}

let lastInputAt = 0;
/** Staff mode is open, or someone touched the door in the last ten seconds. */
export const doorBusy = (): boolean =>
  location.hash.startsWith('#/staff') || Date.now() - lastInputAt < 10_000;

export function createConfigSync(
  store: KioskStore,
  fetch: Fetch,
  trigger: () => void,
  busy: () => boolean,
): ConfigSync {
  const state = observable<ConfigSyncState>({ following: 0 });
  const loaded = readSetting('configSync').then((kept) => kept && state.set(kept));
  const context: ConfigTravelContext = {
    store,
    fetch,
    state,
    busy,
    trigger,
    async update(change) {
      await loaded;
      state.set({ ...state.get(), ...change });
      const { following, unpublished, deferred } = state.get();
      await writeSetting('configSync', { following, unpublished, deferred });
    },
    ownConfig() {
      const { day: _day, ...deferred } = state.get().deferred ?? {};
      return { ...store.config.get(), ...deferred };
    },
  };
  const travel = () => import('./config-travel.ts');

  let retry: ReturnType<typeof setTimeout> | undefined;
  /**
   * Applies what waits: a pending version (its module is loaded), or a deferred time zone once
   * the business day has rolled over. While the door is busy it tries again in 15 seconds (the
   * lead's tap that closed staff mode made it busy too).
   */
  async function settle(): Promise<void> {
    await loaded;
    const { pending, deferred } = state.get();
    const due = deferred && store.dayOf(store.now()).day !== deferred.day;
    if (!pending && !due) return;
    clearTimeout(retry);
    if (busy()) retry = setTimeout(closed, 15_000);
    else if (pending) await (await travel()).apply(context, pending);
    else {
      store.setConfig(await saveConfig(context.ownConfig()));
      await context.update({ deferred: undefined });
    }
  }
  const touched = () => (lastInputAt = Date.now());
  const closed = () => void settle().catch(() => undefined);
  addEventListener('pointerdown', touched, true);
  addEventListener('hashchange', closed);

  return {
    state,
    async run(settings) {
      await loaded;
      await (await travel()).exchange(context, settings);
      await settle();
    },
    async changed() {
      // A pending version is dropped: the lead's save publishes from the version followed, so
      // the endpoint's newer one comes back as a conflict to compare, never as an overwrite.
      await context.update({ unpublished: true, issues: undefined, pending: undefined });
      trigger();
    },
    choose: async (choice) => (await travel()).choose(context, choice),
    ownConfig: context.ownConfig,
    forget: () =>
      context.update({
        following: 0,
        pending: undefined,
        review: undefined,
        invalid: undefined,
        issues: undefined,
      }),
    stop() {
      clearTimeout(retry);
      removeEventListener('pointerdown', touched, true);
      removeEventListener('hashchange', closed);
    },
  };
}
