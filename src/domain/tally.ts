/**
 * Owns the tally arithmetic: grow-only increment/decrement pairs per key (a PN-counter) and the
 * PROTOCOL.md roll-up into totals; their merge is tally-merge.ts. Pure values in, new values
 * out; it never lowers a count and never touches storage.
 */
import type { Total } from '../shared/protocol';

/** Where a count belongs within a day: counter, optional option and optional local hour. */
export interface TallyKey {
  counter: string;
  option?: string;
  hour?: number;
}

/** One key's grow-only counts (structurally the protocol's `Count`). */
export interface TallyCounts extends TallyKey {
  inc: number;
  dec: number;
  incNok?: number;
  decNok?: number;
}

function assertInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be an integer: ${value}`);
}

/** A new row with a signed delta applied: +n to `inc` (and kroner to `incNok`), −n to `dec`. */
export function applyDelta(row: TallyCounts, delta: number, nok?: number): TallyCounts {
  assertInteger(delta, 'delta');
  const next: TallyCounts = { ...row };
  if (delta > 0) next.inc = row.inc + delta;
  else if (delta < 0) next.dec = row.dec - delta;
  if (nok !== undefined) {
    assertInteger(nok, 'kroner');
    // Both kroner fields appear together once a key carries money, as the protocol shows.
    next.incNok = (row.incNok ?? 0) + (delta >= 0 ? Math.abs(nok) : 0);
    next.decNok = (row.decNok ?? 0) + (delta < 0 ? Math.abs(nok) : 0);
  }
  return next;
}

/** The net count of a row: increments minus decrements. */
export function netOf(row: TallyCounts): number {
  return row.inc - row.dec;
}

/** The net kroner of a row, or undefined when the row carries no kroner. */
export function amountOf(row: TallyCounts): number | undefined {
  if (row.incNok === undefined && row.decNok === undefined) return undefined;
  return (row.incNok ?? 0) - (row.decNok ?? 0);
}

interface Sum {
  net: number;
  amountNok: number;
  hasNok: boolean;
}

const emptySum = (): Sum => ({ net: 0, amountNok: 0, hasNok: false });

function addTo(sum: Sum, row: TallyCounts): void {
  sum.net += netOf(row);
  const amount = amountOf(row);
  if (amount !== undefined) {
    sum.amountNok += amount;
    sum.hasNok = true;
  }
}

function totalOf(counter: string, option: string | undefined, hour: number | undefined, sum: Sum) {
  // Field order as PROTOCOL.md prints it; absent fields stay absent, never undefined. Assigned
  // one by one: a year's reports roll up every day, and spreads cost several times as much.
  const total = { counter } as Total;
  if (option !== undefined) total.option = option;
  if (hour !== undefined) total.hour = hour;
  total.net = sum.net;
  if (sum.hasNok) total.amountNok = sum.amountNok;
  return total;
}

/**
 * A day's totals as PROTOCOL.md "Reading" gives them, summed over every row (several replicas
 * may carry the same key): per counter by id, the whole day, then each option, then each hour.
 */
export function rollUp(rows: readonly TallyCounts[]): Total[] {
  const counters = new Map<
    string,
    { whole: Sum; options: Map<string, Sum>; hours: Map<number, Sum> }
  >();
  for (const row of rows) {
    let entry = counters.get(row.counter);
    if (entry === undefined) {
      entry = { whole: emptySum(), options: new Map(), hours: new Map() };
      counters.set(row.counter, entry);
    }
    addTo(entry.whole, row);
    if (row.option !== undefined) {
      let sum = entry.options.get(row.option);
      if (sum === undefined) entry.options.set(row.option, (sum = emptySum()));
      addTo(sum, row);
    }
    if (row.hour !== undefined) {
      let sum = entry.hours.get(row.hour);
      if (sum === undefined) entry.hours.set(row.hour, (sum = emptySum()));
      addTo(sum, row);
    }
  }
  const totals: Total[] = [];
  for (const counter of [...counters.keys()].sort(compareText)) {
    const entry = counters.get(counter)!;
    totals.push(totalOf(counter, undefined, undefined, entry.whole));
    for (const option of [...entry.options.keys()].sort(compareText)) {
      totals.push(totalOf(counter, option, undefined, entry.options.get(option)!));
    }
    for (const hour of [...entry.hours.keys()].sort((x, y) => x - y)) {
      totals.push(totalOf(counter, undefined, hour, entry.hours.get(hour)!));
    }
  }
  return totals;
}

// Ids are ASCII slugs, so code-unit order is stable and locale-free.
const compareText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
