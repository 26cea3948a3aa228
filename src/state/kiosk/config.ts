/**
 * The site's configuration as the kiosk knows it: painted from the last known copy first, then
 * replaced by the stored one once start-up has settled. It owns the business day of an instant;
 * it never writes the configuration (site-config.ts does).
 */
import { businessDayOf, localHourOf } from '../../domain/business-day.ts';
import type { SiteConfig } from '../../shared/site-config.ts';
import { observable, type Observable } from '../observable.ts';

export interface ConfigStore {
  config: Observable<SiteConfig>;
  /** Why the stored configuration could not be used (the door then keeps the painted one). */
  configProblem: Observable<string | undefined>;
  setConfig(config: SiteConfig): void;
  /** The business day and local hour of an instant at this site. */
  dayOf(instantMs: number): { day: string; hour: number };
  /** Resolves once the stored configuration has been loaded, or has failed to load. */
  loaded: Promise<void>;
}

export function createConfigStore(options: {
  initialConfig: SiteConfig;
  loadConfig(): Promise<{ config: SiteConfig; invalid?: string }>;
  /** Loading waits for this: the door's first tap has the tablet to itself. */
  startAfter: Promise<unknown>;
}): ConfigStore {
  const config = observable<SiteConfig>(options.initialConfig);
  const configProblem = observable<string | undefined>(undefined);
  const loaded = options.startAfter
    .then(options.loadConfig)
    .then(({ config: stored, invalid }) => {
      config.set(stored);
      configProblem.set(invalid);
    })
    .catch((error: unknown) => configProblem.set(String(error)));
  return {
    config,
    configProblem,
    setConfig: (next) => config.set(next),
    dayOf(instantMs) {
      const site = config.get();
      return {
        day: businessDayOf(instantMs, site.timeZone, site.cutoffHour),
        hour: localHourOf(instantMs, site.timeZone),
      };
    },
    loaded,
  };
}
