/**
 * PROTOCOL.md's roll-up of a day's keys into total rows, as a pure function. A stand-in for
 * `rollUp` of src/domain/tally.ts (same signature and row order) until the two are merged.
 */
import type { Total } from '../shared/protocol.ts';

/** One key's grow-only numbers, as uploaded or as summed over replicas. */
export interface RollUpCount {
  counter: string;
  option?: string;
  hour?: number;
  inc: number;
  dec: number;
  incNok?: number;
  decNok?: number;
}

interface Sum {
  net: number;
  amountNok?: number;
}

function add(sums: Map<string | number, Sum>, key: string | number, count: RollUpCount): void {
  const sum = sums.get(key) ?? { net: 0 };
  sum.net += count.inc - count.dec;
  // Kroner appear only on rows whose keys carry them, so absent stays absent.
  if (count.incNok !== undefined || count.decNok !== undefined) {
    sum.amountNok = (sum.amountNok ?? 0) + (count.incNok ?? 0) - (count.decNok ?? 0);
  }
  sums.set(key, sum);
}

function row(base: Omit<Total, 'net' | 'amountNok'>, sum: Sum): Total {
  const total: Total = { ...base, net: sum.net };
  if (sum.amountNok !== undefined) total.amountNok = sum.amountNok;
  return total;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The total rows of one day: per counter (sorted by id) the whole-day row, then one row per
 * option (sorted by id, summed over hours), then one row per hour (sorted, summed over options).
 */
export function rollUp(counts: RollUpCount[]): Total[] {
  const counters = new Map<
    string,
    { whole: Map<string, Sum>; options: Map<string, Sum>; hours: Map<number, Sum> }
  >();
  for (const count of counts) {
    let sums = counters.get(count.counter);
    if (!sums) {
      sums = { whole: new Map(), options: new Map(), hours: new Map() };
      counters.set(count.counter, sums);
    }
    add(sums.whole, '', count);
    if (count.option !== undefined) add(sums.options, count.option, count);
    if (count.hour !== undefined) add(sums.hours, count.hour, count);
  }
  const totals: Total[] = [];
  for (const counter of [...counters.keys()].sort(byString)) {
    const sums = counters.get(counter)!;
    totals.push(row({ counter }, sums.whole.get('')!));
    for (const option of [...sums.options.keys()].sort(byString)) {
      totals.push(row({ counter, option }, sums.options.get(option)!));
    }
    for (const hour of [...sums.hours.keys()].sort((a, b) => a - b)) {
      totals.push(row({ counter, hour }, sums.hours.get(hour)!));
    }
  }
  return totals;
}
