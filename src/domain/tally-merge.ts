/**
 * Owns the one max-merge of grow-only counts (PROTOCOL.md's merge): for a key, for two states
 * of a key and for a packed day. The tablet's backup import and the endpoint's SQLite store
 * use it. Pure; it never lowers a number. Apart from tally.ts, which the door's first paint
 * loads: a tap never merges.
 */
import type { TallyCounts } from './tally';

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
