/**
 * Owns where the funder report's days come from: the endpoint's sums over all the site's
 * tablets when this tablet is paired and the endpoint answers (the sync layer's reader, which
 * calls `getSiteDays`), else this tablet's own database, and which of the two it was.
 */
import type { IsoDate } from '../../domain/business-day.ts';
import { sameDateLastYear, type ReportDay } from '../../domain/funder-report.ts';
import type { OpeningSnapshot } from '../../domain/opening.ts';
import type { KioskStore } from '../kiosk-store.ts';
import { rangeTotals, type EndpointTotalsReader, type TotalsSource } from '../reports.ts';

/** The opening snapshots this tablet kept for the days of a range (none when it cannot read). */
async function openingSnapshots(
  store: KioskStore,
  from: IsoDate,
  to: IsoDate,
): Promise<Map<string, OpeningSnapshot>> {
  const [{ db }, { openingSnapshotsBetween }] = await Promise.all([
    store.storage(),
    import('../../storage/index.ts'),
  ]);
  return openingSnapshotsBetween(db, from, to);
}

/** The period's days and the same period's a year earlier, and where they were read. */
export interface FunderReportDays {
  source: TotalsSource;
  days: ReportDay[];
  lastYearDays: ReportDay[];
}

/**
 * Reads the days of `from`–`to` and of the same dates a year earlier (`to` not before `from`).
 * Each day carries the opening snapshot this tablet kept for it (its hours as they were that
 * day, whichever source the counts came from: the schedule is the site's). A day without one,
 * from before snapshots were kept, is counted by the schedule as configured now (opening
 * hours, holidays, closed and opened dates), and the report says how many such days it has.
 */
export async function loadFunderReportDays(
  store: KioskStore,
  from: IsoDate,
  to: IsoDate,
  reader?: EndpointTotalsReader,
): Promise<FunderReportDays> {
  const lastFrom = sameDateLastYear(from);
  const lastTo = sameDateLastYear(to);
  const [period, lastYear, snapshots] = await Promise.all([
    rangeTotals(store, from, to, reader),
    rangeTotals(store, lastFrom, lastTo, reader),
    openingSnapshots(store, lastFrom, to),
  ]);
  const withOpening = ({ date, totals }: Omit<ReportDay, 'opening'>): ReportDay => {
    const opening = snapshots.get(date);
    return opening === undefined ? { date, totals } : { date, totals, opening };
  };
  return {
    source: period.source,
    days: period.days.map(withOpening),
    lastYearDays: lastYear.days.map(withOpening),
  };
}
