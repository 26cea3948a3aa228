/**
 * Every site side by side for the chosen period: visits, meals, activities and volunteer hours,
 * each beside the same period a year earlier, from each site's sums over the two periods (two
 * small answers a site, not its days). A figure no site has is left out; a site without it says
 * so in words.
 */
import type { PeriodTotal } from '../shared/protocol.ts';
import type { AdminSite } from './api.ts';
import { HEADLINES, headline, type DateRange, type Headline, type HeadlineKey } from './figures.ts';
import { count, hours, longDate, t } from './format.ts';
import type { MessageKey } from '../i18n/nb.ts';

/** A site with its whole-day totals summed over the period and the same period last year. */
export interface SiteSums {
  site: AdminSite;
  totals: readonly PeriodTotal[];
  lastYearTotals: readonly PeriodTotal[];
}

export const FIGURE_NAMES: Record<HeadlineKey, MessageKey> = {
  visits: 'dash.figure.visits',
  meals: 'dash.figure.meals',
  activities: 'dash.figure.activities',
  volunteerHours: 'dash.figure.volunteerHours',
};

/** A figure as the table writes it; a missing one in words, not as a bare dash. */
export function figureText(key: HeadlineKey, value: number | undefined): string {
  if (value === undefined) return t('dash.figure.noData');
  return key === 'volunteerHours' ? hours(value) : count(value);
}

export interface OverviewProps {
  data: readonly SiteSums[];
  range: DateRange;
}

export function Overview({ data, range }: OverviewProps) {
  if (data.length === 0) return <p>{t('dash.overview.none')}</p>;
  const rows: Array<{ name: string; now: Headline; last: Headline; sum?: boolean }> = data.map(
    ({ site, totals, lastYearTotals }) => ({
      name: site.name,
      now: headline([{ totals }], site.slug),
      last: headline([{ totals: lastYearTotals }], site.slug),
    }),
  );
  if (data.length > 1) {
    rows.push({
      name: t('dash.overview.sum'),
      now: headline(data.map(({ totals }) => ({ totals }))),
      last: headline(data.map(({ lastYearTotals }) => ({ totals: lastYearTotals }))),
      sum: true,
    });
  }
  const shown = HEADLINES.filter((key) =>
    rows.some((row) => row.now[key] !== undefined || row.last[key] !== undefined),
  );
  const caption = t('dash.overview.caption', {
    from: longDate(range.from),
    to: longDate(range.to),
  });
  return (
    <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class="figures overview">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dash.overview.site')}</th>
            {shown.map((key) => [
              <th scope="col" key={key}>
                {t(FIGURE_NAMES[key])}
              </th>,
              <th scope="col" key={`${key}-last`} class="last-year">
                {t('dash.overview.lastYear', { figure: t(FIGURE_NAMES[key]) })}
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name} class={row.sum ? 'sum' : undefined}>
              <th scope="row">{row.name}</th>
              {shown.map((key) => [
                <td key={key} class="num">
                  {figureText(key, row.now[key])}
                </td>,
                <td key={`${key}-last`} class="num last-year">
                  {figureText(key, row.last[key])}
                </td>,
              ])}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
