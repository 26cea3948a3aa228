/**
 * Each site's days, asked of the endpoint only when a part of the page shows them (the site
 * chosen under «Ett sted», a funder report the lead asks for), and kept by site and range: a site
 * shown again, or a report of days already read, asks nothing again. The overview needs only the
 * sums of every site (api.sums), so choosing a period asks for no site's days but the one shown.
 */
import { useMemo, useState } from 'preact/hooks';
import type { SiteDay, SiteSumsAnswer } from '../shared/protocol.ts';
import { ApiError, type AdminMe, type AdminSite, type Api } from './api.ts';
import { lastYearOf, type DateRange } from './figures.ts';
import { t } from './format.ts';

/** A site with its days in the period and in the same period last year. */
export interface SiteData {
  site: AdminSite;
  days: SiteDay[];
  lastYearDays: SiteDay[];
}

/** What is known of one site's days in one range. */
export type DaysState =
  { state: 'loading' } | { state: 'loaded'; days: SiteDay[] } | { state: 'failed'; error: unknown };

export interface SiteDaysCache {
  /** What is known of the site's days in `range`; undefined before they are asked for. */
  state(slug: string, range: DateRange): DaysState | undefined;
  /** The site's days in `range`: asked once and kept; a failure is asked again next time. */
  load(slug: string, range: DateRange): Promise<SiteDay[]>;
}

/** What a period chosen reads before anything is shown: each site's sums, now and last year. */
export interface PeriodFigures {
  who: AdminMe;
  sites: AdminSite[];
  sums: Map<string, { now: SiteSumsAnswer; lastYear: SiteSumsAnswer }>;
}

/**
 * Who the token is and the sites, then every site's sums over `range` and over the same dates
 * last year: two small answers a site, all asked at once (the overview needs no site's days).
 * The page and the benchmark of its all-sites view both read through this.
 */
export async function loadPeriod(api: Api, range: DateRange): Promise<PeriodFigures> {
  const [who, sites] = await Promise.all([api.me(), api.sites()]);
  const last = lastYearOf(range);
  const sums = await Promise.all(
    sites.map(async (one) => {
      const [now, lastYear] = await Promise.all([
        api.sums(one.slug, range.from, range.to),
        api.sums(one.slug, last.from, last.to),
      ]);
      return [one.slug, { now, lastYear }] as const;
    }),
  );
  return { who, sites, sums: new Map(sums) };
}

/** A failure of a reading, in words; a refused token says so (the page then signs out). */
export function failureText(error: unknown): string {
  if (!(error instanceof ApiError)) return t('dash.error.network');
  switch (error.failure.reason) {
    case 'refused':
      return t('dash.signIn.refused');
    case 'rejected':
    case 'server':
      return t('dash.error.server', { status: error.failure.status });
    case 'network':
      return t('dash.error.network');
  }
}

/**
 * A cache over `api`: `changed` is told whenever an entry's state changes (to draw it), and
 * `refused` when the endpoint refuses the token.
 */
export function siteDaysCache(
  api: Api | undefined,
  changed: () => void,
  refused: (why: string) => void,
): SiteDaysCache {
  const entries = new Map<string, { state: DaysState; days: Promise<SiteDay[]> }>();
  const keyOf = (slug: string, range: DateRange) => `${slug} ${range.from} ${range.to}`;
  return {
    state: (slug, range) => entries.get(keyOf(slug, range))?.state,
    load(slug, range) {
      const key = keyOf(slug, range);
      const kept = entries.get(key);
      if (kept && kept.state.state !== 'failed') return kept.days;
      if (!api) return Promise.reject(new Error('Not signed in'));
      const entry = {
        state: { state: 'loading' } as DaysState,
        days: api.days(slug, range.from, range.to),
      };
      entries.set(key, entry);
      entry.days.then(
        (days) => {
          entry.state = { state: 'loaded', days };
          changed();
        },
        (error: unknown) => {
          entry.state = { state: 'failed', error };
          changed();
          if (error instanceof ApiError && error.failure.reason === 'refused') {
            refused(failureText(error));
          }
        },
      );
      changed();
      return entry.days;
    },
  };
}

/**
 * The page's cache: one for each api (token) and each `generation` (a period's figures as
 * loaded), so a period chosen again reads the days afresh, like its sums.
 */
export function useSiteDays(
  api: Api | undefined,
  generation: unknown,
  refused: (why: string) => void,
): SiteDaysCache {
  const [, setChanges] = useState(0);
  return useMemo(
    () => siteDaysCache(api, () => setChanges((n) => n + 1), refused),
    [api, generation],
  );
}
