/**
 * The SQLite store keeps a replica's day as one row whose counts are a JSON object: the key is
 * the protocol's `countKey` (`counter|option|hour`, empty for absent parts; slugs never contain
 * `|`), the value `[inc, dec]`, or `[inc, dec, incNok, decNok]` once the key has carried kroner.
 * Merging is PROTOCOL.md's rule, field by field: each number becomes the larger of stored and
 * sent, so a replayed, reordered or older upload changes nothing.
 */
import { countKey, type Upload } from '../../shared/protocol.ts';
import type { StoredCount } from './store.ts';

/** A replica's day: key → grow-only numbers. */
export type DayCounts = Record<string, number[]>;

type Count = Upload['days'][number]['counts'][number];

/**
 * Max-merges `counts` into `stored` in place; true when anything grew (a new key, a larger
 * number, or kroner on a key that had none), so an unchanged row need not be written back.
 */
export function mergeDayCounts(stored: DayCounts, counts: readonly Count[]): boolean {
  let changed = false;
  for (const count of counts) {
    const key = countKey(count);
    const hasNok = count.incNok !== undefined || count.decNok !== undefined;
    const current = stored[key];
    if (current === undefined) {
      stored[key] = hasNok
        ? [count.inc, count.dec, count.incNok ?? 0, count.decNok ?? 0]
        : [count.inc, count.dec];
      changed = true;
      continue;
    }
    if (count.inc > current[0]!) {
      current[0] = count.inc;
      changed = true;
    }
    if (count.dec > current[1]!) {
      current[1] = count.dec;
      changed = true;
    }
    if (hasNok) {
      if (current.length < 4) {
        current[2] = 0;
        current[3] = 0;
        changed = true;
      }
      const incNok = count.incNok ?? 0;
      const decNok = count.decNok ?? 0;
      if (incNok > current[2]!) {
        current[2] = incNok;
        changed = true;
      }
      if (decNok > current[3]!) {
        current[3] = decNok;
        changed = true;
      }
    }
  }
  return changed;
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
