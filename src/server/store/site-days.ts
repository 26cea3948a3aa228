/**
 * Turns every replica's stored counts and closings into PROTOCOL.md's per-day site totals and
 * the long CSV. Pure: both stores hand it the same raw rows, so the rules live in one place. A
 * site-day's roll-up is made once, when a write changed it (`siteDayTotals`, kept by the store),
 * and passed on as JSON text by the reading (`siteDaysJson`).
 */
import { csvDocument, longCsvRows, type CsvLabel } from '../../domain/csv.ts';
import type { SiteDay, Total } from '../../shared/protocol.ts';
import { rollUp } from '../../domain/tally.ts';
import type { StoredClosing, StoredCount, StoredSiteTotals } from './store.ts';

/** A site-day's totals in some form (objects, or JSON text) and how many replicas counted. */
interface DayTotals<T> {
  date: string;
  replicas: number;
  totals: T;
}

/**
 * Every date that has totals or a closing register, in date order, with both. Closed and the
 * cash come from the site-day's register: a reopened day reads as open, and cash counted once
 * is cash once, whatever the number of tablets. A day with a closing and no counts has
 * `noTotals` and no replica.
 */
function withClosings<T>(
  days: ReadonlyArray<DayTotals<T>>,
  closings: readonly StoredClosing[],
  noTotals: T,
): Array<{ fields: Omit<SiteDay, 'totals'>; totals: T }> {
  const byDate = new Map(days.map((day) => [day.date, day]));
  const closingByDate = new Map(closings.map((closing) => [closing.date, closing]));
  const dates = new Set([...byDate.keys(), ...closingByDate.keys()]);
  return [...dates].sort().map((date) => {
    const day = byDate.get(date);
    const closing = closingByDate.get(date);
    // Field order as PROTOCOL.md prints it; an absent sum stays absent.
    return {
      fields: {
        date,
        replicas: day?.replicas ?? 0,
        closed: closing?.closed ?? false,
        ...(closing?.cashCountedNok !== undefined
          ? { cashCountedNok: closing.cashCountedNok }
          : {}),
      },
      totals: day?.totals ?? noTotals,
    };
  });
}

/** One site-day's counts (every replica's) rolled up: its replicas and its totals. */
function rollUpDay(date: string, counts: readonly StoredCount[]): DayTotals<Total[]> {
  return {
    date,
    replicas: new Set(counts.map((count) => count.replica)).size,
    totals: rollUp(counts),
  };
}

/** Each site-day's counts of `counts`, grouped by date (a roll-up's input). */
export function countsByDate(counts: readonly StoredCount[]): Map<string, StoredCount[]> {
  const grouped = new Map<string, StoredCount[]>();
  for (const count of counts) {
    const list = grouped.get(count.date) ?? [];
    list.push(count);
    grouped.set(count.date, list);
  }
  return grouped;
}

/** The site's totals for each date that has a key or a closing register, in date order. */
export function siteDays(counts: StoredCount[], closings: StoredClosing[]): SiteDay[] {
  const days = [...countsByDate(counts)].map(([date, dayCounts]) => rollUpDay(date, dayCounts));
  return withClosings(days, closings, []).map(({ fields, totals }) => ({ ...fields, totals }));
}

/**
 * What `site_day_totals` keeps of a site-day whose counts (every replica's, of that one date)
 * are `counts`: the replicas, the totals as JSON, and the same without the hourly totals;
 * undefined when no replica has a count left on it.
 */
export function siteDayTotals(
  counts: readonly StoredCount[],
): { replicas: number; totals: string; daily: string } | undefined {
  if (counts.length === 0) return undefined;
  const { replicas, totals } = rollUpDay(counts[0]!.date, counts);
  return {
    replicas,
    totals: JSON.stringify(totals),
    daily: JSON.stringify(totals.filter((total) => total.hour === undefined)),
  };
}

/**
 * The reading's `days` array as JSON text, from rolled-up days and closing registers: the
 * kept totals are spliced in as they are, never parsed and written again. The same days, field
 * for field, as `siteDays` of the raw counts.
 */
export function siteDaysJson(days: StoredSiteTotals[], closings: StoredClosing[]): string {
  const parts = withClosings(days, closings, '[]').map(
    ({ fields, totals }) => `${JSON.stringify(fields).slice(0, -1)},"totals":${totals}}`,
  );
  return `[${parts.join(',')}]`;
}

/** Rolled-up days and closing registers as the protocol's SiteDay objects (for the CSV). */
export function storedSiteDays(days: StoredSiteTotals[], closings: StoredClosing[]): SiteDay[] {
  return JSON.parse(siteDaysJson(days, closings)) as SiteDay[];
}

/**
 * PROTOCOL.md's days.csv: the domain's long CSV format (UTF-8 with BOM, `;`, CRLF), each row
 * labelled by `label` (the site's published configuration).
 */
export function siteDaysCsv(days: SiteDay[], label?: CsvLabel): string {
  return csvDocument(longCsvRows(days, label));
}
