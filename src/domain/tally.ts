/**
 * Owns the tally arithmetic: grow-only increment/decrement pairs per key (a PN-counter), their
 * merge and the PROTOCOL.md roll-up into totals. Pure values in, new values out; it never
 * lowers a count and never touches storage.
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

/** A key's grow-only numbers, wherever they are kept (a tally row, an upload's count). */
export type GrowOnlyCounts = Pick<TallyCounts, 'inc' | 'dec' | 'incNok' | 'decNok'>;

const carriesNok = (counts: GrowOnlyCounts): boolean =>
  counts.incNok !== undefined || counts.decNok !== undefined;

/**
 * PROTOCOL.md's merge, field by field: each number becomes the larger of stored and sent, so a
 * replayed, reordered or older state changes nothing. Both kroner fields appear together once
 * either side carries kroner. Returns `stored` itself when nothing grew, so a caller can skip
 * the write (`merged === stored`); otherwise a new object with stored's other fields kept.
 */
export function mergeCounts<T extends GrowOnlyCounts>(stored: T, sent: GrowOnlyCounts): T {
  const inc = Math.max(stored.inc, sent.inc);
  const dec = Math.max(stored.dec, sent.dec);
  if (!carriesNok(stored) && !carriesNok(sent)) {
    return inc === stored.inc && dec === stored.dec ? stored : { ...stored, inc, dec };
  }
  const incNok = Math.max(stored.incNok ?? 0, sent.incNok ?? 0);
  const decNok = Math.max(stored.decNok ?? 0, sent.decNok ?? 0);
  const grew =
    inc !== stored.inc ||
    dec !== stored.dec ||
    incNok !== stored.incNok ||
    decNok !== stored.decNok;
  return grew ? { ...stored, inc, dec, incNok, decNok } : stored;
}

/** Field-wise maximum of two states of the same key: the endpoint's idempotent merge. */
export function mergeMax(a: TallyCounts, b: TallyCounts): TallyCounts {
  if (a.counter !== b.counter || a.option !== b.option || a.hour !== b.hour) {
    throw new RangeError('mergeMax needs two rows of the same key');
  }
  return mergeCounts(a, b);
}

/**
 * A replica's day packed by key: `[inc, dec]`, or `[inc, dec, incNok, decNok]` once the key
 * has carried kroner (the endpoint's SQLite row keeps a day this way, as JSON).
 */
export type DayCounts = Record<string, number[]>;

function unpacked(values: readonly number[]): GrowOnlyCounts {
  // Indexed, not destructured: the endpoint unpacks every key of every upload.
  return values.length < 4
    ? { inc: values[0]!, dec: values[1]! }
    : { inc: values[0]!, dec: values[1]!, incNok: values[2]!, decNok: values[3]! };
}

const packed = (counts: GrowOnlyCounts): number[] =>
  carriesNok(counts)
    ? [counts.inc, counts.dec, counts.incNok ?? 0, counts.decNok ?? 0]
    : [counts.inc, counts.dec];

/**
 * Max-merges `counts` into the packed day `stored` in place (`mergeCounts` per key, `keyOf`
 * naming each count's key); true when anything grew, so an unchanged day need not be written.
 */
export function mergeDayCounts<C extends GrowOnlyCounts>(
  stored: DayCounts,
  counts: readonly C[],
  keyOf: (count: C) => string,
): boolean {
  let changed = false;
  for (const count of counts) {
    const key = keyOf(count);
    const values = stored[key];
    const current = values === undefined ? { inc: 0, dec: 0 } : unpacked(values);
    const merged = mergeCounts(current, count);
    if (merged === current && values !== undefined) continue;
    stored[key] = packed(merged);
    changed = true;
  }
  return changed;
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

function totalOf(key: TallyKey, sum: Sum): Total {
  // Field order as PROTOCOL.md prints it; absent fields stay absent, never undefined.
  return {
    counter: key.counter,
    ...(key.option !== undefined ? { option: key.option } : {}),
    ...(key.hour !== undefined ? { hour: key.hour } : {}),
    net: sum.net,
    ...(sum.hasNok ? { amountNok: sum.amountNok } : {}),
  };
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
    totals.push(totalOf({ counter }, entry.whole));
    for (const option of [...entry.options.keys()].sort(compareText)) {
      totals.push(totalOf({ counter, option }, entry.options.get(option)!));
    }
    for (const hour of [...entry.hours.keys()].sort((x, y) => x - y)) {
      totals.push(totalOf({ counter, hour }, entry.hours.get(hour)!));
    }
  }
  return totals;
}

// Ids are ASCII slugs, so code-unit order is stable and locale-free.
const compareText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
