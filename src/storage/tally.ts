/** Reads of tally state: per day and range, for one replica or summed over all of them. */
import type { TallyCounts } from '../domain/tally.ts';
import type { TerskelDatabase } from './database.ts';
import type { PackedEntry } from './day-counts.ts';
import { toCounts, type DayRow, type TallyRow } from './rows.ts';

export { toCounts } from './rows.ts';

/** Every replica's tally rows for one business day. */
export function tallyRowsOfDay(db: TerskelDatabase, day: string): Promise<TallyRow[]> {
  return db.tally.where('day').equals(day).toArray();
}

/** Every replica's tally rows for an inclusive range of business days. */
export function tallyRowsBetween(
  db: TerskelDatabase,
  from: string,
  to: string,
): Promise<TallyRow[]> {
  return db.tally.where('day').between(from, to, true, true).toArray();
}

/** The day rows (closings, revisions) of one replica. */
export function dayRow(
  db: TerskelDatabase,
  replica: string,
  day: string,
): Promise<DayRow | undefined> {
  return db.days.get([replica, day]);
}

/** Every replica's counts for one business day, in the protocol's shape (for roll-ups). */
export async function countsOfDay(db: TerskelDatabase, day: string): Promise<TallyCounts[]> {
  return (await tallyRowsOfDay(db, day)).map(toCounts);
}

/** The day's counts in the protocol's shape, as `toCounts` gives them from tally rows. */
export function countsOfDayRow(packed: string): TallyCounts[] {
  return (JSON.parse(packed) as PackedEntry[]).map(
    ([counter, option, hour, inc, dec, incNok, decNok]) =>
      toCounts({ counter, option, hour, inc, dec, incNok, decNok } as TallyRow),
  );
}

/**
 * Every replica's counts per business day over an inclusive range, in day order (only days
 * with counts): from the counts packed on the day rows, one row per replica and day, and
 * from the tally rows for day rows written before those existed.
 */
export async function countsByDayBetween(
  db: TerskelDatabase,
  from: string,
  to: string,
): Promise<Array<{ day: string; counts: TallyCounts[] }>> {
  const byDay = new Map<string, TallyCounts[]>();
  const add = (day: string, counts: TallyCounts[]) => {
    if (counts.length === 0) return;
    const list = byDay.get(day);
    if (list === undefined) byDay.set(day, counts);
    else list.push(...counts);
  };
  const unpacked: Array<[string, string]> = [];
  for (const row of await db.days.where('day').between(from, to, true, true).toArray()) {
    if (row.counts === undefined) unpacked.push([row.replica, row.day]);
    else add(row.day, countsOfDayRow(row.counts));
  }
  if (unpacked.length > 0) {
    for (const row of await db.tally.where('[replica+day]').anyOf(unpacked).toArray())
      add(row.day, [toCounts(row)]);
  }
  return [...byDay.keys()].sort().map((day) => ({ day, counts: byDay.get(day)! }));
}
