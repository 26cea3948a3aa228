/**
 * Turns every replica's stored counts and closings into PROTOCOL.md's per-day site totals and
 * the long CSV. Pure: both stores hand it the same raw rows, so the rules live in one place.
 */
import { csvDocument, longCsvRows, type CsvLabel } from '../../domain/csv.ts';
import type { SiteDay } from '../../shared/protocol.ts';
import { rollUp } from '../../domain/tally.ts';
import type { StoredClosing, StoredCount } from './store.ts';

/**
 * The site's totals for each date that has a key or a closing register, in date order. Closed
 * and the cash come from the site-day's register: a reopened day reads as open, and cash
 * counted once is cash once, whatever the number of tablets.
 */
export function siteDays(counts: StoredCount[], closings: StoredClosing[]): SiteDay[] {
  const countsByDate = new Map<string, StoredCount[]>();
  for (const count of counts) {
    const list = countsByDate.get(count.date) ?? [];
    list.push(count);
    countsByDate.set(count.date, list);
  }
  const closingByDate = new Map(closings.map((closing) => [closing.date, closing]));
  const dates = new Set([...countsByDate.keys(), ...closingByDate.keys()]);
  return [...dates].sort().map((date) => {
    const dayCounts = countsByDate.get(date) ?? [];
    const closing = closingByDate.get(date);
    // Field order as PROTOCOL.md prints it; an absent sum stays absent.
    return {
      date,
      replicas: new Set(dayCounts.map((count) => count.replica)).size,
      closed: closing?.closed ?? false,
      ...(closing?.cashCountedNok !== undefined ? { cashCountedNok: closing.cashCountedNok } : {}),
      totals: rollUp(dayCounts),
    };
  });
}

/**
 * PROTOCOL.md's days.csv: the domain's long CSV format (UTF-8 with BOM, `;`, CRLF), each row
 * labelled by `label` (the site's published configuration).
 */
export function siteDaysCsv(days: SiteDay[], label?: CsvLabel): string {
  return csvDocument(longCsvRows(days, label));
}
