/**
 * A period's sums from kept month totals (`site_month_totals`): what a roll-up writes for the
 * months of the site-days it rolled up, how a reading splits a period into whole months (one
 * kept row each) and the dates at its edges (a kept day row each), and how it sums those rows.
 * Pure: both stores hand it the same rows. The summing is the domain's `sumTotals`, the same
 * rule whether it adds days into a month or months and days into a period.
 */
import { addDays } from '../../domain/business-day.ts';
import { sumTotals } from '../../domain/periods.ts';
import type { Total } from '../../shared/protocol.ts';
import type { StoredSiteSums } from './store.ts';

// PostgreSQL returns BIGINT columns as strings, SQLite as numbers: both go through Number().
type Numeric = number | string;

/** The months (`YYYY-MM`) the dates fall in, each once. */
export function monthsOf(dates: Iterable<string>): string[] {
  return [...new Set([...dates].map((date) => date.slice(0, 7)))];
}

/** A month's first day and an upper bound no later date of it passes (`-31`, as text). */
export const monthBounds = (month: string): [string, string] => [`${month}-01`, `${month}-31`];

/** A kept site-day's whole-day totals as JSON (SELECT_DAILY_TOTALS_SQL's row). */
export interface DailyRow {
  date: string;
  daily: string;
}

/** What `site_month_totals` keeps of a month: how many site-days it sums, and their sum. */
export interface MonthTotals {
  month: string;
  days: number;
  daily: string;
}

/**
 * What a roll-up writes for `months`, given the kept day rows of those months in date order:
 * each month's days summed, or the month's row deleted when none of its days has totals left
 * (a removed replica's).
 */
export function monthTotalsWrites(
  months: Iterable<string>,
  rows: readonly DailyRow[],
): { upserts: MonthTotals[]; deletes: string[] } {
  const byMonth = new Map<string, Array<{ totals: Total[] }>>();
  for (const row of rows) {
    const month = row.date.slice(0, 7);
    const days = byMonth.get(month) ?? [];
    days.push({ totals: JSON.parse(row.daily) as Total[] });
    byMonth.set(month, days);
  }
  const upserts: MonthTotals[] = [];
  const deletes: string[] = [];
  for (const month of new Set(months)) {
    const days = byMonth.get(month);
    if (days) upserts.push({ month, days: days.length, daily: JSON.stringify(sumTotals(days)) });
    else deletes.push(month);
  }
  return { upserts, deletes };
}

// The 28th plus four days is always in the next month; the 1st minus one in the previous.
const nextMonth = (month: string) => addDays(`${month}-28`, 4).slice(0, 7);
const previousMonth = (month: string) => addDays(`${month}-01`, -1).slice(0, 7);

/**
 * SELECT_SITE_SUMS_SQL's parameters for the period `from`–`to` (inclusive): the first and last
 * whole month inside it (the first later than the last when it holds none, so no month row
 * matches and every date is read as a day), the period, and the whole months' bounds, whose
 * dates are left to the month rows.
 */
export function siteSumsParams(site: string, from: string, to: string): string[] {
  const first = from.endsWith('-01') ? from.slice(0, 7) : nextMonth(from.slice(0, 7));
  const last = addDays(to, 1).endsWith('-01') ? to.slice(0, 7) : previousMonth(to.slice(0, 7));
  return [site, first, last, site, from, to, monthBounds(first)[0], monthBounds(last)[1]];
}

/** SELECT_SITE_SUMS_SQL's rows summed: the site-days they cover, and their totals. */
export function siteSumsOf(rows: ReadonlyArray<{ days: Numeric; daily: string }>): StoredSiteSums {
  let days = 0;
  const parts = rows.map((row) => {
    days += Number(row.days);
    return { totals: JSON.parse(row.daily) as Total[] };
  });
  return { days, totals: sumTotals(parts) };
}
