/**
 * One site's figures: a counter's total per day, per month and per weekday as bar charts (each
 * with its numbers as a table too), and the site's days as the endpoint's CSV.
 */
import { useState } from 'preact/hooks';
import { addDays, weekdayOf, type IsoDate, type Weekday } from '../domain/business-day.ts';
import { configLabels, csvDocument, longCsvRows } from '../domain/csv.ts';
import { VISIT_COUNTER } from '../domain/people-estimate.ts';
import { BarChart, type Bar } from '../ui/charts/BarChart.tsx';
import { weekdayName } from '../ui/staff/funder-report/sections.ts';
import type { SiteDay } from '../shared/protocol.ts';
import type { Save } from './download.ts';
import { counterFor, counterName, countersIn, dailyNet, type DateRange } from './figures.ts';
import { monthLabel, shortDate, t } from './format.ts';

export interface SiteViewProps {
  slug: string;
  days: readonly SiteDay[];
  range: DateRange;
  /** The last day to draw a bar for (today): a month's days yet to come are not zeros. */
  today: IsoDate;
  save: Save;
}

/** "1 dag med tall.", "2 dager med tall.". */
export function daysWithFigures(n: number): string {
  if (n === 0) return t('dash.site.noDays');
  return n === 1 ? t('dash.site.oneDay') : t('dash.site.days', { n });
}

/** A bar per day of the range up to `today`, zero where the day has no row. */
export function dayBars(
  days: readonly SiteDay[],
  counter: string,
  range: DateRange,
  today: IsoDate,
): Bar[] {
  const nets = new Map(dailyNet(days, counter).map(({ date, net }) => [date, net]));
  const last = range.to < today ? range.to : today;
  const bars: Bar[] = [];
  for (let date = range.from; date <= last; date = addDays(date, 1)) {
    bars.push({ label: shortDate(date), value: nets.get(date) ?? 0 });
  }
  return bars;
}

/** A bar per calendar month of the range. */
export function monthBars(days: readonly SiteDay[], counter: string, range: DateRange): Bar[] {
  const sums = new Map<string, number>();
  for (let month = range.from.slice(0, 7); month <= range.to.slice(0, 7);) {
    sums.set(month, 0);
    const [y, m] = month.split('-').map(Number) as [number, number];
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  for (const { date, net } of dailyNet(days, counter)) {
    const month = date.slice(0, 7);
    sums.set(month, (sums.get(month) ?? 0) + net);
  }
  return [...sums].map(([month, value]) => ({ label: monthLabel(month), value }));
}

/** A bar per weekday, Monday first: the counter's sum over the days that have figures. */
export function weekdayBars(days: readonly SiteDay[], counter: string): Bar[] {
  const sums = [0, 0, 0, 0, 0, 0, 0];
  for (const { date, net } of dailyNet(days, counter)) sums[weekdayOf(date) - 1]! += net;
  return sums.map((value, i) => ({ label: weekdayName('nb', (i + 1) as Weekday), value }));
}

export function SiteView({ slug, days, range, today, save }: SiteViewProps) {
  const counters = countersIn(days, slug);
  const [wanted, setCounter] = useState(VISIT_COUNTER);
  const counter = counters.includes(wanted) ? wanted : (counters[0] ?? VISIT_COUNTER);
  const name = counterName(counter, slug);
  const valueLabel = t('dash.site.count');
  const tableLabel = t('dash.site.showTable');
  const download = () =>
    save(
      `terskel-${slug}-${range.from}-${range.to}.csv`,
      csvDocument(
        longCsvRows(
          days.map((day) => ({ date: day.date, totals: day.totals })),
          // Labelled as the page names counters, like the endpoint's days.csv.
          (id, option) => configLabels([counterFor(id, slug)])(id, option),
        ),
      ),
      'text/csv;charset=utf-8',
    );
  return (
    <div class="site-view">
      <p role="status">{daysWithFigures(days.length)}</p>
      {counters.length > 0 ? (
        <>
          <div class="controls">
            <label>
              {t('dash.site.counter')}
              <select
                value={counter}
                onChange={(event) => setCounter((event.target as HTMLSelectElement).value)}
              >
                {counters.map((id) => (
                  <option key={id} value={id}>
                    {counterName(id, slug)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={download}>
              {t('dash.site.csv')}
            </button>
          </div>
          <div class="chart-scroll" tabIndex={0}>
            <BarChart
              title={t('dash.site.perDay', { counter: name })}
              bars={dayBars(days, counter, range, today)}
              tableLabel={tableLabel}
              valueLabel={valueLabel}
            />
          </div>
          <div class="chart-scroll" tabIndex={0}>
            <BarChart
              title={t('dash.site.perMonth', { counter: name })}
              bars={monthBars(days, counter, range)}
              tableLabel={tableLabel}
              valueLabel={valueLabel}
            />
          </div>
          <div class="chart-scroll" tabIndex={0}>
            <BarChart
              title={t('dash.site.byWeekday', { counter: name })}
              bars={weekdayBars(days, counter)}
              tableLabel={tableLabel}
              valueLabel={valueLabel}
            />
          </div>
        </>
      ) : null}
    </div>
  );
}
