import { describe, expect, it } from 'vitest';
import { amountOf, applyDelta, netOf, rollUp, type TallyCounts } from '../../src/domain/tally';

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

  it('writes each total with its fields in the order PROTOCOL.md prints them', () => {
    const totals = rollUp([
      { counter: 'bingo', option: 'cash', inc: 2, dec: 0, incNok: 20, decNok: 0 },
      { counter: 'visit', hour: 13, inc: 1, dec: 0 },
    ]);
    expect(totals.map((total) => JSON.stringify(total))).toEqual([
      '{"counter":"bingo","net":2,"amountNok":20}',
      '{"counter":"bingo","option":"cash","net":2,"amountNok":20}',
      '{"counter":"visit","net":1}',
      '{"counter":"visit","hour":13,"net":1}',
    ]);
  });

  it('is empty for a day without rows', () => {
    expect(rollUp([])).toEqual([]);
  });
});
