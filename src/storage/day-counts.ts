/**
 * A replica's business day in one string on its day row: the same numbers as its tally rows,
 * so a range of days (a year's CSV) reads one row per day instead of one per key and hour.
 * Every write that changes tally counts writes them here too, in the same transaction; a day
 * row without them (written before they existed) is read from its tally rows instead.
 */
import type { TallyRow } from './rows.ts';

/** One key of the day: [counter, option, hour, inc, dec, incNok, decNok] (sentinels kept). */
export type PackedEntry = [
  counter: string,
  option: string,
  hour: number,
  inc: number,
  dec: number,
  incNok: number,
  decNok: number,
];

/** A day with no counts yet. */
export const NO_COUNTS = '[]';

const keyOf = (entry: PackedEntry) => `${entry[0]}\u0000${entry[1]}\u0000${entry[2]}`;

/** The day's counts with these rows' (absolute) state put in, replacing their keys. */
export function withRows(packed: string, rows: Iterable<TallyRow>): string {
  const entries = new Map<string, PackedEntry>();
  for (const entry of JSON.parse(packed) as PackedEntry[]) entries.set(keyOf(entry), entry);
  for (const row of rows) {
    const entry: PackedEntry = [
      row.counter,
      row.option,
      row.hour,
      row.inc,
      row.dec,
      row.incNok,
      row.decNok,
    ];
    entries.set(keyOf(entry), entry);
  }
  return JSON.stringify([...entries.values()]);
}

/**
 * The counts a write leaves on its day row: `withRows`, or undefined when the row has none
 * (written before they existed) or they cannot be read — never a reason to refuse a tap; the
 * day is then read from its tally rows.
 */
export function updatedCounts(
  packed: string | undefined,
  rows: Iterable<TallyRow>,
): string | undefined {
  if (packed === undefined) return undefined;
  try {
    return withRows(packed, rows);
  } catch {
    return undefined;
  }
}
