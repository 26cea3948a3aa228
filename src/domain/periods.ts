/**
 * Periods for history and reports: ISO weeks, months and years, and summing days' totals into
 * them. Pure: dates in, totals out.
 */
import { addDays, daysBetween, weekdayOf, type IsoDate } from './business-day';
import type { DayTotals } from './reports';
import type { Total } from '../shared/protocol';

/**
 * Totals summed over several days (or periods already summed): each key's net and kroner added
 * up, in the order the keys first occur. Only `totals` is read, so the endpoint sums its kept
 * month totals with the same rule.
 */
export function sumTotals(days: ReadonlyArray<Pick<DayTotals, 'totals'>>): Total[] {
  const sums = new Map<string, Total>();
  for (const day of days) {
    for (const total of day.totals) {
      const key = `${total.counter}|${total.option ?? ''}|${total.hour ?? ''}`;
      const sum = sums.get(key);
      if (sum === undefined) {
        sums.set(key, { ...total });
        continue;
      }
      sum.net += total.net;
      if (total.amountNok !== undefined) sum.amountNok = (sum.amountNok ?? 0) + total.amountNok;
    }
  }
  return [...sums.values()];
}

export const PERIODS = ['day', 'week', 'month', 'year'] as const;
/** How History groups days. */
export type Period = (typeof PERIODS)[number];

/** The ISO week of a date: its year (of the week's Thursday) and number. */
export function isoWeekOf(date: IsoDate): { year: number; week: number } {
  const thursday = addDays(date, 4 - weekdayOf(date));
  const year = Number(thursday.slice(0, 4));
  const dayOfYear = Math.round(
    (Date.parse(`${thursday}T00:00:00Z`) - Date.UTC(year, 0, 1)) / 86_400_000,
  );
  return { year, week: Math.floor(dayOfYear / 7) + 1 };
}

/** The key a date falls in for a period: `2026-11-23`, `2026-W48`, `2026-11` or `2026`. */
export function periodKeyOf(date: IsoDate, period: Period): string {
  switch (period) {
    case 'day':
      return date;
    case 'week': {
      const { year, week } = isoWeekOf(date);
      return `${year}-W${String(week).padStart(2, '0')}`;
    }
    case 'month':
      return date.slice(0, 7);
    case 'year':
      return date.slice(0, 4);
  }
}

/** One period's summed totals and the days in it that had counts. */
export interface PeriodTotals {
  key: string;
  from: IsoDate;
  to: IsoDate;
  days: number;
  totals: Total[];
}

/** Groups days (sorted by date) into periods and sums each. */
export function totalsByPeriod(days: readonly DayTotals[], period: Period): PeriodTotals[] {
  const groups = new Map<string, DayTotals[]>();
  for (const day of [...days].sort((a, b) => (a.date < b.date ? -1 : 1))) {
    const key = periodKeyOf(day.date, period);
    let list = groups.get(key);
    if (list === undefined) groups.set(key, (list = []));
    list.push(day);
  }
  return [...groups.entries()].map(([key, list]) => ({
    key,
    from: list[0]!.date,
    to: list[list.length - 1]!.date,
    days: list.length,
    totals: sumTotals(list),
  }));
}

/** Why a date range for a file was refused. */
export type RangeProblem = 'missing' | 'to-before-from' | 'too-long';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A CSV covers at most ten years; beyond that a typo is likelier than a wish. */
export const MAX_RANGE_DAYS = 3660;

/** Checks a from/to pair from date inputs; undefined when it is a usable range. */
export function checkRange(from: string, to: string): RangeProblem | undefined {
  if (!ISO_DATE.test(from) || !ISO_DATE.test(to)) return 'missing';
  if (to < from) return 'to-before-from';
  if (daysBetween(from, to) > MAX_RANGE_DAYS) return 'too-long';
  return undefined;
}
