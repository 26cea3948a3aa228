/**
 * The SQLite store keeps a replica's day as one row whose counts are a JSON object: the key is
 * the protocol's `countKey` (`counter|option|hour`, empty for absent parts; slugs never contain
 * `|`), the value `[inc, dec]`, or `[inc, dec, incNok, decNok]` once the key has carried kroner.
 * Merging is the domain's one max-merge (`mergeDayCounts`, PROTOCOL.md's rule field by field),
 * so a replayed, reordered or older upload changes nothing.
 */
import { mergeDayCounts as mergeDay, type DayCounts } from '../../domain/tally-merge.ts';
import { countKey, type Upload } from '../../shared/protocol.ts';
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
