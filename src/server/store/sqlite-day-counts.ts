/**
 * The SQLite store keeps a replica's day as one row whose counts are a JSON object: the key is
 * the protocol's `countKey` (`counter|option|hour`, empty for absent parts; slugs never contain
 * `|`), the value `[inc, dec]`, or `[inc, dec, incNok, decNok]` once the key has carried kroner.
 * Merging is the domain's one max-merge (`mergeDayCounts`, PROTOCOL.md's rule field by field),
 * so a replayed, reordered or older upload changes nothing.
 */
import { mergeDayCounts as mergeDay, type DayCounts } from '../../domain/tally-merge.ts';
import { countKey, type Upload } from '../../shared/protocol.ts';
import type { ReplicaDaysRow, ReplicaTotalRow } from './common.ts';
import type { StoredCount } from './store.ts';

export type { DayCounts };

type Count = Upload['days'][number]['counts'][number];

/**
 * Max-merges `counts` into `stored` in place; true when anything grew (a new key, a larger
 * number, or kroner on a key that had none), so an unchanged row need not be written back.
 */
export function mergeDayCounts(stored: DayCounts, counts: readonly Count[]): boolean {
  return mergeDay(stored, counts, countKey);
}

/** A stored day row's counts back in the protocol's shape, one per key. */
export function storedDayCounts(date: string, replica: string, counts: DayCounts): StoredCount[] {
  const out: StoredCount[] = [];
  for (const key in counts) {
    const values = counts[key]!;
    const [counter, option, hour] = key.split('|') as [string, string, string];
    const count: StoredCount = { date, replica, counter, inc: values[0]!, dec: values[1]! };
    if (option !== '') count.option = option;
    if (hour !== '') count.hour = Number(hour);
    if (values.length >= 4) {
      count.incNok = values[2]!;
      count.decNok = values[3]!;
    }
    out.push(count);
  }
  return out;
}

/**
 * Each replica's days (how many, the first and last date) and net per counter over all its day
 * rows, for listReplicas: the same sums PostgreSQL's GROUP BY makes over its rows per key.
 */
export function replicaSums(rows: Iterable<{ date: string; replica: string; counts: string }>): {
  days: ReplicaDaysRow[];
  totals: ReplicaTotalRow[];
} {
  const days = new Map<string, ReplicaDaysRow & { days: number }>();
  const totals = new Map<string, ReplicaTotalRow & { net: number; amountNok: number }>();
  for (const row of rows) {
    const dated = days.get(row.replica);
    if (!dated) {
      days.set(row.replica, {
        replica: row.replica,
        days: 1,
        firstDate: row.date,
        lastDate: row.date,
      });
    } else {
      dated.days += 1;
      if (row.date < dated.firstDate) dated.firstDate = row.date;
      if (row.date > dated.lastDate) dated.lastDate = row.date;
    }
    const counts = JSON.parse(row.counts) as DayCounts;
    for (const key in counts) {
      const values = counts[key]!;
      const counter = key.slice(0, key.indexOf('|'));
      const id = `${row.replica}|${counter}`;
      let total = totals.get(id);
      if (!total) {
        total = { replica: row.replica, counter, net: 0, amountNok: 0, hasNok: 0 };
        totals.set(id, total);
      }
      total.net += values[0]! - values[1]!;
      if (values.length >= 4) {
        total.amountNok += values[2]! - values[3]!;
        total.hasNok = 1;
      }
    }
  }
  return { days: [...days.values()], totals: [...totals.values()] };
}
