import { describe, expect, it } from 'vitest';
import {
  amountOf,
  applyDelta,
  mergeCounts,
  mergeDayCounts,
  mergeMax,
  netOf,
  rollUp,
  type DayCounts,
  type TallyCounts,
} from '../../src/domain/tally';
import { countKey } from '../../src/shared/protocol';

describe('applying a delta', () => {
  it('adds a tap to increments and an undo to decrements, never lowering either', () => {
    const zero: TallyCounts = { counter: 'visit', hour: 13, inc: 0, dec: 0 };
    const tapped = applyDelta(applyDelta(zero, 1), 1);
    const undone = applyDelta(tapped, -1);
    expect(undone).toEqual({ counter: 'visit', hour: 13, inc: 2, dec: 1 });
    expect(netOf(undone)).toBe(1);
  });

  it('returns a new row and leaves the old one as it was', () => {
    const row: TallyCounts = { counter: 'middag', inc: 3, dec: 0 };
    const next = applyDelta(row, 5);
    expect(row).toEqual({ counter: 'middag', inc: 3, dec: 0 });
    expect(next).toEqual({ counter: 'middag', inc: 8, dec: 0 });
  });

  it('keeps kroner beside the count: sold in, given back out', () => {
    let row: TallyCounts = { counter: 'bingo', option: 'cash', inc: 0, dec: 0 };
    row = applyDelta(row, 3, 30);
    expect(row).toEqual({
      counter: 'bingo',
      option: 'cash',
      inc: 3,
      dec: 0,
      incNok: 30,
      decNok: 0,
    });
    row = applyDelta(row, -1, -10);
    expect(row).toMatchObject({ inc: 3, dec: 1, incNok: 30, decNok: 10 });
    expect(amountOf(row)).toBe(20);
  });

  it('has no amount when the row never carried kroner', () => {
    expect(amountOf({ counter: 'visit', inc: 4, dec: 0 })).toBeUndefined();
  });

  it('refuses a fractional delta', () => {
    expect(() => applyDelta({ counter: 'visit', inc: 0, dec: 0 }, 0.5)).toThrow(RangeError);
  });
});

describe('merging two states of a key', () => {
  it('takes the field-wise maximum, so replays and reordering change nothing', () => {
    const a: TallyCounts = { counter: 'bingo', inc: 5, dec: 2, incNok: 50, decNok: 0 };
    const b: TallyCounts = { counter: 'bingo', inc: 7, dec: 1, incNok: 40, decNok: 10 };
    const merged = mergeMax(a, b);
    expect(merged).toEqual({ counter: 'bingo', inc: 7, dec: 2, incNok: 50, decNok: 10 });
    expect(mergeMax(b, a)).toEqual(merged);
    expect(mergeMax(merged, a)).toEqual(merged);
  });

  it('refuses rows of different keys', () => {
    expect(() =>
      mergeMax(
        { counter: 'visit', hour: 12, inc: 1, dec: 0 },
        { counter: 'visit', inc: 1, dec: 0 },
      ),
    ).toThrow(RangeError);
  });
});

describe('merging stored and sent counts', () => {
  it('returns the stored state itself when nothing grew, so the write can be skipped', () => {
    const stored = { inc: 5, dec: 2, incNok: 50, decNok: 0 };
    expect(mergeCounts(stored, { inc: 4, dec: 2, incNok: 50 })).toBe(stored);
    expect(mergeCounts(stored, stored)).toBe(stored);
  });

  it("keeps the stored row's other fields and takes each larger number", () => {
    const stored = { replica: 'r', inc: 5, dec: 2, incNok: 50, decNok: 0 };
    const merged = mergeCounts(stored, { inc: 3, dec: 4, incNok: 10, decNok: 20 });
    expect(merged).toEqual({ replica: 'r', inc: 5, dec: 4, incNok: 50, decNok: 20 });
    expect(stored).toEqual({ replica: 'r', inc: 5, dec: 2, incNok: 50, decNok: 0 });
  });

  it('gives a key both kroner fields once either side carries kroner', () => {
    expect(mergeCounts({ inc: 1, dec: 0 }, { inc: 1, dec: 0, incNok: 10 })).toEqual({
      inc: 1,
      dec: 0,
      incNok: 10,
      decNok: 0,
    });
    expect(mergeCounts({ inc: 1, dec: 0 }, { inc: 1, dec: 0 })).toEqual({ inc: 1, dec: 0 });
  });
});

