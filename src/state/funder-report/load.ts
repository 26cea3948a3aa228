/**
 * Owns where the funder report's days come from: the endpoint's sums over all the site's
 * tablets when this tablet is paired and the endpoint answers (the sync layer's reader, which
 * calls `getSiteDays`), else this tablet's own database, and which of the two it was.
 */
import type { IsoDate } from '../../domain/business-day.ts';
import { sameDateLastYear, type ReportDay } from '../../domain/funder-report.ts';
import type { KioskStore } from '../kiosk-store.ts';
import { rangeTotals, type EndpointTotalsReader, type TotalsSource } from '../reports.ts';

/** The period's days and the same period's a year earlier, and where they were read. */
export interface FunderReportDays {
  source: TotalsSource;
  days: ReportDay[];
  lastYearDays: ReportDay[];
}

/**
 * Reads the days of `from`–`to` and of the same dates a year earlier (`to` not before `from`).
 * Days carry no opening snapshot yet: the per-day snapshot comes with config schema v2; until
 * then the domain counts each day by the schedule for that day (opening hours, holidays,
 * closed and opened dates) as configured now.
 */
export async function loadFunderReportDays(
  store: KioskStore,
  from: IsoDate,
  to: IsoDate,
  reader?: EndpointTotalsReader,
): Promise<FunderReportDays> {
  const [period, lastYear] = await Promise.all([
    rangeTotals(store, from, to, reader),
    rangeTotals(store, sameDateLastYear(from), sameDateLastYear(to), reader),
  ]);
  return {
    source: period.source,
    days: period.days.map(({ date, totals }) => ({ date, totals })),
    lastYearDays: lastYear.days.map(({ date, totals }) => ({ date, totals })),
  };
}
