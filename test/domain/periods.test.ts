import { describe, expect, it } from 'vitest';
import {
  checkRange,
  isoWeekOf,
  periodKeyOf,
  sumTotals,
  totalsByPeriod,
} from '../../src/domain/periods.ts';

describe('periods', () => {
  it.each([
    ['2026-11-23', 2026, 48],
    ['2026-01-01', 2026, 1],
    ['2027-01-01', 2026, 53],
    ['2024-12-30', 2025, 1],
  ])('%s is in ISO week %i-%i', (date, year, week) => {
    expect(isoWeekOf(date)).toEqual({ year, week });
  });

  it('keys a date by day, week, month and year', () => {
    expect(
      ['day', 'week', 'month', 'year'].map((p) => periodKeyOf('2026-11-26', p as 'day')),
    ).toEqual(['2026-11-26', '2026-W48', '2026-11', '2026']);
  });

  it('sums days into periods, kroner included', () => {
    const days = [
      { date: '2026-11-30', totals: [{ counter: 'visit', net: 3 }] },
      {
        date: '2026-11-23',
        totals: [
          { counter: 'visit', net: 4 },
          { counter: 'bingo', net: 2, amountNok: 20 },
        ],
      },
      {
        date: '2026-11-26',
        totals: [
          { counter: 'visit', net: 5 },
          { counter: 'bingo', net: 1, amountNok: 10 },
        ],
      },
    ];
    expect(totalsByPeriod(days, 'week')).toEqual([
      {
        key: '2026-W48',
        from: '2026-11-23',
        to: '2026-11-26',
        days: 2,
        totals: [
          { counter: 'visit', net: 9 },
          { counter: 'bingo', net: 3, amountNok: 30 },
        ],
      },
      {
        key: '2026-W49',
        from: '2026-11-30',
        to: '2026-11-30',
        days: 1,
        totals: [{ counter: 'visit', net: 3 }],
      },
    ]);
    expect(sumTotals([])).toEqual([]);
  });
});

describe('a range for a file', () => {
  it.each([
    ['2026-11-01', '2026-11-30', undefined],
    ['2026-11-26', '2026-11-26', undefined],
    ['2026-11-26', '2026-11-25', 'to-before-from'],
    ['', '2026-11-25', 'missing'],
    ['2000-01-01', '2026-01-01', 'too-long'],
  ])('%s to %s: %s', (from, to, problem) => {
    expect(checkRange(from, to)).toBe(problem);
  });

  it('ten years is the longest: 3660 days after its first day, not one more', () => {
    expect(checkRange('2020-01-01', '2030-01-08')).toBeUndefined();
    expect(checkRange('2020-01-01', '2030-01-09')).toBe('too-long');
  });
});