describe('merging a packed day', () => {
  const visit = { counter: 'visit', hour: 13, inc: 4, dec: 1 };
  const cash = { counter: 'bingo', option: 'cash', inc: 3, dec: 0, incNok: 30, decNok: 0 };

  it('packs new keys, with kroner only where a key carries them', () => {
    const day: DayCounts = {};
    expect(mergeDayCounts(day, [visit, cash], countKey)).toBe(true);
    expect(day).toEqual({ 'visit||13': [4, 1], 'bingo|cash|': [3, 0, 30, 0] });
  });

  it('a replayed or older upload changes nothing and says so', () => {
    const day: DayCounts = { 'visit||13': [4, 1], 'bingo|cash|': [3, 0, 30, 0] };
    expect(mergeDayCounts(day, [visit, { ...cash, inc: 2, incNok: 20 }], countKey)).toBe(false);
    expect(day).toEqual({ 'visit||13': [4, 1], 'bingo|cash|': [3, 0, 30, 0] });
  });

  it('takes each larger number, and kroner on a key that had none', () => {
    const day: DayCounts = { 'visit||13': [4, 1], 'bingo|cash|': [3, 0] };
    const grown = [
      { ...visit, inc: 6 },
      { ...cash, incNok: 0, decNok: 0 },
    ];
    expect(mergeDayCounts(day, grown, countKey)).toBe(true);
    expect(day).toEqual({ 'visit||13': [6, 1], 'bingo|cash|': [3, 0, 0, 0] });
  });

  it('stores a new key even when all its numbers are zero', () => {
    const day: DayCounts = {};
    expect(mergeDayCounts(day, [{ counter: 'visit', inc: 0, dec: 0 }], countKey)).toBe(true);
    expect(day).toEqual({ 'visit||': [0, 0] });
  });
});

describe('rolling up a day', () => {
  // PROTOCOL.md: the upload example's counts and the reading example's totals.
  const uploadCounts: TallyCounts[] = [
    { counter: 'visit', option: 'first-time', hour: 13, inc: 4, dec: 0 },
    { counter: 'visit', hour: 13, inc: 21, dec: 1 },
    { counter: 'middag', inc: 31, dec: 0 },
    { counter: 'bingo', option: 'cash', inc: 12, dec: 0, incNok: 120, decNok: 0 },
  ];
  const readingTotals = [
    { counter: 'visit', net: 24 },
    { counter: 'visit', option: 'first-time', net: 4 },
    { counter: 'visit', hour: 13, net: 24 },
    { counter: 'middag', net: 31 },
    { counter: 'bingo', net: 12, amountNok: 120 },
    { counter: 'bingo', option: 'cash', net: 12, amountNok: 120 },
  ];

  it("gives PROTOCOL.md's reading example from its upload example", () => {
    expect(rollUp(uploadCounts)).toEqual(
      [...readingTotals].sort((a, b) =>
        a.counter < b.counter ? -1 : a.counter > b.counter ? 1 : 0,
      ),
    );
  });

  it('orders counters by id, then whole day, options by id, hours in order', () => {
    const totals = rollUp([
      { counter: 'visit', option: 'returning', hour: 14, inc: 1, dec: 0 },
      { counter: 'visit', option: 'first-time', hour: 9, inc: 2, dec: 0 },
      { counter: 'visit', hour: 10, inc: 3, dec: 0 },
      { counter: 'bingo', option: 'vipps', inc: 1, dec: 0, incNok: 10, decNok: 0 },
    ]);
    expect(totals.map((t) => [t.counter, t.option, t.hour])).toEqual([
      ['bingo', undefined, undefined],
      ['bingo', 'vipps', undefined],
      ['visit', undefined, undefined],
      ['visit', 'first-time', undefined],
      ['visit', 'returning', undefined],
      ['visit', undefined, 9],
      ['visit', undefined, 10],
      ['visit', undefined, 14],
    ]);
  });

  it('sums the same key carried by several replicas', () => {
    const totals = rollUp([
      { counter: 'visit', hour: 13, inc: 10, dec: 1 },
      { counter: 'visit', hour: 13, inc: 5, dec: 0 },
    ]);
    expect(totals).toEqual([
      { counter: 'visit', net: 14 },
      { counter: 'visit', hour: 13, net: 14 },
    ]);
  });

  it('puts kroner only on rows whose keys carry kroner', () => {
    const totals = rollUp([
      { counter: 'bingo', option: 'cash', inc: 2, dec: 0, incNok: 20, decNok: 0 },
      { counter: 'bingo', option: 'free', inc: 1, dec: 0 },
    ]);
    expect(totals).toEqual([
      { counter: 'bingo', net: 3, amountNok: 20 },
      { counter: 'bingo', option: 'cash', net: 2, amountNok: 20 },
      { counter: 'bingo', option: 'free', net: 1 },
    ]);
    expect('amountNok' in totals[2]!).toBe(false);
  });

  it('is empty for a day without rows', () => {
    expect(rollUp([])).toEqual([]);
  });
});
