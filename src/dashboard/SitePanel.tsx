/**
 * «Ett sted»: the lead chooses a site (the first by default) and its days in the period are read
 * then, once: shown again later, they come from the page's cache. While they load, and if they
 * fail, the section says so; the rest of the page is not held up.
 */
import { useEffect, useState } from 'preact/hooks';
import type { IsoDate } from '../domain/business-day.ts';
import type { AdminSite } from './api.ts';
import type { Save } from './download.ts';
import type { DateRange } from './figures.ts';
import { t } from './format.ts';
import { failureText, type SiteDaysCache } from './site-days.ts';
import { SiteView } from './SiteView.tsx';

/** A site chooser's options: each site by its name, its slug as the value. */
export const siteOptions = (sites: readonly AdminSite[]) =>
  sites.map((one) => (
    <option key={one.slug} value={one.slug}>
      {one.name}
    </option>
  ));

export interface SitePanelProps {
  sites: readonly AdminSite[];
  range: DateRange;
  today: IsoDate;
  save: Save;
  days: SiteDaysCache;
}

export function SitePanel({ sites, range, today, save, days }: SitePanelProps) {
  const [chosen, setChosen] = useState('');
  const site = sites.find((one) => one.slug === chosen) ?? sites[0];
  const slug = site?.slug;

  useEffect(() => {
    // The section words a failure from the cache's state: nothing more to do with it here.
    if (slug !== undefined) days.load(slug, range).catch(() => {});
  }, [days, slug, range.from, range.to]);

  if (!site) return null;
  const known = days.state(site.slug, range);
  return (
    <>
      <label>
        {t('dash.site.choose')}
        <select
          value={site.slug}
          onChange={(event) => setChosen((event.target as HTMLSelectElement).value)}
        >
          {siteOptions(sites)}
        </select>
      </label>
      {known?.state === 'loaded' ? (
        <SiteView
          key={site.slug}
          slug={site.slug}
          days={known.days}
          range={range}
          today={today}
          save={save}
        />
      ) : (
        <p role="status" class={known?.state === 'failed' ? 'problem' : undefined}>
          {known?.state === 'failed'
            ? failureText(known.error)
            : t('dash.site.loading', { site: site.name })}
        </p>
      )}
      {known?.state === 'failed' ? (
        <button type="button" onClick={() => days.load(site.slug, range).catch(() => {})}>
          {t('dash.site.retry')}
        </button>
      ) : null}
    </>
  );
}
