import { describe, expect, it } from 'vitest';
import type { TallyCounts } from '../../src/domain/tally';
import {
  mergeCounts,
  mergeDayCounts,
  mergeMax,
  type DayCounts,
} from '../../src/domain/tally-merge';
import { countKey } from '../../src/shared/protocol';

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
