/**
 * Turns every replica's stored counts and closings into PROTOCOL.md's per-day site totals and
 * the long CSV. Pure: both stores hand it the same raw rows, so the rules live in one place.
 */
import { csvDocument, longCsvRows } from '../../domain/csv.ts';
import type { SiteDay } from '../../shared/protocol.ts';
import { rollUp } from '../../domain/tally.ts';
import type { StoredClosing, StoredCount } from './store.ts';

/** The site's totals for each date that has at least one key, in date order. */
export function siteDays(counts: StoredCount[], closings: StoredClosing[]): SiteDay[] {
  const countsByDate = new Map<string, StoredCount[]>();
  for (const count of counts) {
    const list = countsByDate.get(count.date) ?? [];
    list.push(count);
    countsByDate.set(count.date, list);
  }
  const closingsByDate = new Map<string, Map<string, StoredClosing>>();
  for (const closing of closings) {
    const byReplica = closingsByDate.get(closing.date) ?? new Map<string, StoredClosing>();
    byReplica.set(closing.replica, closing);
    closingsByDate.set(closing.date, byReplica);
  }
  return [...countsByDate.keys()].sort().map((date) => {
    const dayCounts = countsByDate.get(date)!;
    const replicas = new Set(dayCounts.map((count) => count.replica));
    const dayClosings = closingsByDate.get(date) ?? new Map<string, StoredClosing>();
    // Cash counted on a tablet that counted nothing that day is still cash, so every closing
    // of the date contributes, not only those of replicas with keys.
    const cash = [...dayClosings.values()]
      .map((closing) => closing.cashCountedNok)
      .filter((nok): nok is number => nok !== undefined);
    // Field order as PROTOCOL.md prints it; an absent sum stays absent.
    return {
      date,
      replicas: replicas.size,
      closed: [...replicas].every((replica) => dayClosings.has(replica)),
      ...(cash.length > 0 ? { cashCountedNok: cash.reduce((a, b) => a + b, 0) } : {}),
      totals: rollUp(dayCounts),
    };
  });
}

/** PROTOCOL.md's days.csv: the domain's long CSV format (UTF-8 with BOM, `;`, CRLF). */
export function siteDaysCsv(days: SiteDay[]): string {
  return csvDocument(longCsvRows(days));
}
