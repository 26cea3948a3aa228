/** Reads of tally state: per day and range, for one replica or summed over all of them. */
import type { TallyCounts } from '../domain/tally.ts';
import {
  NO_HOUR,
  NO_OPTION,
  type DayRow,
  type TallyRow,
  type TerskelDatabase,
} from './database.ts';

/** A stored row as the protocol's count (sentinels back to absent fields). */
export function toCounts(row: TallyRow): TallyCounts {
  const counts: TallyCounts = { counter: row.counter, inc: row.inc, dec: row.dec };
  if (row.option !== NO_OPTION) counts.option = row.option;
  if (row.hour !== NO_HOUR) counts.hour = row.hour;
  if (row.incNok > 0 || row.decNok > 0) {
    counts.incNok = row.incNok;
    counts.decNok = row.decNok;
  }
  return counts;
}

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
