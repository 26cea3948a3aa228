/**
 * Owns the arithmetic of looking back: a day's totals, counts per weekday and hour, and the
 * year report for funders. Works on totals only (never raw events), so the tablet's own days
 * and the endpoint's sums over all tablets give the same report.
 */
import type { Total } from '../shared/protocol';
import { weekdayOf, type IsoDate, type Weekday } from './business-day';
import { rollUp, type TallyCounts } from './tally';

/** One day's totals, as the endpoint's reading or the tablet's own roll-up gives them. */
export interface DayTotals {
  date: IsoDate;
  totals: Total[];
}

/** Which counters the year report sums as meals and as income. */
export interface YearReportOptions {
  mealCounters: string[];
  saleCounters: string[];
}

/** The printable year report: opening days, visits, meals and income. */
export interface YearReport {
  openingDays: number;
  visits: number;
  averageVisits: number;
  busiestDays: Array<{ date: IsoDate; visits: number }>;
  meals: Record<string, number>;
  bingoIncomeNok: number;
}

const VISIT = 'visit';
const BUSIEST_DAYS = 5;

/** A day's totals from its tally rows (the PROTOCOL.md roll-up). */
export function dayTotals(rows: readonly TallyCounts[]): Total[] {
  return rollUp(rows);
}

function wholeRow(totals: readonly Total[], counter: string, option?: string): Total | undefined {
  return totals.find(
    (total) => total.counter === counter && total.option === option && total.hour === undefined,
  );
}

/** The net count of a counter (or one of its options) over the whole day; 0 when absent. */
export function netFor(totals: readonly Total[], counter: string, option?: string): number {
  return wholeRow(totals, counter, option)?.net ?? 0;
}

/** The net kroner of a counter (or one of its options) over the whole day; 0 when absent. */
export function amountFor(totals: readonly Total[], counter: string, option?: string): number {
  return wholeRow(totals, counter, option)?.amountNok ?? 0;
}

/**
 * The year report over the days of `year`: an opening day is a day with at least one visit.
 * Income sums the sale counters (by default `bingo`).
 */
export function yearReport(
  days: readonly DayTotals[],
  year: number,
  options: YearReportOptions = { mealCounters: [], saleCounters: ['bingo'] },
): YearReport {
  const prefix = `${String(year).padStart(4, '0')}-`;
  const meals: Record<string, number> = {};
  for (const counter of options.mealCounters) meals[counter] = 0;
  let visits = 0;
  let bingoIncomeNok = 0;
  const openDays: Array<{ date: IsoDate; visits: number }> = [];
  for (const day of days) {
    if (!day.date.startsWith(prefix)) continue;
    const dayVisits = netFor(day.totals, VISIT);
    if (dayVisits > 0) openDays.push({ date: day.date, visits: dayVisits });
    visits += dayVisits;
    for (const counter of options.mealCounters) {
      meals[counter] = (meals[counter] ?? 0) + netFor(day.totals, counter);
    }
    for (const counter of options.saleCounters) bingoIncomeNok += amountFor(day.totals, counter);
  }
  const busiestDays = [...openDays]
    .sort((a, b) => b.visits - a.visits || (a.date < b.date ? -1 : 1))
    .slice(0, BUSIEST_DAYS);
  return {
    openingDays: openDays.length,
    visits,
    averageVisits: openDays.length === 0 ? 0 : visits / openDays.length,
    busiestDays,
    meals,
    bingoIncomeNok,
  };
}

/** Average visits per ISO weekday (Monday first) over the days that had visits. */
export function visitsByWeekdayAverage(
  days: readonly DayTotals[],
): Array<{ weekday: Weekday; days: number; average: number }> {
  const sums = Array.from({ length: 7 }, () => ({ days: 0, visits: 0 }));
  for (const day of days) {
    const visits = netFor(day.totals, VISIT);
    if (visits <= 0) continue;
    const sum = sums[weekdayOf(day.date) - 1]!;
    sum.days += 1;
    sum.visits += visits;
  }
  return sums.map((sum, i) => ({
    weekday: (i + 1) as Weekday,
    days: sum.days,
    average: sum.days === 0 ? 0 : sum.visits / sum.days,
  }));
}

/**
 * Visits per local hour of one day, from the first to the last hour with a count, hours
 * between them shown as 0 so a chart has no holes.
 */
export function visitsPerHour(totals: readonly Total[]): Array<{ hour: number; visits: number }> {
  const byHour = new Map<number, number>();
  for (const total of totals) {
    if (total.counter === VISIT && total.hour !== undefined && total.option === undefined) {
      byHour.set(total.hour, (byHour.get(total.hour) ?? 0) + total.net);
    }
  }
  if (byHour.size === 0) return [];
  const first = Math.min(...byHour.keys());
  const last = Math.max(...byHour.keys());
  const hours: Array<{ hour: number; visits: number }> = [];
  for (let hour = first; hour <= last; hour++) hours.push({ hour, visits: byHour.get(hour) ?? 0 });
  return hours;
}
